package org.healthclaims.load.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * N clients on virtual threads, each sending its next request as soon as the last is answered (a closed loop: latency
 * is what a client waited, throughput what the server kept up with), until a deadline. Every load run over HTTP drives
 * its server this way.
 */
public final class ClosedLoop {

    /** Bounds a run by count as well as by time, whatever the server answers. */
    static final int MOST_REQUESTS_PER_CLIENT = 1_000_000;
    /** A client stops when the server stops answering (refused, reset, timed out) this many times in a row. */
    static final int MOST_TRANSPORT_ERRORS_IN_A_ROW = 100;

    /** What all clients of one run saw, merged, and how long the run took from the first send to the last answer. */
    public record Run(ClientTally tally, Duration elapsed) {

        /** Answered requests (errors included) per second. */
        public double requestsPerSecond() {
            return tally.answers / (elapsed.toNanos() / 1e9);
        }
    }

    private ClosedLoop() {}

    /** Runs {@code clients} closed-loop clients posting {@code body} until {@code duration} has passed. */
    public static Run drive(
            GraphQlEndpoint endpoint, byte[] body, @Nullable String token, int clients, Duration duration)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Future<ClientTally>> running = new ArrayList<>(clients);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++)
                running.add(threads.submit(() -> client(endpoint, body, token, deadline)));
        } // waits for every client: each stops at the deadline, its last request bounded by the request timeout
        ClientTally all = new ClientTally();
        for (Future<ClientTally> client : running) {
            try {
                all.add(client.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a client failed: " + e.getCause(), e.getCause());
            }
        }
        return new Run(all, Duration.ofNanos(System.nanoTime() - started));
    }

    private static ClientTally client(GraphQlEndpoint endpoint, byte[] body, @Nullable String token, long deadline)
            throws InterruptedException {
        ClientTally tally = new ClientTally();
        for (int n = 0; n < MOST_REQUESTS_PER_CLIENT && System.nanoTime() - deadline < 0; n++) {
            long sent = System.nanoTime();
            try {
                GraphQlEndpoint.Answer answer = endpoint.post(body, token);
                tally.answered(System.nanoTime() - sent, answer);
            } catch (IOException e) {
                if (tally.transportError() >= MOST_TRANSPORT_ERRORS_IN_A_ROW) break;
            }
        }
        return tally;
    }
}
