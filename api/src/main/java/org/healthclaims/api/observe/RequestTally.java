package org.healthclaims.api.observe;

import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What one GraphQL request spent in the database: statements executed, their time, and the time spent waiting for a
 * pooled connection. One tally per request, created by {@link RequestLog} and kept in the request's GraphQLContext
 * under {@link #KEY}; Spring for GraphQL restores it into {@link #CURRENT} around every data fetcher and batch loader,
 * whatever virtual thread runs them, because {@link RequestLog} registers that thread-local with Micrometer's
 * {@code ContextRegistry}. Batch loaders of one request run concurrently, hence the atomic counters.
 */
final class RequestTally {

    /** GraphQLContext key and context-propagation key: the same string, so snapshots find the tally. */
    static final String KEY = RequestTally.class.getName();

    static final ThreadLocal<@Nullable RequestTally> CURRENT = new ThreadLocal<>();

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong sqlNanos = new AtomicLong();
    private final AtomicLong connectionWaitNanos = new AtomicLong();
    private volatile @Nullable String operationName;

    /** Adds one executed statement that started at {@code startedNanos} to the current request, if any. */
    static void statementEnded(long startedNanos) {
        RequestTally tally = CURRENT.get();
        if (tally == null) return;
        long elapsed = System.nanoTime() - startedNanos;
        tally.statements.incrementAndGet();
        tally.sqlNanos.addAndGet(elapsed);
    }

    /** Adds the wait for one pooled connection, requested at {@code startedNanos}, to the current request, if any. */
    static void connectionObtained(long startedNanos) {
        RequestTally tally = CURRENT.get();
        if (tally != null) tally.connectionWaitNanos.addAndGet(System.nanoTime() - startedNanos);
    }

    long statements() {
        return statements.get();
    }

    long sqlNanos() {
        return sqlNanos.get();
    }

    long connectionWaitNanos() {
        return connectionWaitNanos.get();
    }

    @Nullable
    String operationName() {
        return operationName;
    }

    void operationName(@Nullable String name) {
        operationName = name;
    }
}
