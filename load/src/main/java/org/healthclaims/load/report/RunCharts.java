package org.healthclaims.load.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.healthclaims.load.monitor.MonitorCsv;
import org.jspecify.annotations.Nullable;

/**
 * The report's charts, made from the samples in time buckets (5 s up to a 10-minute run, wider for longer runs so
 * that a chart has at most about 120 points; 1 s below 30 s) and from the monitor's rows as they were sampled.
 */
final class RunCharts {

    private static final int[] BUCKET_SECONDS = {5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600};
    private static final int MOST_BUCKETS = 120;

    /** Epoch milliseconds of second 0 on every chart: the earlier of the first sample and the first monitor row. */
    final long originMillis;

    final double lengthSeconds;
    final int bucketSeconds;
    private final JMeterResults results;
    private final @Nullable MonitorSamples monitor;

    RunCharts(JMeterResults results, @Nullable MonitorSamples monitor) {
        this.results = results;
        this.monitor = monitor;
        long first = results.firstMillis();
        long last = results.lastMillis();
        if (monitor != null && monitor.samples > 0) {
            first = Math.min(first, monitor.timeMillis[0]);
            last = Math.max(last, monitor.timeMillis[monitor.samples - 1]);
        }
        originMillis = first;
        lengthSeconds = Math.max(1, last - first) / 1000.0;
        bucketSeconds = bucketSeconds(lengthSeconds);
    }

    static int bucketSeconds(double lengthSeconds) {
        if (lengthSeconds < 30) return 1;
        for (int seconds : BUCKET_SECONDS) if (lengthSeconds / seconds <= MOST_BUCKETS) return seconds;
        return BUCKET_SECONDS[BUCKET_SECONDS.length - 1];
    }

