package org.healthclaims.load.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.healthclaims.load.bench.ClaimsBench;
import org.healthclaims.load.bench.ClosedLoop;
import org.healthclaims.load.bench.GraphQlEndpoint;
import org.healthclaims.load.bench.Latencies;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code compare}: our running server beside PostGraphile 5 (started here from load/peer on the same database) and
 * PostgreSQL alone (pgbench, one hand-written statement per document). For three queries (A the claims page of 100,
 * B an insuree search by last-name prefix, C one claim by code) it first requires that all three return the same
 * data, then at each concurrency runs rounds of ours, PostGraphile, PostgreSQL alone (alternated, so that a drift of
 * the machine falls on all three), and prints per system throughput, p50/p95 and errors, the ratio ours/PostGraphile
 * (the median of the rounds' ratios), each server's fraction of PostgreSQL alone, and SQL statements per request.
 */
public final class CompareCommand {

    static final String OURS = "ours";
    static final String PEER = "PostGraphile";
    static final String ALONE = "PostgreSQL alone";

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration IDLE_FOR_BACKGROUND = Duration.ofSeconds(2);

    /** What one system did in one run. */
    record Figures(double perSecond, long requests, long errors, Latencies latencies, double sqlPerAnswer) {

        static Figures of(ClosedLoop.Run run) {
            return new Figures(
                    run.requestsPerSecond(),
                    run.tally().answers(),
                    run.tally().errors(),
                    run.tally().latencies(),
                    run.tally().sqlStatementsPerAnswer());
        }

        static Figures of(Pgbench.Run run) {
            return new Figures(run.tps(), run.transactions(), run.failed(), run.latencies(), 1);
        }
    }

    /** The rounds of one query at one concurrency, per system. */
    record Rounds(Query query, int clients, List<Figures> ours, List<Figures> peer, List<Figures> alone) {

        Rounds {
            ours = List.copyOf(ours);
            peer = List.copyOf(peer);
            alone = List.copyOf(alone);
        }

        static final String HEADER = "| query | clients | ours req/s | ours p50 ms | ours p95 ms | ours errors"
                + " | PostGraphile req/s | PostGraphile p50 ms | PostGraphile p95 ms | PostGraphile errors"
                + " | ours / PostGraphile | PostgreSQL alone tps | alone p50 ms | alone p95 ms | alone errors"
                + " | ours / alone | PostGraphile / alone |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---:"
                + " | ---: | ---: |";

        /**
         * One table row: medians of the rounds' throughputs, percentiles of all rounds' latencies merged, errors
         * summed; ours/PostGraphile is the median of each round's ratio, the fractions of the limit compare medians.
         */
        String row() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < Math.min(ours.size(), peer.size()); i++)
                ratios.add(ours.get(i).perSecond() / peer.get(i).perSecond());
            double oursRate = median(rates(ours));
            double peerRate = median(rates(peer));
            double aloneRate = median(rates(alone));
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %.2f | %s | %.2f | %.2f |",
                    query.letter,
                    clients,
                    figures(ours, oursRate),
                    figures(peer, peerRate),
                    median(ratios),
                    figures(alone, aloneRate),
                    oursRate / aloneRate,
                    peerRate / aloneRate);
        }

        private static String figures(List<Figures> runs, double rate) {
            Latencies all = new Latencies();
            long errors = 0;
            for (Figures f : runs) {
                all.add(f.latencies());
                errors += f.errors();
            }
            return String.format(
                    Locale.ROOT,
                    "%.1f | %.1f | %.1f | %d",
                    rate,
                    all.percentileMillis(50),
                    all.percentileMillis(95),
                    errors);
        }

        private static List<Double> rates(List<Figures> runs) {
            List<Double> rates = new ArrayList<>();
            for (Figures f : runs) rates.add(f.perSecond());
            return rates;
        }
    }

    private CompareCommand() {}

    /** Runs the command; returns the exit code: 0, 1 when a system failed or the answers differ. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CompareOptions options = CompareOptions.parse(args);
        DatabaseLocation database = DatabaseLocation.of(options.database());
        StringBuilder report = new StringBuilder();
        Path work = null;
        try (HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(GraphQlEndpoint.REQUEST_TIMEOUT)
                        .build();
                Connection sql = DriverManager.getConnection(
                        options.database().jdbcUrl(),
                        options.database().user(),
                        options.database().password())) {
            work = Files.createTempDirectory("claims-compare-");
            Pgbench pgbench = new Pgbench(options.pgbench(), database, work);
            String pgbenchVersion = pgbench.version();
            QueryInputs inputs = QueryInputs.of(sql);
            GraphQlEndpoint ours = new GraphQlEndpoint(http, options.endpoint());
            String token = ours.login(options.user(), options.password());
            try (PostGraphile peerServer = PostGraphile.start(options.peer(), database, http, err)) {
                GraphQlEndpoint peer = new GraphQlEndpoint(http, peerServer.endpoint());
                say(
                        out,
                        report,
                        "compare: our server at " + options.endpoint() + ", PostGraphile "
                                + peerServer.version() + " (load/peer, Node 22) at " + peerServer.endpoint()
                                + ", PostgreSQL alone (" + pgbenchVersion + ", -M prepared)");
                say(out, report, "machine: " + ClaimsBench.machine() + "; load generator on the same machine");
                say(
                        out,
                        report,
                        String.format(
                                Locale.ROOT,
                                "data: %,d claims, %,d insurees (current rows), database %s on %s:%d",
                                count(sql, "select count(*) from claim c where c.validity_to is null"),
                                count(sql, "select count(*) from insuree i where i.validity_to is null"),
                                database.database(),
                                database.host(),
                                database.port()));
                say(out, report, "date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
                say(
                        out,
                        report,
                        String.format(
                                Locale.ROOT,
                                "run: at %s clients, closed loop; per query and concurrency %d s warm-up for each"
                                        + " system, then %d rounds of ours, PostGraphile, PostgreSQL alone, %d s each",
                                joined(options.clients()),
                                options.warmup().toSeconds(),
                                options.rounds(),
                                options.duration().toSeconds()));
                say(out, report, "command: java -jar load/target/claims-load.jar compare " + shown(args));
                for (Query q : Query.values()) say(out, report, q.letter + ": " + q.describe(inputs));
                say(out, report, "");

                Optional<String> different = sameData(inputs, ours, token, peer, sql, out, report);
                if (different.isPresent()) {
                    err.println("the systems do not return the same data, nothing measured:");
                    err.println(different.get());
                    return 1;
                }

                StringBuilder whyNot = new StringBuilder();
                StatementCounts counts = StatementCounts.open(sql, whyNot);
                Map<Query, String[]> statements = new EnumMap<>(Query.class);
                if (counts != null)
                    for (Query q : Query.values())
                        statements.put(q, new String[] {
                            perRequest(counts, ours, body(q, inputs, false), token),
                            perRequest(counts, peer, body(q, inputs, true), null)
                        });

                List<Rounds> results = new ArrayList<>();
                for (int clients : options.clients())
                    for (Query q : Query.values())
                        results.add(measure(q, inputs, clients, options, ours, token, peer, pgbench, err));

                say(out, report, "throughput and latency (req/s and tps: median of the rounds; p50/p95: all rounds):");
                say(out, report, "");
                say(out, report, Rounds.HEADER);
                for (Rounds r : results) say(out, report, r.row());
                say(out, report, "");
                say(
                        out,
                        report,
                        "SQL statements per request ("
                                + (counts != null
                                        ? "pg_stat_statements, " + StatementCounts.REQUESTS + " requests one by one"
                                        : whyNot + ": ours from its X-Sql-Statements header")
                                + "):");
                say(out, report, "");
                say(out, report, "| query | ours | PostGraphile | PostgreSQL alone |\n| --- | ---: | ---: | ---: |");
                for (Query q : Query.values()) {
                    String[] counted = statements.get(q);
                    say(
                            out,
                            report,
                            "| " + q.letter + " | " + (counted != null ? counted[0] : header(results, q)) + " | "
                                    + (counted != null ? counted[1] : "n/a (" + whyNot + ")") + " | 1 |");
                }
            }
            if (options.markdown() != null) Files.writeString(options.markdown(), report, StandardCharsets.UTF_8);
            return 0;
        } catch (IOException | SQLException e) {
            err.println("compare failed: " + e);
            return 1;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return 1;
        } finally {
            if (work != null) deleteQuietly(work);
        }
    }

    /**
     * Asks each query once of each system and compares their data; prints what was compared and returns the first
     * difference, if any.
     */
    private static Optional<String> sameData(
            QueryInputs inputs,
            GraphQlEndpoint ours,
            String token,
            GraphQlEndpoint peer,
            Connection sql,
            PrintStream out,
            StringBuilder report)
            throws IOException, InterruptedException, SQLException {
        List<String> compared = new ArrayList<>();
        for (Query q : Query.values()) {
            List<Record> mine = SameData.facts(q, answer(ours, body(q, inputs, false), token, OURS, q));
            List<Record> theirs = SameData.facts(q, answer(peer, body(q, inputs, true), null, PEER, q));
            List<Record> alone = SameData.facts(q, JSON.readTree(statementAnswer(sql, q, inputs)));
            Optional<String> different = SameData.difference(q, OURS, mine, PEER, theirs)
                    .or(() -> SameData.difference(q, OURS, mine, ALONE, alone));
            if (different.isPresent()) return different;
            if (mine.isEmpty())
                return Optional.of(q.letter + ": no rows on any side; the data set cannot show a difference");
            compared.add(q.letter + " " + SameData.summary(mine));
        }
        say(
                out,
                report,
                "same data: " + String.join("; ", compared)
                        + ", the same from ours, PostGraphile and PostgreSQL alone");
        say(out, report, "");
        return Optional.empty();
    }

    private static tools.jackson.databind.JsonNode answer(
            GraphQlEndpoint endpoint, byte[] body, @Nullable String token, String system, Query q)
            throws IOException, InterruptedException {
        GraphQlEndpoint.Answer answer = endpoint.post(body, token);
        if (answer.isError())
            throw new IllegalStateException(system + " failed " + q.letter + ": HTTP " + answer.status() + " "
                    + excerpt(new String(answer.body(), StandardCharsets.UTF_8)));
        return JSON.readTree(answer.body());
    }

    /** The hand-written statement's answer through JDBC, its parameters untyped as pgbench sends them. */
    private static String statementAnswer(Connection sql, Query q, QueryInputs inputs) throws SQLException {
        Map.Entry<String, List<String>> statement = Pgbench.jdbcStatement(q.sql);
        Map<String, String> values = q.sqlParameters(inputs);
        try (PreparedStatement s = sql.prepareStatement(statement.getKey())) {
            for (int i = 0; i < statement.getValue().size(); i++)
                s.setObject(i + 1, values.get(statement.getValue().get(i)), Types.OTHER);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("the statement of " + q.letter + " returned no row");
                return rs.getString(1);
            }
        }
    }

    private static Rounds measure(
            Query q,
            QueryInputs inputs,
            int clients,
            CompareOptions options,
            GraphQlEndpoint ours,
            String token,
            GraphQlEndpoint peer,
            Pgbench pgbench,
            PrintStream err)
            throws IOException, InterruptedException {
        byte[] ourBody = body(q, inputs, false);
        byte[] peerBody = body(q, inputs, true);
        if (!options.warmup().isZero()) {
            err.printf(Locale.ROOT, "%s at %d clients: warming up%n", q.letter, clients);
            ClosedLoop.drive(ours, ourBody, token, clients, options.warmup());
            ClosedLoop.drive(peer, peerBody, null, clients, options.warmup());
            pgbench.run(q, inputs, clients, options.warmup());
        }
        List<Figures> mine = new ArrayList<>();
        List<Figures> theirs = new ArrayList<>();
        List<Figures> alone = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            err.printf(Locale.ROOT, "%s at %d clients: round %d of %d%n", q.letter, clients, round, options.rounds());
            mine.add(Figures.of(ClosedLoop.drive(ours, ourBody, token, clients, options.duration())));
            theirs.add(Figures.of(ClosedLoop.drive(peer, peerBody, null, clients, options.duration())));
            alone.add(Figures.of(pgbench.run(q, inputs, clients, options.duration())));
        }
        return new Rounds(q, clients, mine, theirs, alone);
    }

    private static String perRequest(
            StatementCounts counts, GraphQlEndpoint endpoint, byte[] body, @Nullable String token)
            throws IOException, InterruptedException, SQLException {
        double perRequest = counts.perRequest(
                () -> {
                    for (int i = 0; i < StatementCounts.REQUESTS; i++) endpoint.post(body, token);
                },
                IDLE_FOR_BACKGROUND);
        return String.format(Locale.ROOT, "%.1f", perRequest);
    }

    /** Our server's own count (its X-Sql-Statements header), averaged over every answer to {@code q}. */
    private static String header(List<Rounds> results, Query q) {
        double sum = 0;
        int runs = 0;
        for (Rounds r : results)
            if (r.query() == q)
                for (Figures f : r.ours())
                    if (f.sqlPerAnswer() >= 0) {
                        sum += f.sqlPerAnswer();
                        runs++;
                    }
        return runs == 0 ? "n/a (no X-Sql-Statements header)" : String.format(Locale.ROOT, "%.1f", sum / runs);
    }

    private static byte[] body(Query q, QueryInputs inputs, boolean peer) {
        return GraphQlEndpoint.requestBody(peer ? q.peerDocument : q.ourDocument, q.variables(inputs));
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long count(Connection sql, String query) throws SQLException {
        try (Statement s = sql.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String joined(List<Integer> numbers) {
        List<String> parts = new ArrayList<>();
        for (int n : numbers) parts.add(Integer.toString(n));
        return String.join(", ", parts);
    }

    private static void say(PrintStream out, StringBuilder report, String line) {
        out.println(line);
        report.append(line).append(System.lineSeparator());
    }

    /** The arguments as printed: no password, whether an option or inside the database URL. */
    static String shown(List<String> args) {
        return ClaimsBench.withoutPassword(args)
                .replaceAll("(--database-password) \\S+", "$1 ***")
                .replaceAll("(?i)(password=)[^&\\s]*", "$1***")
                .replaceAll("//([^:/@\\s]+):[^@\\s]*@", "//$1:***@");
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static void deleteQuietly(Path work) {
        try (var files = Files.list(work)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(work);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
