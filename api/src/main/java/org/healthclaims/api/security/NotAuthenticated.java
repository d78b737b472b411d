package org.healthclaims.api.security;

/** An operation that needs a JWT was sent without a valid one. */
public final class NotAuthenticated extends RuntimeException {

    NotAuthenticated() {
        super("authentication required: log in with tokenAuth, then send the token as 'Authorization: Bearer <token>'"
                + " or the JWT cookie");
    }
}
