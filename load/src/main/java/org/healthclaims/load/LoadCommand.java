package org.healthclaims.load;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.healthclaims.domain.database.DatabaseUrl;
import org.healthclaims.load.bench.AdjudicationBench;
import org.healthclaims.load.bench.ClaimsBench;

/**
 * {@code java -jar load/target/claims-load.jar COMMAND [options]}. Commands: {@code migrate --database-url URL}
 * brings a database to the current schema (the data generator, load runs and comparisons build on it);
 * {@code bench-claims --url URL} measures the claims page of a running server ({@link ClaimsBench}); {@code
 * bench-adjudication --url URL} measures adjudication end to end ({@link AdjudicationBench}).
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
                case "bench-claims" -> ClaimsBench.run(args.subList(1, args.size()), out, err);
                case "bench-adjudication" -> AdjudicationBench.run(args.subList(1, args.size()), out, err);
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
        DatabaseUrl url = DatabaseUrl.parse(
                option(options, "--database-url", System.getenv("DATABASE_URL")),
                option(options, "--database-user", System.getenv("DATABASE_USER")),
                option(options, "--database-password", System.getenv("DATABASE_PASSWORD")));
        MigrateResult result = Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
        out.printf(
                "migrated %s to version %s (%d migrations applied)%n",
                url, result.targetSchemaVersion, result.migrationsExecuted);
        return 0;
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
                        "      event again and requires that nothing changes"));
    }
}
