package org.healthclaims.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.domain.database.DatabaseUrl;
import org.jspecify.annotations.Nullable;

/**
 * A claims engine as a process of its own: the packaged {@code claims-engine.jar}, started as an operator starts it
 * ({@code java --add-modules jdk.incubator.vector -jar claims-engine.jar} with DATABASE_URL, AMQP_URL and the
 * ENGINE_* settings), its output in {@code target/engine-<name>.log}. Its database sessions carry its name as
 * their application name, so that the test can tell them apart in {@code pg_stat_activity} and in the write trace.
 * {@link #kill()} is SIGKILL: no shutdown hook runs, no lease is freed, no message is acknowledged.
 */
final class EngineProcess implements AutoCloseable {

    static final Path JAR =
            Path.of(System.getProperty("claims.engine.jar", "../claims-engine/target/claims-engine.jar"));

    private static final Pattern STARTED = Pattern.compile("claims engine (engine-\\S+) started");
    private static final List<Process> RUNNING = new ArrayList<>();

    static {
        // a test JVM that dies leaves no engine behind to consume the next run's queues
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (RUNNING) {
                RUNNING.forEach(Process::destroyForcibly);
            }
        }));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private @Nullable String member;

    private EngineProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts an engine over {@code database} and {@code amqpUrl} on {@code route}'s queues. Returns at once: {@link
     * #awaitStarted()} waits for it.
     */
    static EngineProcess start(
            String name, DatabaseUrl database, String amqpUrl, AdjudicationRoute route, Duration leaseTime) {
        assertThat(JAR)
                .as("the engine jar is built by ./mvnw verify -pl api -am (claims-engine's package phase)")
                .exists();
        assertFresh();
        Path log = Path.of("target", "engine-" + name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(
                java,
                "--add-modules",
                "jdk.incubator.vector",
                // a small, quick-starting JVM: two of them and the test's share two cores; the kernel's speed is not
                // what these tests measure
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("DATABASE_") || k.startsWith("AMQP_") || k.startsWith("ENGINE_"));
        String url = database.jdbcUrl();
        env.put("DATABASE_URL", url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + name);
        if (database.user() != null) env.put("DATABASE_USER", database.user());
        if (database.password() != null) env.put("DATABASE_PASSWORD", database.password());
        env.put("AMQP_URL", amqpUrl);
        env.put("AMQP_PREFIX", route.prefix());
        env.put("AMQP_PARTITIONS", Integer.toString(route.partitions()));
        // small batches: a few hundred claims make many batches, so a fault lands between and inside them
        env.put("ENGINE_BATCH_SIZE", "16");
        env.put("ENGINE_LEASE_TIME", leaseTime.toMillis() + "ms");
        try {
            Process process = builder.start();
            synchronized (RUNNING) {
                RUNNING.add(process);
            }
            return new EngineProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + JAR, e);
        }
    }

    /** Waits until the engine has connected to both services and started its leases; answers its member id. */
    String awaitStarted() {
        Await.until("engine " + name + " started (see " + log + ")", Duration.ofSeconds(90), () -> {
            assertThat(process.isAlive())
                    .as("engine " + name + " exited early:\n" + output())
                    .isTrue();
            Matcher started = STARTED.matcher(output());
            if (!started.find()) return false;
            member = started.group(1);
            return true;
        });
        return member();
    }

    /** The lease member id the engine logged at its start. */
    String member() {
        assertThat(member).as("engine " + name + " has not started yet").isNotNull();
        return java.util.Objects.requireNonNull(member);
    }

    String name() {
        return name;
    }

    /** SIGKILL, then waits for the process to be gone. */
    void kill() {
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("engine " + name + " gone after SIGKILL")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing engine " + name, e);
        } finally {
            synchronized (RUNNING) {
                RUNNING.remove(process);
            }
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log's last {@code count} lines that are not a stack trace's, for a failure message. */
    String lastLines(int count) {
        List<String> lines = output().lines()
                .filter(line -> !line.startsWith("\t")
                        && !line.startsWith("Caused by")
                        && !line.startsWith("com.")
                        && !line.startsWith("java."))
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** SIGTERM: the engine stops consuming, finishes its batches and frees its leases; SIGKILL if it hangs. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS))
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            synchronized (RUNNING) {
                RUNNING.remove(process);
            }
        }
    }

    /**
     * The jar must hold the engine code this build compiled: a jar older than a class of claims-engine/target/classes
     * would test yesterday's engine.
     */
    private static void assertFresh() {
        Path classes = JAR.resolveSibling("classes");
        if (!Files.isDirectory(classes)) return;
        try (Stream<Path> files = Files.walk(classes)) {
            long jarTime = Files.getLastModifiedTime(JAR).toMillis();
            List<Path> newer = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> lastModified(p) > jarTime)
                    .toList();
            assertThat(newer)
                    .as("classes newer than " + JAR + ": package claims-engine again (./mvnw verify -pl api -am)")
                    .isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
