package org.healthclaims.load.bench;

import java.time.Duration;
import java.util.Locale;

/** The figures of one page size: one row of the table {@code bench-claims} prints. */
record SizeResult(int size, ClientTally tally, Duration elapsed) {

    static final String HEADER = "| first | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | KB/response"
            + " | SQL/request |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    /** Answered requests (errors included) per second of the run, from the first send to the last answer. */
    double requestsPerSecond() {
        return tally.answers / (elapsed.toNanos() / 1e9);
    }

    String row() {
        Latencies latencies = tally.latencies;
        return String.format(
                Locale.ROOT,
                "| %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %.1f | %s |",
                size,
                tally.answers,
                requestsPerSecond(),
                latencies.percentileMillis(50),
                latencies.percentileMillis(95),
                latencies.percentileMillis(99),
                latencies.maxMillis(),
                tally.errors,
                tally.answers == 0 ? 0.0 : tally.bytes / 1024.0 / tally.answers,
                tally.sqlAnswers == 0
                        ? "-"
                        : String.format(Locale.ROOT, "%.1f", (double) tally.sqlStatements / tally.sqlAnswers));
    }
}
