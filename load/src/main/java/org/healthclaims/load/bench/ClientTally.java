package org.healthclaims.load.bench;

/**
 * What one client saw during one run; each client thread has its own, merged after the run, so clients share no
 * counters while they send.
 */
public final class ClientTally {

    final Latencies latencies = new Latencies();
    long answers;
    long errors;
    long bytes;
    long sqlStatements;
    /** Answers that carried an X-Sql-Statements header. */
    long sqlAnswers;

    private int transportErrorsInARow;

    public Latencies latencies() {
        return latencies;
    }

    public long answers() {
        return answers;
    }

    /** Answers with a status other than 200 or an {@code errors} key, and requests that got no answer. */
    public long errors() {
        return errors;
    }

    /** The mean of the X-Sql-Statements headers, or -1 when no answer carried one. */
    public double sqlStatementsPerAnswer() {
        return sqlAnswers == 0 ? -1 : (double) sqlStatements / sqlAnswers;
    }

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

    public void add(ClientTally other) {
        latencies.add(other.latencies);
        answers += other.answers;
        errors += other.errors;
        bytes += other.bytes;
        sqlStatements += other.sqlStatements;
        sqlAnswers += other.sqlAnswers;
    }
}
