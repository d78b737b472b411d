package org.healthclaims.load.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code bench-claims}, checked where they enter. The target must be on this machine (a loopback
 * address): the command sends as many requests as the server answers, which is only ever meant for one's own server.
 *
 * @param endpoint the GraphQL endpoint, {@code <url>/api/graphql}
 * @param sizes the page sizes ({@code first}) to run, in order
 */
record BenchOptions(
        URI endpoint,
        String user,
        String password,
        int clients,
        Duration duration,
        Duration warmup,
        List<Integer> sizes) {

    static final int MOST_CLIENTS = 1_000;
    static final int LONGEST_SECONDS = 3_600;
    /** The server refuses larger pages (guard/). */
    static final int LARGEST_PAGE = 500;

    BenchOptions {
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty()) throw new IllegalArgumentException("--sizes needs at least one page size");
    }

    static BenchOptions parse(List<String> args) {
        String url = null;
        String user = "Admin";
        String password = "admin123";
        int clients = 10;
        int seconds = 20;
        int warmupSeconds = 3;
        List<Integer> sizes = List.of(10, 100, 500);
        for (Map.Entry<String, String> option : OptionPairs.of(args).entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--clients" -> clients = number(name, value, 1, MOST_CLIENTS);
                case "--seconds" -> seconds = number(name, value, 1, LONGEST_SECONDS);
                case "--warmup" -> warmupSeconds = number(name, value, 0, LONGEST_SECONDS);
                case "--sizes" -> sizes = sizes(value);
                default -> throw new IllegalArgumentException("unknown option for bench-claims: " + name);
            }
        }
        if (url == null) throw new IllegalArgumentException("--url is required, e.g. --url http://127.0.0.1:8080");
        return new BenchOptions(
                GraphQlEndpoint.onThisMachine(url, "/api/graphql"),
                user,
                password,
                clients,
                Duration.ofSeconds(seconds),
                Duration.ofSeconds(warmupSeconds),
                sizes);
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

    private static List<Integer> sizes(String value) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : value.split(",", -1)) sizes.add(number("--sizes", part, 1, LARGEST_PAGE));
        return sizes;
    }
}
