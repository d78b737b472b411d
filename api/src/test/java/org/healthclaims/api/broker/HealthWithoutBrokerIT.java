package org.healthclaims.api.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.healthclaims.api.ApiApplication;
import org.healthclaims.api.testing.TestServices;
import org.healthclaims.domain.database.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With the broker unreachable the server still starts, and its health says DOWN (503), naming the broker. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its own server: closed after this class, so its connections go back to the shared PostgreSQL
class HealthWithoutBrokerIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        DatabaseUrl database = TestServices.createDatabase("claims_" + TestServices.RUN_ID + "_nobroker");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        int brokerPort = closedPort;
        registry.add("database.url", database::jdbcUrl);
        registry.add("database.user", () -> database.user() == null ? "" : database.user());
        registry.add("database.password", () -> database.password() == null ? "" : database.password());
        registry.add("amqp.url", () -> "amqp://guest:guest@127.0.0.1:" + brokerPort);
        registry.add("demo.data", () -> "false");
        registry.add("database.pool-size", () -> "2");
    }

    @Test
    void health_is_down_and_names_the_broker_while_the_database_is_up() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        JsonNode health = JsonMapper.builder().build().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(health.path("status").asString()).isEqualTo("DOWN");
        assertThat(health.path("components").path("rabbit").path("status").asString())
                .isEqualTo("DOWN");
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
    }
}
