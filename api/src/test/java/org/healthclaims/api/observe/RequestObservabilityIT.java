package org.healthclaims.api.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RequestObservabilityIT extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.healthclaims.api.masterdata.MasterDataCaches caches;

    GraphQlClient client;
    Map<String, String> auth;
    final Logger requestLog = (Logger) LoggerFactory.getLogger("org.healthclaims.api.observe.RequestLog");
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void logIn() {
        client = client();
        auth = GraphQlClient.bearer(client.login("Admin", "admin123"));
        logged.start();
        requestLog.addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        requestLog.detachAppender(logged);
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
        // the pool's own metrics: Boot still finds HikariCP behind the timing DataSource
        assertThat(metrics).containsPattern("(?m)^hikaricp_connections_active\\{[^}]*pool=\"claims\"");
    }

    @Test
    void the_log_line_of_a_claims_page_carries_the_statements_the_server_ran_for_it() {
        // cold caches: the register loads run on the caches' own threads and must still count for this request
        caches.invalidateAll();
        warmAccess(client, auth);
        statements.reset();

        Answer answer = client.post(GraphQlClient.document("claimsPage"), Map.of("first", 10), auth);

        int counted = statements.count();
        assertThat(answer.data().path("claims").path("edges").size()).isEqualTo(10);
        assertThat(counted).isEqualTo(11);
        assertThat(lines("graphql claimsPage "))
                .singleElement()
                .asString()
                .matches("graphql claimsPage \\d+\\.\\d ms, " + counted
                        + " sql in \\d+\\.\\d ms, \\d+\\.\\d ms waiting for connections");
        assertThat(answer.headers().get("x-sql-statements")).containsExactly(Integer.toString(counted));
    }

    @Test
    void an_unnamed_operation_is_logged_as_anonymous() {
        statements.reset();

        Answer answer = client.post("{ claims(first: 3) { edges { node { code } } } }", Map.of(), auth);

        assertThat(answer.data().path("claims").path("edges").size()).isEqualTo(3);
        assertThat(lines("graphql anonymous ")).hasSize(1).first().asString().contains(", 1 sql in ");
        assertThat(statements.count()).isEqualTo(1);
    }

    private List<String> lines(String prefix) {
        List<String> lines = new ArrayList<>();
        synchronized (logged) { // the appender appends under its own lock
            for (ILoggingEvent event : logged.list)
                if (event.getFormattedMessage().startsWith(prefix)) lines.add(event.getFormattedMessage());
        }
        return lines;
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
