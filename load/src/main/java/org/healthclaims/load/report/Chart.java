package org.healthclaims.load.report;

import java.util.List;

/**
 * One chart of the report: named lines over the run's seconds. A series whose every value is NaN is left out when the
 * chart is made; a chart with no series left is not drawn at all (a note says what was not measured).
 *
 * @param id the chart's {@code data-chart} attribute, which the page test counts points by
 */
record Chart(String id, String title, String unit, List<Series> series) {

    Chart {
        series = List.copyOf(series);
    }

    /** Seconds since the run began ({@code x}) and a value ({@code y}, NaN for none), one slot per point. */
    @SuppressWarnings("ArrayRecordComponent") // primitive columns, built once and only read: never compared
    record Series(String name, double[] x, double[] y) {
        Series {
            if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length for " + name);
        }

        int points() {
            int n = 0;
            for (double v : y) if (!Double.isNaN(v)) n++;
            return n;
        }
    }

    boolean hasData() {
        return !series.isEmpty();
    }
}
