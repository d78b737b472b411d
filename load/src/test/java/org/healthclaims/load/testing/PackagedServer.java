package org.healthclaims.load.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The packaged server (api/target/claims-api.jar) on a test's scratch database: its claims engine on the test broker
 * (queues named after the database) when TEST_AMQP_URL names one, else the server's embedded broker; started on a
 * free loopback port and returned once its log says it is ready.
 */
public final class PackagedServer {

    private PackagedServer() {}

    /** A free loopback port, for a server about to be started. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts it and waits until it is ready.
     *
     * @param demoData load the demo data (off when the database holds a generated data set)
     * @param environment more variables, e.g. TOTALS_STALENESS
     */
    public static Process start(
            Path jar,
            ScratchDatabase database,
            int port,
            Path log,
            boolean demoData,
            Map<String, String> environment,
            Duration patience)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java, "--add-modules", "jdk.incubator.vector", "-jar", jar.toString(), "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("DATABASE_URL", database.jdbcUrl());
        String user = database.user();
        if (user != null) env.put("DATABASE_USER", user);
        else env.remove("DATABASE_USER");
        env.remove("DATABASE_PASSWORD");
        if (demoData) env.put("DEMO_DATA", "true");
        else env.remove("DEMO_DATA");
        String amqp = System.getenv("TEST_AMQP_URL");
        if (amqp != null && !amqp.isBlank()) {
            env.put("AMQP_URL", amqp);
            env.put("AMQP_PREFIX", database.name() + ".");
        } else env.remove("AMQP_URL");
        env.putAll(environment);
        Process server = builder.start();
        // a server left behind by a test that dies must not outlive the JVM (Maven's fork, JMeterServer)
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroyForcibly));
        ServerLog.awaitReady(server, log, patience);
        return server;
    }
}
