package org.healthclaims.api.insuree;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.healthclaims.api.relay.GlobalId;
import org.jspecify.annotations.Nullable;

/** A family as FamilyGQLType shows it. */
public record FamilyRow(
        long pk,
        UUID uuid,
        @Nullable Long headInsureeId,
        @Nullable Long locationId,
        @Nullable Boolean poverty,
        @Nullable String confirmationNo,
        @Nullable String familyType,
        @Nullable String address,
        @Nullable Boolean isOffline,
        OffsetDateTime validityFrom,
        @Nullable OffsetDateTime validityTo) {

    public String id() {
        return GlobalId.encode("FamilyGQLType", pk);
    }
}
