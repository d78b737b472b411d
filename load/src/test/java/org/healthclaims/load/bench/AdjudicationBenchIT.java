package org.healthclaims.load.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.healthclaims.domain.database.DatabaseUrl;
import org.healthclaims.engine.kernel.RuleSet;
import org.healthclaims.load.ConnectionPool;
import org.healthclaims.load.testing.PackagedServer;
import org.healthclaims.load.testing.ScratchDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The larger run at CI size: the packaged server over a database of its own (demo data) and the test broker, a
 * thousand generated claims submitted and processed through GraphQL, the outbox, the partition queues and the
 * embedded engine, then compared claim by claim, line by line and ledger row by ledger row with the engine's scalar
 * reference run directly on the same data; then every event delivered a second time, which must change nothing.
 * The benchmark runs the same command with {@code --claims 100000}.
 *
 * <p>Over the same server's database (its demo registers), the engine's steps themselves must not depend on how the
 * claims were cut into batches: claims crowded on a few insurees, adjudicated one by one, in batches of random sizes
 * with repeated deliveries, and in the engines' batches, end the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdjudicationBenchIT {

    static final Path JAR = Path.of(System.getProperty("claims.api.jar", "../api/target/claims-api.jar"));
    static final int CLAIMS = Integer.getInteger("bench.adjudication.claims", 1000);

    ScratchDatabase database;
    Process process;
    int port;

    @BeforeAll
    void startServer() throws Exception {
        assertThat(JAR)
                .as("build the api jar first: ./mvnw package -pl api -am")
                .exists();
        database = ScratchDatabase.create("claims_bench");
        port = PackagedServer.freePort();
        process = PackagedServer.start(
                JAR,
                database,
                port,
                Path.of("target", "adjudication-bench-it-server.log"),
                true,
                Map.of(),
                Duration.ofMinutes(3));
        // the reference is the scalar pass, chosen before the kernel's first use in this JVM
        System.setProperty("claims.kernel", "scalar");
    }

    @AfterAll
    void stopServer() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
        if (database != null) database.close();
    }

    @Test
    void generated_claims_end_as_the_scalar_reference_decides_and_duplicate_deliveries_change_nothing()
            throws Exception {
        String url = database.jdbcUrl();
        String user = database.user();
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
    }

    /**
     * 400 claims of 25 insurees (so maximum numbers, provisions and ceilings run out), under both rule sets: one by
     * one, in batches of random sizes where earlier claims come again (repeated deliveries) and a claim may come
     * twice in one batch, and in the engines' batches; every run ends as the one-by-one run.
     */
    @Test
    void the_engine_decides_the_same_however_the_claims_are_batched() throws Exception {
        long seed = 31;
        Random random = new Random(seed);
        ReferenceRun.Batching repeating = ids -> {
            List<long[]> batches = new ArrayList<>();
            for (int from = 0; from < ids.length; ) {
                int size = 1 + random.nextInt(40);
                List<Long> batch = new ArrayList<>();
                for (int i = from; i < Math.min(ids.length, from + size); i++) {
                    if (from > 0 && random.nextInt(4) == 0) batch.add(ids[random.nextInt(from)]);
                    batch.add(ids[i]);
                    if (random.nextInt(10) == 0) batch.add(ids[i]);
                }
                batches.add(batch.stream().mapToLong(Long::longValue).toArray());
                from += size;
            }
            return batches;
        };
        try (HikariDataSource data = ConnectionPool.open(
                        new DatabaseUrl(database.jdbcUrl(), database.user(), null), "reference-run", 3);
                Connection c = data.getConnection()) {
            for (RuleSet rules : RuleSet.values()) {
                AdjudicationSnapshot alone = adjudicated(c, data, seed, rules, ReferenceRun.Batching.of(1));
                assertThat(alone.lines())
                        .as("%s: lines over a maximum number (13) and a maximum provision (16)", rules)
                        .anyMatch(line -> line.split("\\|")[4].equals("13"))
                        .anyMatch(line -> line.split("\\|")[4].equals("16"));
                assertThat(alone.ledger()).as("ledger rows").isNotEmpty();
                for (ReferenceRun.Batching batching :
                        List.of(repeating, repeating, ReferenceRun.Batching.of(256), ReferenceRun.Batching.of(7)))
                    assertThat(adjudicated(c, data, seed, rules, batching).differences(alone, 10))
                            .as("%s: differences with the one-by-one run", rules)
                            .isEmpty();
            }
            GeneratedClaims.delete(c, seed);
        }
    }

    private static AdjudicationSnapshot adjudicated(
            Connection c, DataSource data, long seed, RuleSet rules, ReferenceRun.Batching batching) throws Exception {
        GeneratedClaims.delete(c, seed);
        GeneratedClaims.write(c, seed, 400, 25);
        double seconds = ReferenceRun.run(data, GeneratedClaims.ids(c, seed), rules, batching);
        System.out.printf(java.util.Locale.ROOT, "%s run: %.1f s%n", rules, seconds);
        return AdjudicationSnapshot.of(c, seed);
    }
}
