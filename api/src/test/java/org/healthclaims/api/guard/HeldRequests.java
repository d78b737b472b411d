package org.healthclaims.api.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * A test-only query, {@code heldOpen}, whose answers wait until the test lets them go: a slow request without a
 * sleep. A test imports this class and sets {@link #SCHEMA}; as a {@code @TestComponent} it is never scanned into
 * other servers.
 */
@Controller
@TestComponent
class HeldRequests {

    static final String SCHEMA = "spring.graphql.schema.additional-files=classpath:graphql-guard/held.graphqls";
    static final String QUERY = "{ heldOpen }";

    private final Semaphore held = new Semaphore(0);
    private volatile CountDownLatch gate = new CountDownLatch(1);

    @QueryMapping
    int heldOpen() throws InterruptedException {
        CountDownLatch waitingFor = gate;
        held.release();
        // bounded, so that a failed test leaves no thread waiting for ever
        if (!waitingFor.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the test never let go");
        return 1;
    }

    /** Returns once {@code count} more requests are being held (fails after 10 s). */
    void awaitHeld(int count) throws InterruptedException {
        assertThat(held.tryAcquire(count, 10, TimeUnit.SECONDS))
                .as("%d heldOpen requests arrived", count)
                .isTrue();
    }

    /** Answers every request held so far; later ones are held again. */
    void letGo() {
        CountDownLatch released = gate;
        gate = new CountDownLatch(1);
        released.countDown();
    }
}
