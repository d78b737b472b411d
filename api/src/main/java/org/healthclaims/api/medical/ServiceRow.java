package org.healthclaims.api.medical;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.healthclaims.api.relay.GlobalId;
import org.healthclaims.domain.money.Money;
import org.jspecify.annotations.Nullable;

/** A medical service as ServiceGQLType shows it. */
public record ServiceRow(
        long pk,
        UUID uuid,
        String code,
        String name,
        String type,
        String level,
        @Nullable String category,
        Money price,
        String careType,
        @Nullable Integer frequency,
        int patientCategory,
        OffsetDateTime validityFrom,
        @Nullable OffsetDateTime validityTo) {

    public String id() {
        return GlobalId.encode("ServiceGQLType", pk);
    }
}
