package org.healthclaims.load.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Waiting for a packaged server the test started to say, in its own log, that it is ready. */
public final class ServerLog {

    private ServerLog() {}

    public static void awaitReady(Process server, Path log, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) throw new AssertionError("the server exited early:\n" + Files.readString(log));
            if (Files.readString(log).contains("claims server ready")) return;
            // a condition wait with a deadline: the server's own log says when it is ready
            server.onExit().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
        }
        throw new AssertionError("the server was not ready within " + timeout + ":\n" + Files.readString(log));
    }
}
