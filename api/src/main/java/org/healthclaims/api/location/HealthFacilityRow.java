package org.healthclaims.api.location;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.healthclaims.api.relay.GlobalId;
import org.jspecify.annotations.Nullable;

/** A health facility as HealthFacilityGQLType shows it. */
public record HealthFacilityRow(
        long pk,
        UUID uuid,
        String code,
        String name,
        String level,
        String careType,
        String legalForm,
        String status,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String email,
        long locationId,
        OffsetDateTime validityFrom,
        @Nullable OffsetDateTime validityTo) {

    public String id() {
        return GlobalId.encode("HealthFacilityGQLType", pk);
    }
}
