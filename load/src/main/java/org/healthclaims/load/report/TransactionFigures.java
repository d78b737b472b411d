package org.healthclaims.load.report;

/**
 * One sampler label's figures over the whole run. Percentiles are nearest-rank over every sample (exact, no
 * histogram): p95 is the smallest response time that at least 95 % of the samples did not exceed.
 *
 * @param verdict the 95th percentile against the class's response time ({@link Table1#responseTime}); {@link
 *     Verdict#NOT_MEASURED} for a class without one (poll, other)
 */
record TransactionFigures(
        String label,
        TransactionClass transactionClass,
        int count,
        int failures,
        int p50Millis,
        int p90Millis,
        int p95Millis,
        int p99Millis,
        int maxMillis,
        double perSecond,
        Verdict verdict) {

    double failurePercent() {
        return count == 0 ? 0 : 100.0 * failures / count;
    }
}
