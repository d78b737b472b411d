package org.healthclaims.engine.failover;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition, looking again every 100 ms, and fails with what it waited for once the time is up. */
final class Await {

    private static final long PAUSE_MILLIS = 100;

    private Await() {}

    static void until(String what, Duration timeout, BooleanSupplier done) {
        until(what, timeout, done, () -> "");
    }

    /** As {@link #until(String, Duration, BooleanSupplier)}, adding {@code state} to the failure. */
    static void until(String what, Duration timeout, BooleanSupplier done, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline)
                throw new AssertionError("not within " + timeout + ": " + what + "\n" + state.get());
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
