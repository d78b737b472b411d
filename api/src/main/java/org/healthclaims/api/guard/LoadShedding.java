package org.healthclaims.api.guard;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves at most GUARD_MAX_IN_FLIGHT GraphQL requests at once and answers the rest HTTP 503 with
 * {@code Retry-After: 1} after waiting at most GUARD_IN_FLIGHT_WAIT, instead of queueing them. With virtual threads
 * nothing else bounds the requests in progress: without this, a burst waits in the connection pool's queue until
 * every request is slow. A slot is held until the answer is written, across Spring's asynchronous GraphQL dispatch.
 */
final class LoadShedding extends OncePerRequestFilter {

    private final Semaphore slots;
    private final long waitNanos;
    private final byte[] overloaded;

    LoadShedding(GuardProperties limits, JsonMapper json) {
        this.slots = new Semaphore(limits.maxInFlight());
        this.waitNanos = limits.inFlightWait().toNanos();
        this.overloaded = Refusal.OVERLOADED.body(json, "the server is busy; retry in a second");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!tryAcquire()) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(overloaded.length);
            response.getOutputStream().write(overloaded);
            return;
        }
        Slot slot = new Slot();
        try {
            chain.doFilter(request, response);
        } finally {
            // GraphQL answers asynchronously: the slot is freed when the container completes the response
            if (request.isAsyncStarted()) request.getAsyncContext().addListener(slot);
            else slot.free();
        }
    }

    private boolean tryAcquire() {
        try {
            return slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One request's slot, freed exactly once however the request ends. */
    private final class Slot implements AsyncListener {

        private final AtomicBoolean freed = new AtomicBoolean();

        void free() {
            if (freed.compareAndSet(false, true)) slots.release();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            free();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            free();
        }

        @Override
        public void onError(AsyncEvent event) {
            free();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a new asynchronous cycle drops the listeners of the previous one
            event.getAsyncContext().addListener(this);
        }
    }
}
