package org.healthclaims.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.TestServices;
import org.healthclaims.domain.database.DatabaseUrl;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started as a user starts it: {@code java -jar api/target/claims-api.jar}, first with no
 * environment at all, then with DATABASE_URL and AMQP_URL naming real services.
 */
class ZeroSetupIT {

    static final Path JAR = Path.of(System.getProperty("claims.api.jar", "target/claims-api.jar"));
    static final List<String> SERVICE_VARIABLES = List.of(
            "DATABASE_URL",
            "DATABASE_USER",
            "DATABASE_PASSWORD",
            "DATABASE_POOL_SIZE",
            "AMQP_URL",
            "AMQP_PREFIX",
            "DEMO_DATA",
            "JWT_SECRET");

    @Test
    void with_no_environment_the_jar_serves_demo_data_from_embedded_services() throws Exception {
        try (Server server = Server.start(Map.of(), "no-env")) {
            GraphQlClient client = new GraphQlClient(server.baseUrl());
            Map<String, String> auth = GraphQlClient.bearer(client.login("Admin", "admin123"));

            GraphQlClient.Answer claims = client.post(GraphQlClient.document("claimsPage"), Map.of("first", 100), auth);
            assertThat(claims.data().path("claims").path("edges").size()).isEqualTo(100);
            assertThat(claims.data().path("claims").path("totalCount").asInt()).isGreaterThanOrEqualTo(2000);
            assertThat(server.log()).contains("embedded PostgreSQL started", "demo data loaded", "/graphiql");
            assertThat(health(server)).contains("\"db\":{\"status\":\"UP\"}", "\"rabbit\":{\"status\":\"UP\"}");
        }
    }

    @Test
    void with_database_url_it_migrates_and_uses_that_database() throws Exception {
        DatabaseUrl database = TestServices.createDatabase("claims_" + TestServices.RUN_ID + "_jar");
        Map<String, String> env = Map.of(
                "DATABASE_URL",
                database.jdbcUrl(),
                "DATABASE_USER",
                database.user() == null ? "" : database.user(),
                "DATABASE_PASSWORD",
                database.password() == null ? "" : database.password(),
                "AMQP_URL",
                TestServices.amqpUrl(),
                "AMQP_PREFIX",
                TestServices.amqpPrefix() + "jar.",
                "DEMO_DATA",
                "true",
                "DATABASE_POOL_SIZE",
                "5");

        try (Server server = Server.start(env, "database-url")) {
            assertThat(server.log()).doesNotContain("embedded PostgreSQL started");
            try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                    Statement s = c.createStatement()) {
                assertThat(single(s, "select count(*) from flyway_schema_history where success"))
                        .isEqualTo(14);
                assertThat(single(s, "select count(*) from insuree where chf_id = '100000001'"))
                        .isEqualTo(1);
            }
            GraphQlClient client = new GraphQlClient(server.baseUrl());
            GraphQlClient.Answer answer = client.post(
                    "{ insurees(chfId: \"100000001\") { edges { node { lastName } } } }",
                    Map.of(),
                    GraphQlClient.bearer(client.login("Admin", "admin123")));
            assertThat(answer.data()
                            .path("insurees")
                            .path("edges")
                            .get(0)
                            .path("node")
                            .path("lastName")
                            .asString())
                    .isEqualTo("Doe");
        }
    }

    private static int single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String health(Server server) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** A server process of the packaged jar, stopped on close. */
    record Server(Process process, int port, Path logFile) implements AutoCloseable {

        static Server start(Map<String, String> env, String name) throws Exception {
            assertThat(JAR).as("build the jar first: ./mvnw package").exists();
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = Path.of("target", "zero-setup-" + name + ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString(), "--server.port=" + port));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            SERVICE_VARIABLES.forEach(builder.environment()::remove);
            builder.environment().putAll(env);
            Instant started = Instant.now();
            Server server = new Server(builder.start(), port, log);
            server.awaitReady(Duration.ofMinutes(2));
            System.out.printf(
                    "claims-api.jar (%s) ready after %.1f s as measured by the test, wall clock%n",
                    name, Duration.between(started, Instant.now()).toMillis() / 1000.0);
            return server;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }

        private void awaitReady(Duration timeout) throws Exception {
            Instant deadline = Instant.now().plus(timeout);
            HttpClient http = HttpClient.newHttpClient();
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) throw new AssertionError("the server exited early:\n" + log());
                if (log().contains("claims server ready")) {
                    HttpResponse<String> health = http.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) return;
                }
                // a condition wait with a deadline: the server's own log says when it is ready
                process.onExit()
                        .completeOnTimeout(null, 200, java.util.concurrent.TimeUnit.MILLISECONDS)
                        .join();
            }
            throw new AssertionError("the server was not ready within " + timeout + ":\n" + log());
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
