package org.healthclaims.load.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.domain.database.DatabaseUrl;
import org.healthclaims.engine.kernel.RuleSet;
import org.healthclaims.load.ConnectionPool;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench-adjudication --url URL}: submits claims in mutations of {@code --chunk} claims, waits until every
 * submission's log has turned 2 (the claims engine has checked them all, through the outbox and the broker), then
 * processes the checked ones the same way; prints claims per second for each step and end to end, as a front-end
 * sees it. Without {@code --claims} it takes the server's entered claims (the zero-setup demo's). With {@code
 * --claims N --database-url URL} it first writes N entered claims into the server's database ({@link
 * GeneratedClaims}, {@code --seed}); with {@code --verify} as well it adjudicates them once directly with the
 * engine's scalar reference ({@link ReferenceRun}), writes them again, runs them through the server, and requires the
 * same outcome to the cent, then delivers every event a second time and requires that nothing changes.
 */
public final class AdjudicationBench {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    private AdjudicationBench() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String url = option(args, "--url", null);
        if (url == null) throw new IllegalArgumentException("--url is required, e.g. --url http://127.0.0.1:8080");
        String user = java.util.Objects.requireNonNull(option(args, "--user", "Admin"));
        String password = java.util.Objects.requireNonNull(option(args, "--password", "admin123"));
        int chunk = Integer.parseInt(java.util.Objects.requireNonNull(option(args, "--chunk", "100")));
        int generate = Integer.parseInt(java.util.Objects.requireNonNull(option(args, "--claims", "0")));
        long seed = Long.parseLong(java.util.Objects.requireNonNull(option(args, "--seed", "1")));
        boolean verify = args.contains("--verify");
        String databaseUrl = option(args, "--database-url", System.getenv("DATABASE_URL"));
        if ((generate > 0 || verify) && databaseUrl == null)
            throw new IllegalArgumentException("--claims and --verify need --database-url (the server's database)");
        if (verify && generate == 0) throw new IllegalArgumentException("--verify needs --claims N");
        // the reference is the scalar pass: chosen before the kernel's first use in this JVM
        if (verify) System.setProperty("claims.kernel", "scalar");
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            GraphQlEndpoint endpoint =
                    new GraphQlEndpoint(http, URI.create(url.replaceAll("/+$", "") + "/api/graphql"));
            String token = endpoint.login(user, password);
            out.println("bench-adjudication against " + url + " as " + user + ", " + chunk + " claims per mutation");
            out.println("machine: " + ClaimsBench.machine() + "; load generator on the same machine");
            if (generate == 0) {
                List<String> entered = claims(endpoint, token, 2);
                if (entered.isEmpty()) throw new IllegalStateException("no entered claim to submit");
                Step submitted = step(endpoint, token, "submitClaims", entered, chunk, "checked");
                out.println(submitted.line());
                List<String> checked = claims(endpoint, token, 4);
                checked.retainAll(entered);
                Step processed = step(endpoint, token, "processClaims", checked, chunk, "valued");
                out.println(processed.line());
                out.println(endToEnd(entered.size(), submitted, processed));
                return 0;
            }
            DatabaseUrl database = DatabaseUrl.parse(
                    java.util.Objects.requireNonNull(databaseUrl),
                    option(args, "--database-user", System.getenv("DATABASE_USER")),
                    option(args, "--database-password", System.getenv("DATABASE_PASSWORD")));
            AdjudicationSnapshot reference = null;
            try (HikariDataSource data = ConnectionPool.open(database, "reference-run", 3);
                    Connection c = data.getConnection()) {
                GeneratedClaims.delete(c, seed);
                if (verify) {
                    GeneratedClaims.write(c, seed, generate);
                    double seconds = ReferenceRun.run(
                            data,
                            GeneratedClaims.ids(c, seed),
                            RuleSet.of(java.util.Objects.requireNonNull(option(args, "--rules", "modular"))));
                    reference = AdjudicationSnapshot.of(c, seed);
                    out.printf(
                            Locale.ROOT,
                            "reference: %d claims adjudicated directly by the scalar kernel in %.2f s%n",
                            generate,
                            seconds);
                    GeneratedClaims.delete(c, seed);
                }
                long started = System.nanoTime();
                GeneratedClaims.Written written = GeneratedClaims.write(c, seed, generate);
                out.printf(
                        Locale.ROOT,
                        "generated %d entered claims with %d lines (seed %d) in %.2f s%n",
                        written.claims(),
                        written.lines(),
                        seed,
                        (System.nanoTime() - started) / 1e9);
                List<String> entered = uuids(c, seed, 2);
                Step submitted = step(endpoint, token, "submitClaims", entered, chunk, "checked");
                out.println(submitted.line());
                List<String> checked = uuids(c, seed, 4);
                Step processed = step(endpoint, token, "processClaims", checked, chunk, "valued");
                out.println(processed.line());
                out.println(endToEnd(entered.size(), submitted, processed));
                if (reference == null) return 0;
                AdjudicationSnapshot result = AdjudicationSnapshot.of(c, seed);
                List<String> differences = result.differences(reference, 20);
                if (!differences.isEmpty()) {
                    err.println("the server's results differ from the scalar reference:");
                    differences.forEach(err::println);
                    return 1;
                }
                out.printf(
                        "same as the scalar reference: %d claims, %d lines, %d ledger rows%n",
                        result.claims().size(),
                        result.lines().size(),
                        result.ledger().size());
                int partitions = Integer.parseInt(java.util.Objects.requireNonNull(option(args, "--partitions", "16")));
                int again = redeliver(c, seed, partitions, endpoint, token);
                List<String> changed = AdjudicationSnapshot.of(c, seed).differences(result, 20);
                if (!changed.isEmpty()) {
                    err.println("delivering the events again changed results:");
                    changed.forEach(err::println);
                    return 1;
                }
                out.printf(
                        "%d events delivered a second time (drained behind a sentinel claim on each of %d partitions):"
                                + " nothing changed%n",
                        again, partitions);
                return 0;
            }
        } catch (IOException | SQLException e) {
            err.println("cannot use " + url + ": " + e);
            return 1;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** One step's figures. */
    private record Step(String mutation, int claims, int mutations, String done, double seconds, double sending) {

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%s: %d claims in %d mutations %s in %.2f s (sent in %.2f s): %.0f claims/s end to end",
                    mutation,
                    claims,
                    mutations,
                    done,
                    seconds,
                    sending,
                    claims / seconds);
        }
    }

    private static String endToEnd(int claims, Step submitted, Step processed) {
        double seconds = submitted.seconds() + processed.seconds();
        return String.format(
                Locale.ROOT,
                "submitted → valuated: %d claims in %.2f s: %.0f claims/s end to end",
                claims,
                seconds,
                claims / seconds);
    }

    /** The uuids of the generated claims in {@code status}, in the order they were generated. */
    private static List<String> uuids(Connection c, long seed, int status) throws SQLException {
        List<String> uuids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("select uuid::text from claim where code like 'G' || ? || '-%'"
                + " and validity_to is null and status = ? order by id")) {
            p.setLong(1, seed);
            p.setInt(2, status);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) uuids.add(rs.getString(1));
            }
        }
        return uuids;
    }

    /**
     * Marks every event of the generated claims unpublished, so the server's relay delivers each a second time; once
     * the relay has published them all, submits one sentinel claim on each partition ({@code --partitions}, the
     * server's AMQP_PARTITIONS) and waits for its check: a partition's queue is consumed in order, so by then every
     * repeated event before the sentinel has been handled. Answers how many events were delivered again.
     */
    private static int redeliver(Connection c, long seed, int partitions, GraphQlEndpoint endpoint, String token)
            throws SQLException, IOException, InterruptedException {
        int events;
        try (PreparedStatement p = c.prepareStatement("""
                update outbox set published_at = null
                 where aggregate_type = 'claim'
                   and aggregate_id in (select id from claim where code like 'G' || ? || '-%')""")) {
            p.setLong(1, seed);
            events = p.executeUpdate();
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        boolean published = false;
        while (!published && System.nanoTime() < deadline) {
            try (PreparedStatement p = c.prepareStatement("""
                    select count(*) from outbox
                     where published_at is null and aggregate_type = 'claim'
                       and aggregate_id in (select id from claim where code like 'G' || ? || '-%')""")) {
                p.setLong(1, seed);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    published = rs.getInt(1) == 0;
                }
            }
            if (!published) Thread.sleep(100);
        }
        if (!published) throw new IllegalStateException("the relay did not publish the repeated events in " + PATIENCE);
        List<String> sentinels = GeneratedClaims.sentinels(c, seed, new AdjudicationRoute("", partitions));
        Step checked = step(endpoint, token, "submitClaims", sentinels, sentinels.size(), "checked");
        if (checked.claims() != partitions)
            throw new IllegalStateException("only " + checked.claims() + " of " + partitions + " partitions have an"
                    + " insuree for a sentinel claim");
        return events;
    }

    /** Sends the mutation for every chunk, then waits until no log of it is still 0; answers the figures. */
    private static Step step(
            GraphQlEndpoint endpoint, String token, String mutation, List<String> uuids, int chunk, String done)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<String> logs = new ArrayList<>();
        for (int i = 0; i < uuids.size(); i += chunk) {
            List<String> part = uuids.subList(i, Math.min(uuids.size(), i + chunk));
            String document = "mutation($u: [UUID!]!) { " + mutation + "(input: {uuids: $u}) { internalId } }";
            JsonNode answer = call(endpoint, token, document, JSON.writeValueAsString(java.util.Map.of("u", part)));
            logs.add(answer.path("data").path(mutation).path("internalId").asString());
        }
        long sent = System.nanoTime();
        long deadline = sent + PATIENCE.toNanos();
        int waiting = logs.size();
        while (waiting > 0 && System.nanoTime() < deadline) {
            waiting = 0;
            for (String log : logs) {
                JsonNode node = call(
                        endpoint,
                        token,
                        "query($id: String) { mutationLogs(id: $id) { edges { node { status } } } }",
                        JSON.writeValueAsString(java.util.Map.of("id", log)));
                if (node.path("data")
                                .path("mutationLogs")
                                .path("edges")
                                .path(0)
                                .path("node")
                                .path("status")
                                .asInt()
                        == 0) waiting++;
            }
            if (waiting > 0) Thread.sleep(50);
        }
        if (waiting > 0) throw new IllegalStateException(waiting + " " + mutation + " logs still 0 after " + PATIENCE);
        return new Step(
                mutation, uuids.size(), logs.size(), done, (System.nanoTime() - started) / 1e9, (sent - started) / 1e9);
    }

    /** The uuids of every claim in {@code status} the caller sees, oldest first (the order they were entered). */
    private static List<String> claims(GraphQlEndpoint endpoint, String token, int status)
            throws IOException, InterruptedException {
        List<String> uuids = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = call(
                            endpoint,
                            token,
                            "query($s: Int, $a: String) { claims(status: $s, first: 500, after: $a, orderBy: [\"dateClaimed\"])"
                                    + " { pageInfo { hasNextPage endCursor } edges { node { uuid } } } }",
                            JSON.writeValueAsString(
                                    after == null
                                            ? java.util.Map.of("s", status)
                                            : java.util.Map.of("s", status, "a", after)))
                    .path("data")
                    .path("claims");
            for (JsonNode edge : page.path("edges"))
                uuids.add(edge.path("node").path("uuid").asString());
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asString()
                    : null;
        } while (after != null);
        return uuids;
    }

    private static JsonNode call(GraphQlEndpoint endpoint, String token, String document, String variables)
            throws IOException, InterruptedException {
        GraphQlEndpoint.Answer answer = endpoint.post(GraphQlEndpoint.requestBody(document, variables), token);
        if (answer.isError())
            throw new IllegalStateException(
                    "HTTP " + answer.status() + ": " + new String(answer.body(), StandardCharsets.UTF_8));
        return JSON.readTree(answer.body());
    }

    private static @Nullable String option(List<String> args, String name, @Nullable String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}
