package org.healthclaims.api.mutation;

import java.util.Objects;
import org.healthclaims.api.guard.ApiError;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The unique constraints a mutation can still hit after validating, when two requests race: each answered as the
 * validation would have answered it.
 */
final class Constraints {

    private Constraints() {}

    static ApiError refusal(DataIntegrityViolationException e) {
        String message = Objects.requireNonNullElse(e.getMessage(), "");
        if (message.contains("claim_code_current_ux"))
            return ApiError.conflict("CLAIM_CODE_TAKEN", "code", "Another current claim has this code");
        if (message.contains("insuree_chf_id_current_ux"))
            return ApiError.conflict("INSUREE_NUMBER_TAKEN", "chfId", "Another current insuree has this number");
        if (message.contains("batch_run_period_current_ux"))
            return ApiError.conflict(
                    "BATCH_ALREADY_RUN", "month", "The batch for this month and location has already run");
        return ApiError.conflict("CONSTRAINT_VIOLATED", null, "The change conflicts with the data as it now is");
    }
}