    /** Every chart, those without data included (the HTML notes them). */
    List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        charts.add(latency());
        charts.add(throughput());
        charts.add(errors());
        charts.add(threads());
        charts.add(monitored(
                "cpu",
                "CPU",
                "% of all cores",
                MonitorCsv.MACHINE_CPU,
                "machine",
                MonitorCsv.SERVER_CPU,
                "server process"));
        charts.add(monitored(
                "memory",
                "Memory",
                "MB",
                MonitorCsv.HEAP_USED,
                "server heap used",
                MonitorCsv.HEAP_MAX,
                "server heap max",
                MonitorCsv.MACHINE_MEMORY,
                "machine used"));
        charts.add(monitored("gc", "GC pauses", "ms per sample interval", MonitorCsv.GC_PAUSE, "GC pause"));
        charts.add(monitored(
                "connections",
                "Database connections and locks",
                "count",
                MonitorCsv.PG_CONNECTIONS,
                "PostgreSQL sessions",
                MonitorCsv.POOL_ACTIVE,
                "server pool active",
                MonitorCsv.POOL_PENDING,
                "server pool waiting",
                MonitorCsv.PG_WAITING_LOCKS,
                "locks waited for"));
        charts.add(
                monitored("queue", "Adjudication queue depth", "messages", MonitorCsv.QUEUE_DEPTH, "ready messages"));
        return charts;
    }

    private int buckets() {
        return (int) Math.ceil(lengthSeconds / bucketSeconds) + 1;
    }

    private int bucketOf(long millis) {
        return (int) ((millis - originMillis) / (bucketSeconds * 1000L));
    }

    private double[] bucketMiddles() {
        double[] x = new double[buckets()];
        for (int b = 0; b < x.length; b++) x[b] = b * bucketSeconds + bucketSeconds / 2.0;
        return x;
    }

    /** p50, p95 and p99 of the transactions (polls left out: waiting is their purpose) in each bucket. */
    private Chart latency() {
        int buckets = buckets();
        int[] from = new int[buckets + 1];
        for (int i = 0; i < results.samples; i++)
            if (results.classOf(i) != TransactionClass.POLL) from[bucketOf(results.startMillis[i]) + 1]++;
        for (int b = 0; b < buckets; b++) from[b + 1] += from[b];
        int[] next = Arrays.copyOf(from, buckets);
        int[] sorted = new int[from[buckets]];
        for (int i = 0; i < results.samples; i++)
            if (results.classOf(i) != TransactionClass.POLL)
                sorted[next[bucketOf(results.startMillis[i])]++] = results.elapsedMillis[i];
        double[] p50 = new double[buckets];
        double[] p95 = new double[buckets];
        double[] p99 = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            if (from[b] == from[b + 1]) {
                p50[b] = p95[b] = p99[b] = Double.NaN;
                continue;
            }
            Arrays.sort(sorted, from[b], from[b + 1]);
            p50[b] = RunJudgement.percentile(sorted, from[b], from[b + 1], 50);
            p95[b] = RunJudgement.percentile(sorted, from[b], from[b + 1], 95);
            p99[b] = RunJudgement.percentile(sorted, from[b], from[b + 1], 99);
        }
        double[] x = bucketMiddles();
        return chart(
                "latency",
                "Response time percentiles (transactions, per " + bucketSeconds + " s)",
                "ms",
                new Chart.Series("p50", x, p50),
                new Chart.Series("p95", x, p95),
                new Chart.Series("p99", x, p99));
    }

    /** Samples per second of each class present. */
    private Chart throughput() {
        int buckets = buckets();
        int classes = TransactionClass.values().length;
        double[][] perSecond = new double[classes][buckets];
        boolean[] present = new boolean[classes];
        for (int i = 0; i < results.samples; i++) {
            int c = results.classOf(i).ordinal(); // a column per class, in memory only
            perSecond[c][bucketOf(results.startMillis[i])]++;
            present[c] = true;
        }
        double[] x = bucketMiddles();
        List<Chart.Series> series = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            if (!present[c]) continue;
            for (int b = 0; b < buckets; b++) perSecond[c][b] /= bucketSeconds;
            series.add(new Chart.Series(TransactionClass.ofOrdinal(c).prefix, x, perSecond[c]));
        }
        return chart(
                "throughput",
                "Throughput (samples per second, by class)",
                "per second",
                series.toArray(Chart.Series[]::new));
    }

    /** Failed samples, 4xx and 5xx (with no response) per second. */
    private Chart errors() {
        int buckets = buckets();
        double[] failed = new double[buckets];
        double[] client = new double[buckets];
        double[] server = new double[buckets];
        for (int i = 0; i < results.samples; i++) {
            int b = bucketOf(results.startMillis[i]);
            int code = results.responseCode[i];
            if (!results.success[i]) failed[b]++;
            if (code >= 400 && code < 500) client[b]++;
            else if ((code >= 500 && code < 600) || (code == JMeterResults.NO_RESPONSE && !results.success[i]))
                server[b]++;
        }
        for (int b = 0; b < buckets; b++) {
            failed[b] /= bucketSeconds;
            client[b] /= bucketSeconds;
            server[b] /= bucketSeconds;
        }
        double[] x = bucketMiddles();
        return chart(
                "errors",
                "Errors (per second)",
                "per second",
                new Chart.Series("failed samples", x, failed),
                new Chart.Series("HTTP 4xx", x, client),
                new Chart.Series("HTTP 5xx / no response", x, server));
    }

    /** JMeter's active threads (allThreads), the most in each bucket: which thread group ran when. */
    private Chart threads() {
        int buckets = buckets();
        double[] most = new double[buckets];
        Arrays.fill(most, Double.NaN);
        boolean any = false;
        for (int i = 0; i < results.samples; i++) {
            int threads = results.allThreads[i];
            if (threads <= 0) continue;
            int b = bucketOf(results.startMillis[i]);
            most[b] = Double.isNaN(most[b]) ? threads : Math.max(most[b], threads);
            any = true;
        }
        if (!any) return chart("threads", "Active JMeter threads", "threads");
        return chart("threads", "Active JMeter threads", "threads", new Chart.Series("threads", bucketMiddles(), most));
    }

    /** A chart of monitor columns, given as (column, legend) pairs. */
    private Chart monitored(String id, String title, String unit, String... columnsAndNames) {
        if (monitor == null) return chart(id, title, unit);
        double[] x = new double[monitor.samples];
        for (int i = 0; i < x.length; i++) x[i] = (monitor.timeMillis[i] - originMillis) / 1000.0;
        List<Chart.Series> series = new ArrayList<>();
        for (int k = 0; k < columnsAndNames.length; k += 2)
            series.add(new Chart.Series(columnsAndNames[k + 1], x, monitor.column(columnsAndNames[k])));
        return chart(id, title, unit, series.toArray(Chart.Series[]::new));
    }

    private static Chart chart(String id, String title, String unit, Chart.Series... series) {
        List<Chart.Series> drawn = new ArrayList<>();
        for (Chart.Series s : series) if (s.points() > 0) drawn.add(s);
        return new Chart(id, title, unit, drawn);
    }
}
