package org.healthclaims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.healthclaims.load.testing.PackagedServer;
import org.healthclaims.load.testing.ScratchDatabase;
import org.junit.jupiter.api.Test;

/**
 * {@code compare} for one second per round at 1 and 2 clients: a small datagen set, the packaged server on it,
 * PostGraphile from load/peer ({@code npm ci} first when its packages are missing) and pgbench. Checks that the three
 * systems returned the same data and that the report has its rows, never how fast anything was.
 */
class CompareCommandIT {

    static final Path JAR = Path.of(System.getProperty("claims.api.jar", "../api/target/claims-api.jar"));

    @Test
    void the_three_systems_return_the_same_data_and_the_report_gives_every_query_at_every_concurrency()
            throws Exception {
        assertThat(JAR)
                .as("build the api jar first: ./mvnw package -pl api -am")
                .exists();
        try (ScratchDatabase database = ScratchDatabase.create("cmp")) {
            List<String> databaseArgs = new ArrayList<>(List.of("--database-url", database.jdbcUrl()));
            if (database.user() != null) databaseArgs.addAll(List.of("--database-user", database.user()));
            // 1,000 insurees: the commonest last name has more than the search's 20
            List<String> datagen = new ArrayList<>(List.of("datagen", "--insurees", "1000", "--claims", "1000"));
            datagen.addAll(databaseArgs);
            assertThat(LoadCommand.run(datagen, quiet(), System.err)).isZero();
            Process server = startServer(database);
            try {
                List<String> compare = new ArrayList<>(List.of(
                        "compare",
                        "--url",
                        "http://127.0.0.1:" + port,
                        "--clients",
                        "1,2",
                        "--seconds",
                        "1",
                        "--warmup",
                        "0",
                        "--rounds",
                        "2",
                        "--peer-dir",
                        "peer"));
                compare.addAll(databaseArgs);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();

                int exit = LoadCommand.run(
                        compare,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

                String printed = out.toString(StandardCharsets.UTF_8);
                System.out.println(printed);
                assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
                assertThat(printed)
                        .contains(
                                "PostGraphile 5.1.5",
                                "machine: ",
                                "data: 1,024 claims",
                                "command: java -jar load/target/claims-load.jar compare ",
                                "same data: A 100 claims, ",
                                "; B 20 insurees; C 1 claim, ",
                                "the same from ours, PostGraphile and PostgreSQL alone");
                for (String query : List.of("A", "B", "C"))
                    for (String clients : List.of("1", "2"))
                        // req/s p50 p95 errors, for ours and PostGraphile, the ratio, the limit's, both fractions
                        assertThat(printed)
                                .containsPattern("(?m)^\\| " + query + " \\| " + clients
                                        + "( \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| 0){2} \\| [\\d.]+"
                                        + " \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| 0 \\| [\\d.]+ \\| [\\d.]+ \\|$");
                // statements per request: ours counted (by PostgreSQL or by its header), the limit one by construction
                for (String query : List.of("A", "B", "C"))
                    assertThat(printed).containsPattern("(?m)^\\| " + query + " \\| [\\d.]+ \\| .+ \\| 1 \\|$");
            } finally {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
            }
        }
    }

    private int port;

    private Process startServer(ScratchDatabase database) throws Exception {
        port = PackagedServer.freePort();
        // datagen loaded the registers and users: no demo data
        return PackagedServer.start(
                JAR,
                database,
                port,
                Path.of("target", "compare-it-server.log"),
                false,
                Map.of(),
                Duration.ofMinutes(2));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
