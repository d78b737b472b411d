package org.healthclaims.api.claim;

import java.util.UUID;
import org.healthclaims.api.relay.GlobalId;
import org.jspecify.annotations.Nullable;

/** A claim administrator as ClaimAdminGQLType shows it. */
record ClaimAdminRow(
        long pk,
        UUID uuid,
        String code,
        String lastName,
        String otherNames,
        @Nullable String phone,
        @Nullable String emailId,
        @Nullable Long healthFacilityId) {

    public String id() {
        return GlobalId.encode("ClaimAdminGQLType", pk);
    }
}
