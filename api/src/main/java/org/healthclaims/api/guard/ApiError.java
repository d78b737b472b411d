package org.healthclaims.api.guard;

import graphql.ErrorClassification;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;

/**
 * A refusal the client can act on: answered as a GraphQL error whose {@code extensions} carry the classification,
 * a stable {@code code} and, for bad input, the offending {@code field} (a path into the input, such as
 * {@code items[1].qtyProvided}).
 */
public class ApiError extends RuntimeException {

    /** GraphQL-context key under which a refusal about the rate leaves its Retry-After seconds for the response. */
    public static final String RETRY_AFTER = "org.healthclaims.api.guard.retryAfter";

    /** The {@code extensions.classification} of the error. */
    public enum Kind {
        BAD_REQUEST(ErrorType.BAD_REQUEST),
        UNAUTHORIZED(ErrorType.UNAUTHORIZED),
        FORBIDDEN(ErrorType.FORBIDDEN),
        NOT_FOUND(ErrorType.NOT_FOUND),
        CONFLICT(ErrorClassification.errorClassification("CONFLICT")),
        TOO_MANY_REQUESTS(ErrorClassification.errorClassification("TOO_MANY_REQUESTS"));

        final ErrorClassification classification;

        Kind(ErrorClassification classification) {
            this.classification = classification;
        }
    }

    private final Kind kind;
    private final String code;
    private final @Nullable String field;

    public ApiError(Kind kind, String code, @Nullable String field, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
    }

    public static ApiError badRequest(String code, @Nullable String field, String message) {
        return new ApiError(Kind.BAD_REQUEST, code, field, message);
    }

    public static ApiError notFound(String code, @Nullable String field, String message) {
        return new ApiError(Kind.NOT_FOUND, code, field, message);
    }

    public static ApiError conflict(String code, @Nullable String field, String message) {
        return new ApiError(Kind.CONFLICT, code, field, message);
    }

    public static ApiError forbidden(String code, @Nullable String field, String message) {
        return new ApiError(Kind.FORBIDDEN, code, field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public @Nullable String field() {
        return field;
    }

    /** Seconds after which a retry may succeed, for refusals that are about the rate; 0 otherwise. */
    public long retryAfterSeconds() {
        return 0;
    }

    /** The error's {@code extensions} besides the classification: code, and field and retryAfter where set. */
    public Map<String, Object> extensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        if (field != null) extensions.put("field", field);
        if (retryAfterSeconds() > 0) extensions.put("retryAfter", retryAfterSeconds());
        return extensions;
    }

    public String text() {
        String message = getMessage();
        return message == null ? code : message;
    }
}
