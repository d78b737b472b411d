package org.healthclaims.api.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;

/**
 * An in-process AMQP 0-9-1 broker (Apache Qpid Broker-J 10, memory store) on a free loopback port, for the
 * zero-setup mode and for tests on a machine without RabbitMQ. It keeps nothing across a restart, so whatever must
 * not be lost is recoverable from PostgreSQL (the outbox), never only from the broker.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final SystemLauncher launcher = new SystemLauncher();
    private final Path workDirectory;
    private final int port;
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    private EmbeddedBroker(Path workDirectory, int port) {
        this.workDirectory = workDirectory;
        this.port = port;
    }

    /** Starts a broker with user guest/guest on a free port of 127.0.0.1 and waits until it accepts connections. */
    public static EmbeddedBroker start() {
        EmbeddedBroker broker = startInBackground();
        broker.awaitStarted();
        return broker;
    }

    /**
     * Begins starting a broker and returns at once, so that the embedded PostgreSQL can start meanwhile (each takes
     * about two seconds); {@link #awaitStarted()} before the first connection.
     */
    public static EmbeddedBroker startInBackground() {
        try {
            Path work = Files.createTempDirectory("claims-broker");
            // Qpid reads its configuration through its own classpath: URL handler, which the class loader of a
            // Spring Boot fat jar cannot see: hand it plain files instead.
            Path config = work.resolve("qpid-embedded.json");
            try (InputStream in = Objects.requireNonNull(
                    EmbeddedBroker.class.getResourceAsStream("/broker/qpid-embedded.json"),
                    "broker/qpid-embedded.json is missing from the classpath")) {
                Files.copy(in, config);
            }
            Path systemProperties = Files.createFile(work.resolve("system.properties"));
            int port = freePort();
            EmbeddedBroker broker = new EmbeddedBroker(work, port);
            Map<String, Object> settings = Map.of(
                    "type", "Memory",
                    "initialSystemPropertiesLocation", systemProperties.toUri().toString(),
                    "initialConfigurationLocation", config.toUri().toString(),
                    "startupLoggedToSystemOut", false,
                    "context", Map.of("qpid.amqp_port", Integer.toString(port), "qpid.work_dir", work.toString()));
            Thread.ofPlatform().name("embedded-broker-start").start(() -> {
                try {
                    broker.launcher.startup(settings);
                    broker.started.complete(null);
                } catch (Exception | Error e) {
                    broker.started.completeExceptionally(e);
                }
            });
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded broker's files", e);
        }
    }

    /** Blocks until the broker accepts connections; rethrows why it could not start. */
    public void awaitStarted() {
        try {
            started.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the embedded AMQP broker did not start", e.getCause());
        }
    }

    public int port() {
        return port;
    }

    /** An AMQP URL for this broker, as AMQP_URL would name it. */
    public String url() {
        return "amqp://guest:guest@127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (started.isDone() && !started.isCompletedExceptionally()) launcher.shutdown();
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + workDirectory, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
