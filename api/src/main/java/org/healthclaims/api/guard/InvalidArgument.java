package org.healthclaims.api.guard;

/** Bad input from a client: answered as a BAD_REQUEST GraphQL error with a stable {@code code}. */
public final class InvalidArgument extends ApiError {

    public InvalidArgument(String code, String message) {
        super(Kind.BAD_REQUEST, code, null, message);
    }
}
