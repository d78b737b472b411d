package org.healthclaims.api.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestObservabilityIT extends ApiTest {

    GraphQlClient client;
    Map<String, String> auth;

    @BeforeEach
    void logIn() {
        client = client();
        auth = GraphQlClient.bearer(client.login("Admin", "admin123"));
    }

    @Test
    void prometheus_shows_the_request_timer_by_operation_name_and_the_data_fetcher_timer() throws Exception {
        Answer answer = client.post(GraphQlClient.document("claimsPage"), Map.of("first", 10), auth);

        String metrics = get("/actuator/prometheus");

        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        assertThat(metrics)
                .containsPattern("(?m)^graphql_request_seconds_count\\{[^}]*graphql_operation_name=\"claimsPage\""
                        + "[^}]*graphql_outcome=\"SUCCESS\"[^}]*} [1-9]");
        assertThat(metrics)
                .containsPattern("(?m)^graphql_datafetcher_seconds_count\\{[^}]*graphql_field_name=\"claims\"");
        assertThat(metrics).containsPattern("(?m)^graphql_dataloader_seconds_count\\{[^}]*graphql_loader_name=\"");
        assertThat(metrics).containsPattern("(?m)^hikaricp_connections_active\\{[^}]*pool=\"claims\"");
    }

    private String get(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        }
    }
}
