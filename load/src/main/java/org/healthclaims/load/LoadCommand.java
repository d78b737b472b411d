package org.healthclaims.load;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.healthclaims.domain.database.DatabaseUrl;
import org.healthclaims.load.bench.AdjudicationBench;
import org.healthclaims.load.bench.ClaimsBench;
import org.healthclaims.load.bench.FlameGraphCapture;
import org.healthclaims.load.compare.CompareCommand;
import org.healthclaims.load.datagen.DataGenerator;
import org.healthclaims.load.datagen.JMeterData;
import org.healthclaims.load.monitor.MonitorCommand;
import org.healthclaims.load.report.ReportCommand;

/**
 * {@code java -jar load/target/claims-load.jar COMMAND [options]}. Commands: {@code migrate --database-url URL}
 * brings a database to the current schema; {@code datagen} migrates and fills one ({@link DataGenerator});
 * {@code bench-claims --url URL} measures the claims page of a running server ({@link ClaimsBench}); {@code
 * bench-adjudication --url URL} measures adjudication end to end ({@link AdjudicationBench}); {@code compare --url
 * URL --database-url URL} sets the server beside PostGraphile 5 and PostgreSQL alone ({@link CompareCommand}); {@code monitor} samples
 * the machine, server, database and broker during a JMeter run ({@link MonitorCommand}); {@code report} judges the run
 * against the openIMIS audit's Table 1 ({@link ReportCommand}).
 */
public final class LoadCommand {

