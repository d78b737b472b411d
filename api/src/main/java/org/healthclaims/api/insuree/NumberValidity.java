package org.healthclaims.api.insuree;

import java.util.Objects;
import org.healthclaims.api.guard.ApiError;
import org.jspecify.annotations.Nullable;

/**
 * What insureeNumberValidity answers (openIMIS's ValidationMessageGQLType): valid, or the first rule the number breaks
 * with a stable code. The mutations refuse a number with the same code.
 */
record NumberValidity(
        boolean isValid,
        @Nullable String errorCode,
        @Nullable String errorMessage) {

    static final NumberValidity VALID = new NumberValidity(true, null, null);

    static NumberValidity invalid(String code, String message) {
        return new NumberValidity(false, code, message);
    }

    /** The refusal of a mutation that gave this number in {@code field}: a taken number is a conflict. */
    ApiError refusal(String field) {
        String code = Objects.requireNonNull(errorCode, "a valid number is not refused");
        String message = Objects.requireNonNullElse(errorMessage, code);
        return code.equals(InsureeWrites.NUMBER_TAKEN)
                ? ApiError.conflict(code, field, message)
                : ApiError.badRequest(code, field, message);
    }
}
