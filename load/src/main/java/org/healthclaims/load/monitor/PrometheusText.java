package org.healthclaims.load.monitor;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Prometheus's text exposition format, just enough of it: {@code name{labels} value} lines, comments skipped. A
 * metric is summed over its series (all pools, all GC causes), optionally only those whose labels contain a given
 * {@code key="value"}.
 */
@SuppressWarnings("ArrayRecordComponent") // one scrape's values, only read: never compared
record PrometheusText(List<String> names, List<String> labels, double[] values) {

    PrometheusText {
        names = List.copyOf(names);
        labels = List.copyOf(labels);
    }

    static PrometheusText parse(String text) {
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String line : (Iterable<String>) text.lines()::iterator) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int brace = line.indexOf('{');
            int close = brace < 0 ? -1 : line.lastIndexOf('}');
            int space = line.indexOf(' ', close < 0 ? 0 : close);
            if (space < 0) continue;
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space)
                    .strip();
            String labelText = brace >= 0 && close > brace ? line.substring(brace + 1, close) : "";
            String rest = line.substring(space + 1).strip();
            int end = rest.indexOf(' '); // an optional timestamp follows the value
            try {
                values.add(Double.parseDouble(end < 0 ? rest : rest.substring(0, end)));
            } catch (NumberFormatException e) {
                continue;
            }
            names.add(name);
            labels.add(labelText);
        }
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) array[i] = values.get(i);
        return new PrometheusText(names, labels, array);
    }

    /** The sum over the metric's series; NaN when it has none. */
    double sum(String name, @Nullable String label) {
        return sum(name, label, false);
    }

    /** The sum over the series with a positive value: a heap pool's max of −1 means "no limit of its own". */
    double sumPositive(String name, @Nullable String label) {
        return sum(name, label, true);
    }

    private double sum(String name, @Nullable String label, boolean positiveOnly) {
        double sum = 0;
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            if (!names.get(i).equals(name)) continue;
            if (label != null && !labels.get(i).contains(label)) continue;
            any = true;
            if (!positiveOnly || values[i] > 0) sum += values[i];
        }
        return any ? sum : Double.NaN;
    }
}
