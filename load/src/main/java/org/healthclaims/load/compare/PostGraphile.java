package org.healthclaims.load.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthclaims.load.bench.GraphQlEndpoint;

/**
 * PostGraphile 5 as load/peer pins it (package.json, package-lock.json, graphile.config.mjs), started on a free
 * loopback port for one comparison and stopped after it. It runs on the Node 22 of the npm package {@code node@22}
 * (node_modules/.bin/node): PostGraphile 5 answers every query with an error on Node 20.
 */
final class PostGraphile implements AutoCloseable {

    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final String version;

    private PostGraphile(Process process, URI endpoint, Path log, String version) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
        this.version = version;
    }

    /**
     * Installs load/peer's locked packages when they are missing ({@code npm ci}), starts PostGraphile on {@code
     * database} and waits until it answers a query.
     */
    static PostGraphile start(Path peer, DatabaseLocation database, HttpClient http, PrintStream err)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(peer.resolve("graphile.config.mjs")))
            throw new IllegalStateException("no PostGraphile setup in " + peer.toAbsolutePath()
                    + " (load/peer of the repository; --peer-dir names another)");
        Path node = peer.resolve("node_modules/.bin/node");
        Path cli = peer.resolve("node_modules/postgraphile/dist/cli-run.js");
        if (!Files.isExecutable(node) || !Files.isRegularFile(cli)) install(peer, err);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = peer.resolve("postgraphile.log");
        ProcessBuilder builder = new ProcessBuilder(
                        node.toAbsolutePath().toString(), cli.toAbsolutePath().toString(), "-C", "graphile.config.mjs")
                .directory(peer.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", database.postgresUrl());
        builder.environment().put("PORT", Integer.toString(port));
        // production: no development-only checks and explanations in the timed path
        builder.environment().put("GRAPHILE_ENV", "production");
        builder.environment().put("NODE_ENV", "production");
        String version = version(peer.resolve("node_modules/postgraphile/package.json"));
        err.printf("starting PostGraphile %s on 127.0.0.1:%d (log: %s)%n", version, port, log);
        PostGraphile started =
                new PostGraphile(builder.start(), URI.create("http://127.0.0.1:" + port + "/graphql"), log, version);
        try {
            started.awaitReady(http);
            return started;
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.close();
            throw e;
        }
    }

    URI endpoint() {
        return endpoint;
    }

    String version() {
        return version;
    }

    private void awaitReady(HttpClient http) throws IOException, InterruptedException {
        GraphQlEndpoint graphql = new GraphQlEndpoint(http, endpoint);
        byte[] probe = GraphQlEndpoint.requestBody("{ __typename }", "{}");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive())
                throw new IllegalStateException("PostGraphile exited (" + process.exitValue() + "):\n" + tail(log));
            try {
                if (!graphql.post(probe, null).isError()) return;
            } catch (IOException e) {
                // not listening yet
            }
            // a bounded wait on the process itself: it returns at once if PostGraphile dies
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("PostGraphile did not answer within " + START_TIMEOUT + ":\n" + tail(log));
    }

    private static void install(Path peer, PrintStream err) throws IOException, InterruptedException {
        Path log = peer.resolve("npm-ci.log");
        err.println("installing PostGraphile and Node 22 in " + peer + " (npm ci, log: " + log + ")");
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"))
                .directory(peer.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci took longer than " + INSTALL_TIMEOUT + ":\n" + tail(log));
        }
        if (npm.exitValue() != 0)
            throw new IllegalStateException("npm ci failed (" + npm.exitValue() + "):\n" + tail(log));
    }

    private static String version(Path packageJson) throws IOException {
        Matcher version = VERSION.matcher(Files.readString(packageJson));
        return version.find() ? version.group(1) : "?";
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops PostGraphile: a TERM, then a KILL if it is still running after 10 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
