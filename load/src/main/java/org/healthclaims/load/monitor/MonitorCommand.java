package org.healthclaims.load.monitor;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.domain.database.DatabaseUrl;
import org.healthclaims.load.bench.OptionPairs;
import org.jspecify.annotations.Nullable;

/**
 * {@code monitor}: samples the machine, the server, PostgreSQL and the broker every interval and appends a row to a
 * CSV ({@link MonitorCsv}), flushed row by row so that a kill at the end of a load run leaves a whole file. Each source
 * is optional and each one that cannot be read leaves its cells empty: the monitor never stops a run.
 */
public final class MonitorCommand {

    private MonitorCommand() {}

    record Options(
            @Nullable URI server,
            @Nullable DatabaseUrl database,
            @Nullable String amqpUrl,
            String amqpPrefix,
            int partitions,
            Duration interval,
            @Nullable Duration length,
            Path out) {

        static Options parse(List<String> args) {
            String server = null;
            String database = null;
            String user = null;
            String password = null;
            String amqp = null;
            String prefix = System.getenv().getOrDefault("AMQP_PREFIX", "");
            int partitions = 16;
            double intervalSeconds = 1;
            Duration length = null;
            Path out = null;
            for (Map.Entry<String, String> option : OptionPairs.of(args).entrySet()) {
                String name = option.getKey();
                String value = option.getValue();
                switch (name) {
                    case "--url" -> server = value;
                    case "--database-url" -> database = value;
                    case "--database-user" -> user = value;
                    case "--database-password" -> password = value;
                    case "--amqp-url" -> amqp = value;
                    case "--amqp-prefix" -> prefix = value;
                    case "--partitions" -> partitions = (int) number(name, value, 1, AdjudicationRoute.MOST_PARTITIONS);
                    case "--interval" -> intervalSeconds = number(name, value, 0.1, 3600);
                    case "--seconds" ->
                        length = Duration.ofMillis(Math.round(number(name, value, 0.1, 7 * 86_400) * 1000));
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option for monitor: " + name);
                }
            }
            if (out == null) throw new IllegalArgumentException("--out FILE.csv is required");
            if (server == null && database == null && amqp == null)
                throw new IllegalArgumentException(
                        "name at least one of --url (the server), --database-url, --amqp-url to sample");
            URI serverUri = null;
            if (server != null) {
                serverUri = URI.create(server.endsWith("/") ? server : server + "/");
                if (!"http".equals(serverUri.getScheme()) && !"https".equals(serverUri.getScheme()))
                    throw new IllegalArgumentException("--url must start with http:// or https://, was " + server);
            }
            return new Options(
                    serverUri,
                    database == null ? null : DatabaseUrl.parse(database, user, password),
                    amqp,
                    prefix,
                    partitions,
                    Duration.ofMillis(Math.round(intervalSeconds * 1000)),
                    length,
                    out);
        }

        private static double number(String name, String value, double least, double most) {
            double n;
            try {
                n = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
            }
            if (!(n >= least && n <= most))
                throw new IllegalArgumentException(name + " must be " + least + ".." + most + ", was " + value);
            return n;
        }
    }

    /** Runs until {@code --seconds} have passed, or until killed; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = Options.parse(args);
        MachineReadings machine = new MachineReadings();
        try (HttpClient http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();
                @Nullable
                        DatabaseReadings database =
                                options.database() == null ? null : new DatabaseReadings(options.database());
                @Nullable
                        QueueDepth queues = options.amqpUrl() == null
                                ? null
                                : new QueueDepth(
                                        options.amqpUrl(),
                                        new AdjudicationRoute(options.amqpPrefix(), options.partitions()));
                BufferedWriter csv = Files.newBufferedWriter(
                        options.out(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            ServerMetrics server = options.server() == null ? null : new ServerMetrics(http, options.server());
            csv.write(String.join(",", MonitorCsv.HEADER));
            csv.newLine();
            csv.flush();
            err.printf(
                    Locale.ROOT,
                    "monitor: every %d ms into %s: machine%s%s%s; %s%n",
                    options.interval().toMillis(),
                    options.out(),
                    server == null ? "" : ", server " + options.server(),
                    database == null ? "" : ", database " + options.database(),
                    queues == null ? "" : ", " + queues.queues().size() + " adjudication queues",
                    options.length() == null
                            ? "until stopped"
                            : "for " + options.length().toMillis() / 1000.0 + " s");
            // baselines for the per-interval figures (CPU, GC), so that the first row covers a whole interval, and
            // the connections opened now: a first connect takes longer than an interval on a busy machine
            machine.cpuPercent();
            if (server != null) server.scrape();
            if (database != null) database.read();
            if (queues != null) queues.read();
            long started = System.nanoTime();
            long intervalNanos = options.interval().toNanos();
            long end = options.length() == null
                    ? Long.MAX_VALUE
                    : started + options.length().toNanos();
            int rows = 0;
            for (long next = started + intervalNanos; next <= end; next += intervalNanos) {
                long wait;
                while ((wait = next - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                if (Thread.interrupted()) throw new InterruptedException();
                long now = System.currentTimeMillis();
                if (server != null) server.scrape();
                if (database != null) database.read();
                double depth = queues == null ? Double.NaN : queues.read();
                csv.write(row(
                        now,
                        machine.cpuPercent(),
                        machine.memoryUsedMegabytes(),
                        server == null ? Double.NaN : server.cpuPercent,
                        server == null ? Double.NaN : server.heapUsedMegabytes,
                        server == null ? Double.NaN : server.heapMaxMegabytes,
                        server == null ? Double.NaN : server.gcPauseMillis,
                        server == null ? Double.NaN : server.poolActive,
                        server == null ? Double.NaN : server.poolIdle,
                        server == null ? Double.NaN : server.poolPending,
                        database == null ? Double.NaN : database.connections,
                        database == null ? Double.NaN : database.waitingLocks,
                        database == null ? Double.NaN : database.deadlocks,
                        depth));
                csv.flush();
                rows++;
                // a slow source (a 2 s timeout) must not make the monitor fall behind by more than a row
                if (System.nanoTime() - next > intervalNanos) next = System.nanoTime() - intervalNanos / 2;
            }
            out.printf(Locale.ROOT, "monitor: %d rows in %s%n", rows, options.out());
            return 0;
        } catch (IOException e) {
            err.println("monitor: cannot write " + options.out() + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** One CSV row: the time, then each figure with at most two decimals, empty for NaN. */
    static String row(long timeMillis, double... figures) {
        StringBuilder row = new StringBuilder(128).append(timeMillis);
        for (double f : figures) {
            row.append(',');
            if (Double.isNaN(f)) continue;
            if (f == Math.rint(f) && Math.abs(f) < 1e15) row.append((long) f);
            else row.append(String.format(Locale.ROOT, "%.2f", f));
        }
        return row.append(System.lineSeparator()).toString();
    }
}
