package org.healthclaims.load.report;

import java.util.ArrayList;
import java.util.List;
import org.healthclaims.load.monitor.MonitorCsv;
import org.jspecify.annotations.Nullable;

/** The monitor's columns over the run: least, mean and most of the cells that were read. */
record MonitorSummary(List<Line> lines) {

    MonitorSummary {
        lines = List.copyOf(lines);
    }

    /** {@code readings} 0 means the source was never read: the other figures are then NaN. */
    record Line(String what, int readings, double least, double mean, double most) {}

    static MonitorSummary of(@Nullable MonitorSamples monitor) {
        if (monitor == null) return new MonitorSummary(List.of());
        String[][] columns = {
            {MonitorCsv.MACHINE_CPU, "machine CPU %"},
            {MonitorCsv.MACHINE_MEMORY, "machine memory used, MB"},
            {MonitorCsv.SERVER_CPU, "server CPU %"},
            {MonitorCsv.HEAP_USED, "server heap used, MB"},
            {MonitorCsv.HEAP_MAX, "server heap max, MB"},
            {MonitorCsv.GC_PAUSE, "GC pauses per interval, ms"},
            {MonitorCsv.POOL_ACTIVE, "server pool: active connections"},
            {MonitorCsv.POOL_PENDING, "server pool: requests waiting for a connection"},
            {MonitorCsv.PG_CONNECTIONS, "PostgreSQL sessions on the database"},
            {MonitorCsv.PG_WAITING_LOCKS, "PostgreSQL locks waited for"},
            {MonitorCsv.PG_DEADLOCKS, "PostgreSQL deadlocks (cumulative counter)"},
            {MonitorCsv.QUEUE_DEPTH, "adjudication queue depth, messages"}
        };
        List<Line> lines = new ArrayList<>();
        for (String[] column : columns) {
            double[] values = monitor.column(column[0]);
            int n = 0;
            double sum = 0;
            double least = Double.POSITIVE_INFINITY;
            double most = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (Double.isNaN(v)) continue;
                n++;
                sum += v;
                least = Math.min(least, v);
                most = Math.max(most, v);
            }
            lines.add(
                    n == 0
                            ? new Line(column[1], 0, Double.NaN, Double.NaN, Double.NaN)
                            : new Line(column[1], n, least, sum / n, most));
        }
        return new MonitorSummary(lines);
    }
}
