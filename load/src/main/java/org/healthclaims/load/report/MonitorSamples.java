package org.healthclaims.load.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.healthclaims.load.monitor.MonitorCsv;

/**
 * What {@code monitor} sampled, column-wise: epoch milliseconds and one {@code double[]} per column, NaN where the
 * source could not be read (an empty cell) or the column is absent.
 */
final class MonitorSamples {

    final int samples;
    final long[] timeMillis;
    private final Map<String, double[]> columns;

    private MonitorSamples(int samples, long[] timeMillis, Map<String, double[]> columns) {
        this.samples = samples;
        this.timeMillis = timeMillis;
        this.columns = columns;
    }

    /** The column's values, NaN for an empty cell; all NaN when the file has no such column. */
    double[] column(String name) {
        double[] values = columns.get(name);
        if (values != null) return values;
        double[] empty = new double[samples];
        Arrays.fill(empty, Double.NaN);
        return empty;
    }

    /** Deadlocks counted during the run: the last reading minus the first; −1 when never read. */
    long deadlocksDuringRun() {
        double[] deadlocks = column(MonitorCsv.PG_DEADLOCKS);
        double first = Double.NaN;
        double last = Double.NaN;
        for (double d : deadlocks) {
            if (Double.isNaN(d)) continue;
            if (Double.isNaN(first)) first = d;
            last = d;
        }
        return Double.isNaN(first) ? -1 : Math.round(last - first);
    }

    static MonitorSamples read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRecords csv = new CsvRecords(in);
            if (!csv.next()) throw new IllegalArgumentException(file + " is empty: expected the monitor's CSV");
            int time = -1;
            int width = csv.size();
            String[] names = new String[width];
            for (int i = 0; i < width; i++) {
                names[i] = csv.get(i).strip();
                if (names[i].equals(MonitorCsv.TIME)) time = i;
            }
            if (time < 0)
                throw new IllegalArgumentException(file + " has no column " + MonitorCsv.TIME + ": not a monitor CSV");
            int capacity = 1024;
            long[] times = new long[capacity];
            double[][] values = new double[width][capacity];
            int n = 0;
            while (csv.next()) {
                if (n == capacity) {
                    capacity *= 2;
                    times = Arrays.copyOf(times, capacity);
                    for (int c = 0; c < width; c++) values[c] = Arrays.copyOf(values[c], capacity);
                }
                try {
                    times[n] = Long.parseLong(csv.get(time).strip());
                } catch (NumberFormatException e) {
                    continue; // a row cut short by a kill mid-write: the rows before it stand
                }
                for (int c = 0; c < width; c++) values[c][n] = number(csv.get(c));
                n++;
            }
            Map<String, double[]> columns = new HashMap<>();
            for (int c = 0; c < width; c++) columns.put(names[c], Arrays.copyOf(values[c], n));
            return new MonitorSamples(n, Arrays.copyOf(times, n), columns);
        }
    }

    private static double number(String cell) {
        String text = cell.strip();
        if (text.isEmpty()) return Double.NaN;
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
