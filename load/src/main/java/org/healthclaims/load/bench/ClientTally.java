package org.healthclaims.load.bench;

/**
 * What one client saw during one run; each client thread has its own, merged after the run, so clients share no
 * counters while they send.
 */
final class ClientTally {

    final Latencies latencies = new Latencies();
    long answers;
    long errors;
    long bytes;
    long sqlStatements;
    /** Answers that carried an X-Sql-Statements header. */
    long sqlAnswers;

    private int transportErrorsInARow;

    void answered(long nanos, GraphQlEndpoint.Answer answer) {
        transportErrorsInARow = 0;
        latencies.record(nanos);
        answers++;
        bytes += answer.body().length;
        if (answer.isError()) errors++;
        if (answer.sqlStatements() >= 0) {
            sqlStatements += answer.sqlStatements();
            sqlAnswers++;
        }
    }

    /** Counts a request that got no answer (refused, reset, timed out); returns how many failed in a row. */
    int transportError() {
        errors++;
        return ++transportErrorsInARow;
    }

    void add(ClientTally other) {
        latencies.add(other.latencies);
        answers += other.answers;
        errors += other.errors;
        bytes += other.bytes;
        sqlStatements += other.sqlStatements;
        sqlAnswers += other.sqlAnswers;
    }
}
