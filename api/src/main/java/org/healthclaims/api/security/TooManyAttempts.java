package org.healthclaims.api.security;

import java.time.Duration;

/** tokenAuth refused while a user name or client address is locked out after repeated wrong passwords. */
public final class TooManyAttempts extends RuntimeException {

    private final Duration retryAfter;

    TooManyAttempts(Duration retryAfter) {
        super("Too many failed logins: try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
