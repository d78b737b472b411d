package org.healthclaims.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.healthclaims.api.testing.ApiTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ProfilingIT extends ApiTest {

    @Test
    void an_administrator_gets_a_flame_graph_of_the_server() throws Exception {
        String admin = client().login("Admin", "admin123");

        HttpResponse<String> graph = get("/api/admin/flamegraph?seconds=1&event=itimer", admin);
        HttpResponse<String> bad = get("/api/admin/flamegraph?seconds=0", admin);
        HttpResponse<String> unknownEvent = get("/api/admin/flamegraph?seconds=1&event=disk", admin);

        assertThat(graph.statusCode()).isEqualTo(200);
        assertThat(graph.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(graph.body()).contains("<html", "canvas");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(unknownEvent.statusCode()).isEqualTo(400);
    }

    @Test
    void nobody_else_gets_one() throws Exception {
        // the demo's medical officer: every claim right, not an IMIS administrator
        String officer = client().login("medofficer", "medofficer123");

        assertThat(get("/api/admin/flamegraph?seconds=1", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/admin/flamegraph?seconds=1", "not-a-token").statusCode())
                .isEqualTo(401);
        assertThat(get("/api/admin/flamegraph?seconds=1", officer).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/flamegraph?seconds=1", null).statusCode())
                .as("the old actuator endpoint is gone")
                .isEqualTo(404);
    }

    private HttpResponse<String> get(String path, @Nullable String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) request.header("Authorization", "JWT " + token);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
