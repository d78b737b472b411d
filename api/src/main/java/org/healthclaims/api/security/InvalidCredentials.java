package org.healthclaims.api.security;

/** tokenAuth with an unknown user or a wrong password; the message is graphql_jwt's, which front-ends show. */
public final class InvalidCredentials extends RuntimeException {

    InvalidCredentials() {
        super("Please enter valid credentials");
    }

    InvalidCredentials(String message) {
        super(message);
    }
}
