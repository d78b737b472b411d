package org.healthclaims.load.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.healthclaims.load.testing.ScratchDatabase;
import org.healthclaims.load.testing.ServerLog;
import org.junit.jupiter.api.Test;

/**
 * The larger run at CI size: the packaged server over a database of its own (demo data) and the test broker, a
 * thousand generated claims submitted and processed through GraphQL, the outbox, the partition queues and the
 * embedded engine, then compared claim by claim, line by line and ledger row by ledger row with the engine's scalar
 * reference run directly on the same data; then every event delivered a second time, which must change nothing.
 * The benchmark runs the same command with {@code --claims 100000}.
 */
class AdjudicationBenchIT {

    static final Path JAR = Path.of(System.getProperty("claims.api.jar", "../api/target/claims-api.jar"));
    static final int CLAIMS = Integer.getInteger("bench.adjudication.claims", 1000);

    @Test
    void generated_claims_end_as_the_scalar_reference_decides_and_duplicate_deliveries_change_nothing()
            throws Exception {
        assertThat(JAR)
                .as("build the api jar first: ./mvnw package -pl api -am")
                .exists();
        ScratchDatabase database = ScratchDatabase.create("claims_bench");
        String name = database.name();
        String url = database.jdbcUrl();
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "adjudication-bench-it-server.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java, "--add-modules", "jdk.incubator.vector", "-jar", JAR.toString(), "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", url);
        String user = database.user();
        if (user != null) builder.environment().put("DATABASE_USER", user);
        else builder.environment().remove("DATABASE_USER");
        builder.environment().remove("DATABASE_PASSWORD");
        builder.environment().put("DEMO_DATA", "true");
        // the test broker when there is one (queues of this run's own), else the server's embedded broker
        String amqp = System.getenv("TEST_AMQP_URL");
        if (amqp != null && !amqp.isBlank()) {
            builder.environment().put("AMQP_URL", amqp);
            builder.environment().put("AMQP_PREFIX", name + ".");
        } else builder.environment().remove("AMQP_URL");
        Process process = builder.start();
        try {
            ServerLog.awaitReady(process, log, Duration.ofMinutes(3));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> args = new ArrayList<>(List.of(
                    "--url",
                    "http://127.0.0.1:" + port,
                    "--claims",
                    Integer.toString(CLAIMS),
                    "--seed",
                    "7",
                    "--chunk",
                    "250",
                    "--verify",
                    "--database-url",
                    url));
            if (user != null) args.addAll(List.of("--database-user", user));

            int exit = AdjudicationBench.run(
                    args,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            String printed = out.toString(StandardCharsets.UTF_8);
            System.out.println(printed);
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8) + printed).isZero();
            assertThat(printed)
                    .contains("reference: " + CLAIMS + " claims adjudicated directly by the scalar kernel")
                    .contains("generated " + CLAIMS + " entered claims")
                    .containsPattern("submitClaims: " + CLAIMS + " claims in \\d+ mutations checked")
                    .containsPattern("same as the scalar reference: " + CLAIMS + " claims, [1-9]\\d* lines,"
                            + " [1-9]\\d* ledger rows")
                    .containsPattern("[1-9]\\d* events delivered a second time .*: nothing changed");
            // every submission and processing log turned 2, with statistics that add up to the claims
            try (Connection c = database.connect();
                    Statement s = c.createStatement();
                    var rs = s.executeQuery("""
                            select count(*) filter (where status <> 2),
                                   coalesce(sum((json_ext ->> 'submitted')::int)
                                            filter (where mutation_name = 'submitClaims'), 0)
                              from mutation_log where mutation_name in ('submitClaims', 'processClaims')""")) {
                rs.next();
                assertThat(rs.getInt(1)).as("logs not turned 2").isZero();
                // the generated claims and one sentinel claim per partition
                assertThat(rs.getInt(2)).isEqualTo(CLAIMS + 16);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
            database.close();
        }
    }
}
