package org.healthclaims.api.policy;

import java.time.LocalDate;
import org.healthclaims.api.relay.GlobalId;
import org.jspecify.annotations.Nullable;

/** One member's coverage by a policy, as InsureePolicyGQLType shows it. */
public record InsureePolicyRow(
        long pk,
        long insureeId,
        long policyId,
        @Nullable LocalDate enrollmentDate,
        @Nullable LocalDate startDate,
        @Nullable LocalDate effectiveDate,
        @Nullable LocalDate expiryDate) {

    public String id() {
        return GlobalId.encode("InsureePolicyGQLType", pk);
    }
}
