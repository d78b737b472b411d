package org.healthclaims.load.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.healthclaims.api.broker.EmbeddedBroker;
import org.healthclaims.domain.broker.AmqpUrl;
import org.healthclaims.load.testing.ScratchDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * monitor for three seconds against the real PostgreSQL (a scratch database with a session waiting for a lock), the
 * real broker (TEST_AMQP_URL, else the embedded one; three messages in a partition queue of the test's own prefix)
 * and a stand-in for the server's /actuator/prometheus that serves a recorded scrape with the CPU counter advancing.
 */
class MonitorCommandIT {

    @TempDir
    Path dir;

    @Test
    void writes_a_row_per_interval_with_the_database_the_broker_and_the_server_read() throws Exception {
        String amqpEnv = System.getenv("TEST_AMQP_URL");
        @Nullable EmbeddedBroker embedded = amqpEnv == null || amqpEnv.isBlank() ? EmbeddedBroker.start() : null;
        String amqp = embedded != null ? embedded.url() : amqpEnv;
        String prefix = "monitor-it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        HttpServer server = prometheusStandIn();
        Path out = dir.resolve("monitor.csv");
        try (ScratchDatabase database = ScratchDatabase.create("monitor");
                java.sql.Connection holder = database.connect();
                java.sql.Connection waiter = database.connect();
                Connection broker = factory(amqp).newConnection("monitor-it");
                ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
            Channel channel = broker.createChannel();
            String queue = prefix + "claims.adjudication.p3";
            channel.queueDeclare(queue, false, false, true, null);
            for (int i = 0; i < 3; i++) channel.basicPublish("", queue, null, new byte[] {1});
            try (Statement s = holder.createStatement()) {
                s.execute("create table claim_lock (id int)");
                holder.setAutoCommit(false);
                s.execute("lock table claim_lock in access exclusive mode");
            }
            Future<?> waiting = background.submit(() -> {
                try (Statement s = waiter.createStatement()) {
                    s.execute("set lock_timeout = '20s'");
                    s.execute("select count(*) from claim_lock");
                }
                return null;
            });
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            int exit = MonitorCommand.run(
                    List.of(
                            "--url",
                            "http://127.0.0.1:" + server.getAddress().getPort(),
                            "--database-url",
                            database.jdbcUrl(),
                            "--amqp-url",
                            amqp,
                            "--amqp-prefix",
                            prefix,
                            "--interval",
                            "0.5",
                            "--seconds",
                            "3",
                            "--out",
                            out.toString()),
                    new PrintStream(printed, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            holder.rollback();
            waiting.get();

            List<Map<String, String>> rows = rows(out);
            System.out.println(Files.readString(out));
            assertThat(exit).isZero();
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("monitor: " + rows.size() + " rows");
            assertThat(rows).hasSizeBetween(4, 6);
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.get(MonitorCsv.TIME)).matches("\\d{13}");
                // the two sessions of the test, the monitor's own left out
                assertThat(number(row, MonitorCsv.PG_CONNECTIONS)).isEqualTo(2);
                assertThat(number(row, MonitorCsv.PG_WAITING_LOCKS)).isEqualTo(1);
                assertThat(number(row, MonitorCsv.PG_DEADLOCKS)).isZero();
                assertThat(number(row, MonitorCsv.QUEUE_DEPTH)).isEqualTo(3);
                assertThat(number(row, MonitorCsv.MACHINE_CPU)).isBetween(0.0, 100.0);
                assertThat(number(row, MonitorCsv.MACHINE_MEMORY)).isPositive();
                assertThat(number(row, MonitorCsv.HEAP_USED)).isEqualTo(72.66);
                assertThat(number(row, MonitorCsv.HEAP_MAX)).isEqualTo(6028);
                assertThat(number(row, MonitorCsv.POOL_ACTIVE)).isEqualTo(1);
                assertThat(number(row, MonitorCsv.POOL_IDLE)).isEqualTo(19);
                assertThat(number(row, MonitorCsv.GC_PAUSE)).isZero();
                // the stand-in adds 0.1 s of CPU per scrape, every 0.5 s: 10 % of 2 cores
                assertThat(number(row, MonitorCsv.SERVER_CPU)).isBetween(5.0, 15.0);
            });
            channel.queueDelete(queue);
        } finally {
            server.stop(0);
            if (embedded != null) embedded.close();
        }
    }

    @Test
    void a_source_that_cannot_be_read_leaves_its_cells_empty() throws Exception {
        Path out = dir.resolve("unreachable.csv");

        int exit = MonitorCommand.run(
                List.of(
                        "--url", "http://127.0.0.1:9",
                        "--database-url", "jdbc:postgresql://127.0.0.1:9/none?user=postgres",
                        "--interval", "0.3",
                        "--seconds", "0.6",
                        "--out", out.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(rows(out)).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get(MonitorCsv.PG_CONNECTIONS)).isEmpty();
            assertThat(row.get(MonitorCsv.HEAP_USED)).isEmpty();
            assertThat(row.get(MonitorCsv.QUEUE_DEPTH)).isEmpty();
            assertThat(row.get(MonitorCsv.MACHINE_MEMORY)).isNotEmpty();
        });
    }

    /** The recorded scrape, process CPU time advanced by 0.1 s at every request. */
    private static HttpServer prometheusStandIn() throws Exception {
        String recorded = PrometheusTextTest.recorded();
        AtomicLong cpuNanos = new AtomicLong(17_520_000_000L);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/prometheus", exchange -> {
            byte[] body = recorded.replace(
                            "process_cpu_time_ns_total 1.752E10",
                            "process_cpu_time_ns_total " + cpuNanos.addAndGet(100_000_000L))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (var response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        server.start();
        return server;
    }

    private static ConnectionFactory factory(String amqp) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(AmqpUrl.parse(amqp));
        return factory;
    }

    private static List<Map<String, String>> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo(String.join(",", MonitorCsv.HEADER));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(MonitorCsv.HEADER.size());
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < cells.length; i++) row.put(MonitorCsv.HEADER.get(i), cells[i]);
            rows.add(row);
        }
        return rows;
    }

    private static double number(Map<String, String> row, String column) {
        String cell = row.getOrDefault(column, "");
        assertThat(cell).as(column + " in " + row).isNotEmpty();
        return Double.parseDouble(cell);
    }
}