    private LoadCommand() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help")) {
            out.println(usage());
            return args.isEmpty() ? 2 : 0;
        }
        try {
            return switch (args.getFirst()) {
                case "migrate" -> migrate(args.subList(1, args.size()), out);
                case "datagen" -> datagen(args.subList(1, args.size()), out, err);
                case "bench-claims" -> ClaimsBench.run(args.subList(1, args.size()), out, err);
                case "bench-adjudication" -> AdjudicationBench.run(args.subList(1, args.size()), out, err);
                case "flamegraph" -> FlameGraphCapture.run(args.subList(1, args.size()), out, err);
                case "jmeter-data" -> jmeterData(args.subList(1, args.size()), out, err);
                case "compare" -> CompareCommand.run(args.subList(1, args.size()), out, err);
                case "report" -> ReportCommand.run(args.subList(1, args.size()), out, err);
                case "monitor" -> MonitorCommand.run(args.subList(1, args.size()), out, err);
                default -> {
                    err.println("unknown command: " + args.getFirst());
                    err.println(usage());
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static int migrate(List<String> options, PrintStream out) {
        migrate(database(options), out);
        return 0;
    }

    private static DatabaseUrl database(List<String> options) {
        return DatabaseUrl.parse(
                option(options, "--database-url", System.getenv("DATABASE_URL")),
                option(options, "--database-user", System.getenv("DATABASE_USER")),
                option(options, "--database-password", System.getenv("DATABASE_PASSWORD")));
    }

    /**
     * Migrates the database, then fills it ({@link DataGenerator}): it must hold no registers, users or claims yet.
     */
    private static int datagen(List<String> options, PrintStream out, PrintStream err) {
        DatabaseUrl url = database(options);
        migrate(url, out);
        DataGenerator.Size size = new DataGenerator.Size(
                Integer.parseInt(option(options, "--insurees", "200000")),
                Integer.parseInt(option(options, "--claims", "1000000")),
                Long.parseLong(option(options, "--seed", "1")),
                Integer.parseInt(option(
                        options,
                        "--writers",
                        Integer.toString(Runtime.getRuntime().availableProcessors()))),
                DataGenerator.today());
        out.printf(
                "datagen: %,d insurees in %,d families, %,d claims, seed %d, %d writers, dates relative to %s%n",
                size.insurees(), size.families(), size.claims(), size.seed(), size.writers(), size.today());
        String csv = options.contains("--jmeter-data") ? option(options, "--jmeter-data", "") : null;
        try (HikariDataSource data = ConnectionPool.open(url, "datagen", size.writers() + 1)) {
            new DataGenerator(data, out).generate(size);
            if (csv != null) JMeterData.write(data, Path.of(csv), out);
            return 0;
        } catch (SQLException | IOException | IllegalStateException e) {
            err.println("datagen failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The JMeter plans' parameter files from an existing database ({@link JMeterData}). */
    private static int jmeterData(List<String> options, PrintStream out, PrintStream err) {
        Path dir = Path.of(option(options, "--out", "load/target/jmeter-data"));
        try (HikariDataSource data = ConnectionPool.open(database(options), "jmeter-data", 1)) {
            JMeterData.write(data, dir, out);
            return 0;
        } catch (SQLException | IOException | IllegalStateException e) {
            err.println("jmeter-data failed: " + e.getMessage());
            return 1;
        }
    }

    private static void migrate(DatabaseUrl url, PrintStream out) {
        MigrateResult result = Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
        out.printf(
                "migrated %s to version %s (%d migrations applied)%n",
                url, result.targetSchemaVersion, result.migrationsExecuted);
    }

    private static String option(List<String> options, String name, String fallback) {
        int at = options.indexOf(name);
        if (at >= 0 && at + 1 < options.size()) return options.get(at + 1);
        if (at >= 0) throw new IllegalArgumentException(name + " needs a value");
        if (fallback == null && name.equals("--database-url"))
            throw new IllegalArgumentException("--database-url (or DATABASE_URL) is required");
        return fallback;
    }

    private static String usage() {
        return String.join(
                System.lineSeparator(),
                Arrays.asList(
                        "usage: java -jar load/target/claims-load.jar COMMAND [options]",
                        "  migrate --database-url URL [--database-user U] [--database-password P]",
                        "      applies the schema migrations (URL: jdbc:postgresql://... or postgres://user:pass@host/db)",
                        "  datagen --database-url URL [--insurees 200000] [--claims 1000000] [--seed 1] [--writers N]",
                        "          [--jmeter-data DIR]",
                        "      migrates an empty database and fills it: the demo registers and users (Admin / admin123),",
                        "      N insurees four to a family with a policy each, entered claims with about 5 lines each;",
                        "      deterministic per seed; prints rows/s per table and the total; --jmeter-data also writes the",
                        "      JMeter plans' parameter files (users, insurees, families, claims, claim entries) into DIR",
                        "  jmeter-data --database-url URL [--out load/target/jmeter-data]",
                        "      writes the JMeter plans' parameter files from an existing database",
                        "  bench-claims --url http://127.0.0.1:8080 [--user Admin --password admin123] [--clients 10]",
                        "               [--seconds 20] [--warmup 3] [--sizes 10,100,500]",
                        "      drives the claims page with closed-loop clients on a server on this machine; prints req/s,",
                        "      p50/p95/p99 ms, errors, KB and SQL statements per response for each page size",
                        "  bench-adjudication --url http://127.0.0.1:8080 [--user Admin --password admin123] [--chunk 100]",
                        "               [--claims N --seed S --database-url URL] [--verify] [--rules modular|legacy]",
                        "               [--partitions 16]",
                        "      submits claims, waits for their checks, processes them; prints claims/s per step and end to",
                        "      end; --claims writes N entered claims into the server's database first; --verify compares",
                        "      every result with the engine's scalar reference run on the same data, then delivers every",
                        "      event again and requires that nothing changes",
                        "  flamegraph --url http://127.0.0.1:8080 [--user Admin --password admin123] [--seconds 30]",
                        "             [--event cpu|itimer|wall|alloc|lock] [--out flamegraph.html]",
                        "      records the server's flame graph (async-profiler) while a run goes on; an IMIS administrator's",
                        "      login",
                        "  compare --url http://127.0.0.1:8080 --database-url URL [--user Admin --password admin123]",
                        "               [--clients 1,10,50] [--rounds 2] [--seconds 10] [--warmup 3] [--peer-dir load/peer]",
                        "               [--pgbench pgbench] [--markdown FILE]",
                        "      starts PostGraphile 5 (load/peer) on the server's database, checks that both servers and one",
                        "      hand-written SQL statement per query (pgbench) return the same data for A the claims page of",
                        "      100, B an insuree search by last-name prefix, C one claim by code; then alternates them at",
                        "      each concurrency and prints req/s, p50/p95, errors, the ratio ours/PostGraphile, each one's",
                        "      fraction of PostgreSQL alone and SQL statements per request",
                        "  monitor --out FILE.csv [--url http://127.0.0.1:8080] [--database-url URL] [--amqp-url amqp://...]",
                        "               [--amqp-prefix P] [--partitions 16] [--interval 1] [--seconds N]",
                        "      samples every interval (until killed, or for N s) and appends a CSV row: machine CPU and",
                        "      memory, the server's CPU, heap, GC pauses and pool (/actuator/prometheus), PostgreSQL",
                        "      sessions, waiting locks and deadlocks, adjudication queue depth; unreadable sources stay empty",
                        "  report --results JMETER.csv [--monitor FILE.csv] [--peak] [--html OUT.html] [--markdown OUT.md]",
                        "      judges every transaction against the audit's Table 1 (performance.md; --peak: peak-load",
                        "      failure limits), writes an HTML report with charts and a Markdown verdict table, prints",
                        "      the table; exits 1 when a threshold is missed, 2 on a usage or input error"));
    }
}
