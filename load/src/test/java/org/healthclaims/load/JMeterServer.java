package org.healthclaims.load;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.healthclaims.load.testing.PackagedServer;
import org.healthclaims.load.testing.ScratchDatabase;

/**
 * The server the build starts for the JMeter smoke run (load/pom.xml, around the integration-test phase): {@code
 * start DIR PORT API_JAR} makes a scratch database (on {@code TEST_DATABASE_URL}'s PostgreSQL, else an embedded one),
 * fills it with a small data set and the plans' parameter files ({@code datagen --jmeter-data DIR/data}), starts the
 * packaged server on PORT with its claims engine (on {@code TEST_AMQP_URL}'s broker, else the server's embedded one),
 * writes {@code DIR/ready}, and keeps all of it up until {@code stop DIR} asks, then drops everything. {@code await
 * DIR} returns once it is ready (or fails with what went wrong), so JMeter starts against a server that answers.
 */
public final class JMeterServer {

    private static final Duration START_PATIENCE = Duration.ofMinutes(3);

    private JMeterServer() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "clean" -> clean(dir, Path.of(args[2]));
            case "start" -> start(dir, Integer.parseInt(args[2]), Path.of(args[3]));
            case "await" -> await(dir);
            case "stop" -> stop(dir);
            default -> throw new IllegalArgumentException("clean, start, await or stop, not " + args[0]);
        }
    }

    /**
     * Before the asynchronous start: an earlier run's state files (a stale "ready" would let JMeter start before the
     * server) and JMeter's HTML report of that run (JMeter refuses to write into a folder that is not empty).
     */
    private static void clean(Path dir, Path reports) throws Exception {
        Files.createDirectories(dir);
        for (String file : List.of("ready", "failed", "stop", "stopped")) Files.deleteIfExists(dir.resolve(file));
        if (Files.isDirectory(reports))
            try (var paths = Files.walk(reports)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(path);
            }
    }

    private static void start(Path dir, int port, Path jar) throws Exception {
        Files.createDirectories(dir);
        Path log = dir.resolve("server.log");
        try (ScratchDatabase database = ScratchDatabase.create("jmeter")) {
            List<String> datagen = new ArrayList<>(List.of(
                    "datagen",
                    "--database-url",
                    database.jdbcUrl(),
                    "--insurees",
                    "2000",
                    "--claims",
                    "5000",
                    "--seed",
                    "8",
                    "--jmeter-data",
                    dir.resolve("data").toString()));
            String user = database.user();
            if (user != null) datagen.addAll(List.of("--database-user", user));
            int generated = LoadCommand.run(
                    datagen,
                    new PrintStream(Files.newOutputStream(dir.resolve("datagen.log")), true, StandardCharsets.UTF_8),
                    System.err);
            if (generated != 0) throw new IllegalStateException("datagen failed: see " + dir.resolve("datagen.log"));
            Process server = PackagedServer.start(jar, database, port, log, false, Map.of(), START_PATIENCE);
            try {
                Files.writeString(dir.resolve("ready"), "http://127.0.0.1:" + port);
                System.out.println("JMeter's server is ready on port " + port + ", data in " + dir.resolve("data"));
                // until the build says stop, or the server dies (then the run fails on connection errors)
                while (!Files.exists(dir.resolve("stop")) && server.isAlive())
                    server.onExit()
                            .completeOnTimeout(null, 200, TimeUnit.MILLISECONDS)
                            .join();
            } finally {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
            }
        } catch (Exception | AssertionError e) {
            Files.writeString(dir.resolve("failed"), String.valueOf(e.getMessage()));
            throw e;
        } finally {
            Files.writeString(dir.resolve("stopped"), Instant.now().toString());
        }
    }

    private static void await(Path dir) throws Exception {
        Instant deadline = Instant.now().plus(START_PATIENCE).plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(dir.resolve("ready"))) return;
            if (Files.exists(dir.resolve("failed")))
                throw new IllegalStateException(
                        "JMeter's server did not start: " + Files.readString(dir.resolve("failed")));
            Thread.sleep(200);
        }
        throw new IllegalStateException("JMeter's server was not ready within " + START_PATIENCE);
    }

    private static void stop(Path dir) throws Exception {
        Files.writeString(dir.resolve("stop"), Instant.now().toString());
        Instant deadline = Instant.now().plusSeconds(60);
        while (!Files.exists(dir.resolve("stopped")) && Instant.now().isBefore(deadline)) Thread.sleep(200);
    }
}
