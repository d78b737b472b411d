package org.healthclaims.load.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JMeter results file (the CSV jmeter-maven-plugin writes, columns found by their header names) held column-wise:
 * one primitive array per column used, one slot per sample, and each distinct label once.
 */
final class JMeterResults {

    /** A sample with no HTTP status (refused, reset, timed out: JMeter writes "Non HTTP response code: …"). */
    static final int NO_RESPONSE = -1;

    final int samples;
    final long[] startMillis;
    final int[] elapsedMillis;
    final int[] label;
    final int[] responseCode;
    final boolean[] success;
    final int[] allThreads;
    final List<String> labels;
    final TransactionClass[] classOfLabel;

    private JMeterResults(
            int samples,
            long[] startMillis,
            int[] elapsedMillis,
            int[] label,
            int[] responseCode,
            boolean[] success,
            int[] allThreads,
            List<String> labels) {
        this.samples = samples;
        this.startMillis = startMillis;
        this.elapsedMillis = elapsedMillis;
        this.label = label;
        this.responseCode = responseCode;
        this.success = success;
        this.allThreads = allThreads;
        this.labels = List.copyOf(labels);
        this.classOfLabel = new TransactionClass[labels.size()];
        for (int i = 0; i < classOfLabel.length; i++) classOfLabel[i] = TransactionClass.of(labels.get(i));
    }

    TransactionClass classOf(int sample) {
        return classOfLabel[label[sample]];
    }

    long firstMillis() {
        long first = Long.MAX_VALUE;
        for (int i = 0; i < samples; i++) first = Math.min(first, startMillis[i]);
        return first;
    }

    long lastMillis() {
        long last = Long.MIN_VALUE;
        for (int i = 0; i < samples; i++) last = Math.max(last, startMillis[i] + elapsedMillis[i]);
        return last;
    }

    static JMeterResults read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRecords csv = new CsvRecords(in);
            if (!csv.next())
                throw new IllegalArgumentException(file + " is empty: expected JMeter's CSV with a header");
            Map<String, Integer> header = new HashMap<>();
            for (int i = 0; i < csv.size(); i++) header.put(csv.get(i).strip(), i);
            int timeStamp = column(header, "timeStamp", file);
            int elapsed = column(header, "elapsed", file);
            int labelColumn = column(header, "label", file);
            int code = column(header, "responseCode", file);
            int successColumn = column(header, "success", file);
            int threads = header.getOrDefault("allThreads", -1);

            int capacity = 1 << 14;
            long[] start = new long[capacity];
            int[] time = new int[capacity];
            int[] labelOf = new int[capacity];
            int[] codes = new int[capacity];
            boolean[] ok = new boolean[capacity];
            int[] active = new int[capacity];
            Map<String, Integer> labelIds = new HashMap<>();
            List<String> labels = new ArrayList<>();
            int n = 0;
            long line = 1;
            while (csv.next()) {
                line++;
                if (n == capacity) {
                    capacity *= 2;
                    start = Arrays.copyOf(start, capacity);
                    time = Arrays.copyOf(time, capacity);
                    labelOf = Arrays.copyOf(labelOf, capacity);
                    codes = Arrays.copyOf(codes, capacity);
                    ok = Arrays.copyOf(ok, capacity);
                    active = Arrays.copyOf(active, capacity);
                }
                try {
                    start[n] = Long.parseLong(csv.get(timeStamp).strip());
                    time[n] = Integer.parseInt(csv.get(elapsed).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            file + " record " + line + ": timeStamp and elapsed must be whole milliseconds (set"
                                    + " jmeter.save.saveservice.timestamp_format=ms)",
                            e);
                }
                String name = csv.get(labelColumn);
                Integer id = labelIds.get(name);
                if (id == null) {
                    id = labels.size();
                    labelIds.put(name, id);
                    labels.add(name);
                }
                labelOf[n] = id;
                codes[n] = statusCode(csv.get(code));
                ok[n] = "true".equalsIgnoreCase(csv.get(successColumn).strip());
                active[n] = threads < 0 ? 0 : wholeNumberOrZero(csv.get(threads));
                n++;
            }
            return new JMeterResults(n, start, time, labelOf, codes, ok, active, labels);
        }
    }

    private static int column(Map<String, Integer> header, String name, Path file) {
        Integer at = header.get(name);
        if (at == null)
            throw new IllegalArgumentException(
                    file + " has no column '" + name + "': expected JMeter's CSV results, header " + header.keySet());
        return at;
    }

    static int statusCode(String text) {
        String code = text.strip();
        if (code.length() != 3) return NO_RESPONSE;
        int value = 0;
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') return NO_RESPONSE;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int wholeNumberOrZero(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
