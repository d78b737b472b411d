package org.healthclaims.api.guard;

/** Bad input from a client: answered as a BAD_REQUEST GraphQL error with a stable {@code code}. */
public final class InvalidArgument extends RuntimeException {

    private final String code;

    public InvalidArgument(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
