package org.healthclaims.load.compare;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthclaims.domain.database.DatabaseUrl;
import org.healthclaims.load.bench.GraphQlEndpoint;
import org.healthclaims.load.bench.OptionPairs;
import org.jspecify.annotations.Nullable;

/**
 * The options of {@code compare}, checked where they enter.
 *
 * @param endpoint our server's GraphQL endpoint, {@code <url>/api/graphql}, on this machine
 * @param database the database our server uses; PostGraphile and pgbench are pointed at it
 * @param clients the concurrency levels, in order
 * @param rounds how many times each system runs each query at each level, alternated
 * @param peer load/peer: PostGraphile's package.json, lock file and configuration
 * @param markdown where to write the report as well, or null
 */
record CompareOptions(
        URI endpoint,
        DatabaseUrl database,
        String user,
        String password,
        List<Integer> clients,
        int rounds,
        Duration duration,
        Duration warmup,
        Path peer,
        String pgbench,
        @Nullable Path markdown) {

    static final int MOST_CLIENTS = 1_000;
    static final int LONGEST_SECONDS = 3_600;

    CompareOptions {
        clients = List.copyOf(clients);
        if (clients.isEmpty()) throw new IllegalArgumentException("--clients needs at least one number");
    }

    static CompareOptions parse(List<String> args) {
        String url = null;
        String databaseUrl = System.getenv("DATABASE_URL");
        String databaseUser = System.getenv("DATABASE_USER");
        String databasePassword = System.getenv("DATABASE_PASSWORD");
        String user = "Admin";
        String password = "admin123";
        List<Integer> clients = List.of(1, 10, 50);
        int rounds = 2;
        int seconds = 10;
        int warmup = 3;
        Path peer = null;
        String pgbench = "pgbench";
        Path markdown = null;
        for (Map.Entry<String, String> option : OptionPairs.of(args).entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--url" -> url = value;
                case "--database-url" -> databaseUrl = value;
                case "--database-user" -> databaseUser = value;
                case "--database-password" -> databasePassword = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--clients" -> clients = numbers(name, value);
                case "--rounds" -> rounds = number(name, value, 1, 100);
                case "--seconds" -> seconds = number(name, value, 1, LONGEST_SECONDS);
                case "--warmup" -> warmup = number(name, value, 0, LONGEST_SECONDS);
                case "--peer-dir" -> peer = Path.of(value);
                case "--pgbench" -> pgbench = value;
                case "--markdown" -> markdown = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option for compare: " + name);
            }
        }
        if (url == null) throw new IllegalArgumentException("--url is required, e.g. --url http://127.0.0.1:8080");
        if (databaseUrl == null || databaseUrl.isBlank())
            throw new IllegalArgumentException(
                    "--database-url (or DATABASE_URL) is required: the database our server uses");
        return new CompareOptions(
                GraphQlEndpoint.onThisMachine(url, "/api/graphql"),
                DatabaseUrl.parse(databaseUrl, databaseUser, databasePassword),
                user,
                password,
                clients,
                rounds,
                Duration.ofSeconds(seconds),
                Duration.ofSeconds(warmup),
                peer != null ? peer : defaultPeer(),
                pgbench,
                markdown);
    }

    /** load/peer from the repository root (where the README runs commands), else beside the jar's target folder. */
    private static Path defaultPeer() {
        Path fromRoot = Path.of("load", "peer");
        if (Files.isDirectory(fromRoot)) return fromRoot;
        try {
            Path jar = Path.of(CompareOptions.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path target = jar.toAbsolutePath().getParent();
            if (target != null && Files.isDirectory(target.resolveSibling("peer")))
                return target.resolveSibling("peer");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // a jar nested in another or an unusual class path: the root-relative default below
        }
        return fromRoot;
    }

    private static int number(String name, String value, int least, int most) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
        if (n < least || n > most)
            throw new IllegalArgumentException(name + " must be " + least + ".." + most + ", was " + n);
        return n;
    }

    private static List<Integer> numbers(String name, String value) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : value.split(",", -1)) numbers.add(number(name, part, 1, MOST_CLIENTS));
        return numbers;
    }
}
