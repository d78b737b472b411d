package org.healthclaims.load.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench-adjudication --url URL}: on a fresh server (the zero-setup demo, whose entered claims were never
 * submitted), submits every entered claim in mutations of {@code --chunk} claims, waits until every submission's
 * log has turned 2 (the claims engine has checked them all, through the outbox and the broker), then processes the
 * checked ones the same way; prints claims per second for each step, end to end as a front-end sees it.
 */
public final class AdjudicationBench {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private AdjudicationBench() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String url = option(args, "--url", null);
        if (url == null) throw new IllegalArgumentException("--url is required, e.g. --url http://127.0.0.1:8080");
        String user = java.util.Objects.requireNonNull(option(args, "--user", "Admin"));
        String password = java.util.Objects.requireNonNull(option(args, "--password", "admin123"));
        int chunk = Integer.parseInt(java.util.Objects.requireNonNull(option(args, "--chunk", "100")));
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            GraphQlEndpoint endpoint =
                    new GraphQlEndpoint(http, URI.create(url.replaceAll("/+$", "") + "/api/graphql"));
            String token = endpoint.login(user, password);
            out.println("bench-adjudication against " + url + " as " + user + ", " + chunk + " claims per mutation");
            out.println("machine: " + ClaimsBench.machine() + "; load generator on the same machine");
            List<String> entered = claims(endpoint, token, 2);
            if (entered.isEmpty()) throw new IllegalStateException("no entered claim to submit");
            out.println(step(endpoint, token, "submitClaims", entered, chunk, "checked"));
            List<String> checked = claims(endpoint, token, 4);
            checked.retainAll(entered);
            out.println(step(endpoint, token, "processClaims", checked, chunk, "valued"));
            return 0;
        } catch (IOException e) {
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

    /** Sends the mutation for every chunk, then waits until no log of it is still 0; answers the figures. */
    private static String step(
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
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format(
                Locale.ROOT,
                "%s: %d claims in %d mutations %s in %.2f s (sent in %.2f s): %.0f claims/s end to end",
                mutation,
                uuids.size(),
                logs.size(),
                done,
                seconds,
                (sent - started) / 1e9,
                uuids.size() / seconds);
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
