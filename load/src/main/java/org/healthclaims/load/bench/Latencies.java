package org.healthclaims.load.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Response times of one client, then of all clients merged: an HdrHistogram in microseconds with three significant
 * digits, so a percentile is exact to 0.1 % and recording allocates nothing. Times past two minutes count as two
 * minutes (requests time out before that).
 */
public final class Latencies {

    static final long LONGEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final Histogram micros = new Histogram(LONGEST_MICROS, 3);

    public void record(long nanos) {
        micros.recordValue(Math.clamp(nanos / 1_000, 0, LONGEST_MICROS));
    }

    public void add(Latencies other) {
        micros.add(other.micros);
    }

    public long count() {
        return micros.getTotalCount();
    }

    /** The time under which {@code percentile} % of the responses came, in milliseconds; 0 with no responses. */
    public double percentileMillis(double percentile) {
        return micros.getValueAtPercentile(percentile) / 1_000.0;
    }

    public double maxMillis() {
        return micros.getMaxValue() / 1_000.0;
    }
}
