package org.healthclaims.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.healthclaims.api.testing.ApiTest;
import org.junit.jupiter.api.Test;

class ProfilingIT extends ApiTest {

    @Test
    void the_flame_graph_endpoint_profiles_the_server_and_answers_html() throws Exception {
        HttpResponse<String> graph = get("/actuator/flamegraph?seconds=1&event=itimer");
        HttpResponse<String> bad = get("/actuator/flamegraph?seconds=0");

        assertThat(graph.statusCode()).isEqualTo(200);
        assertThat(graph.body()).contains("<html", "canvas");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
