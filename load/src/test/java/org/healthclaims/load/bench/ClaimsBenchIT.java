package org.healthclaims.load.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.healthclaims.load.testing.ServerLog;
import org.junit.jupiter.api.Test;

/**
 * bench-claims for one second against the packaged server in zero-setup mode (embedded PostgreSQL and broker, demo
 * data), started as a user starts it. Checks what the run reports, never how fast it was.
 */
class ClaimsBenchIT {

    static final Path JAR = Path.of(System.getProperty("claims.api.jar", "../api/target/claims-api.jar"));

    @Test
    void a_one_second_run_reports_answers_without_errors_and_the_servers_statement_count() throws Exception {
        assertThat(JAR)
                .as("build the api jar first: ./mvnw package -pl api -am")
                .exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "claims-bench-it-server.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString(), "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        for (String variable : List.of("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "AMQP_URL", "DEMO_DATA"))
            builder.environment().remove(variable);
        // exact totals: a count kept on a busy machine (TotalCounts) would take a statement off some requests
        builder.environment().put("TOTALS_STALENESS", "0s");
        Process server = builder.start();
        try {
            ServerLog.awaitReady(server, log, Duration.ofMinutes(2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = ClaimsBench.run(
                    List.of(
                            "--url",
                            "http://127.0.0.1:" + port,
                            "--clients",
                            "2",
                            "--seconds",
                            "1",
                            "--warmup",
                            "0",
                            "--sizes",
                            "10,100"),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            String printed = out.toString(StandardCharsets.UTF_8);
            System.out.println(printed);
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(printed).contains("machine: ", "command: java -jar load/target/claims-load.jar bench-claims");
            // first, requests, req/s, p50, p95, p99, max, errors 0, KB/response, and the statements per page: 7 with
            // warm register caches, up to 12 + the count while they fill, so the mean lies between
            assertThat(printed)
                    .containsPattern("(?m)^\\| 10 \\| [1-9]\\d* \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\|"
                            + " [\\d.]+ \\| 0 \\| [\\d.]+ \\| ([7-9]|1[0-3])\\.\\d \\|$")
                    .containsPattern(
                            "(?m)^\\| 100 \\| [1-9]\\d* \\| .* \\| 0 \\| [\\d.]+ \\| ([7-9]|1[0-3])\\.\\d \\|$");
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }
}
