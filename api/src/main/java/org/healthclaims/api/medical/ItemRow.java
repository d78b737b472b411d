package org.healthclaims.api.medical;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.healthclaims.api.relay.GlobalId;
import org.healthclaims.domain.money.Money;
import org.jspecify.annotations.Nullable;

/** A medical item as ItemGQLType shows it. */
public record ItemRow(
        long pk,
        UUID uuid,
        String code,
        String name,
        String type,
        @Nullable String packageDescription,
        Money price,
        String careType,
        @Nullable Integer frequency,
        int patientCategory,
        OffsetDateTime validityFrom,
        @Nullable OffsetDateTime validityTo) {

    public String id() {
        return GlobalId.encode("ItemGQLType", pk);
    }

    /** openIMIS names the field {@code package}, a reserved word in Java. */
    public @Nullable String getPackage() {
        return packageDescription;
    }
}
