package org.healthclaims.api.location;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.healthclaims.api.relay.GlobalId;
import org.jspecify.annotations.Nullable;

/** A location as LocationGQLType shows it. */
public record LocationRow(
        long pk,
        UUID uuid,
        @Nullable String code,
        @Nullable String name,
        String type,
        @Nullable Long parentId,
        OffsetDateTime validityFrom,
        @Nullable OffsetDateTime validityTo) {

    public String id() {
        return GlobalId.encode("LocationGQLType", pk);
    }
}
