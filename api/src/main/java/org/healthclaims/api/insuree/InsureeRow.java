package org.healthclaims.api.insuree;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.healthclaims.api.relay.GlobalId;
import org.jspecify.annotations.Nullable;

/** An insuree as InsureeGQLType shows it; relations are resolved in batches from the foreign keys. */
public record InsureeRow(
        long pk,
        UUID uuid,
        @Nullable String chfId,
        String lastName,
        String otherNames,
        @Nullable LocalDate dob,
        @Nullable String genderCode,
        boolean head,
        @Nullable String marital,
        @Nullable String passport,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String currentAddress,
        boolean cardIssued,
        String status,
        @Nullable Long familyId,
        @Nullable Long currentVillageId,
        @Nullable Long healthFacilityId,
        OffsetDateTime validityFrom,
        @Nullable OffsetDateTime validityTo) {

    public String id() {
        return GlobalId.encode("InsureeGQLType", pk);
    }

    public @Nullable GenderRow gender() {
        return genderCode == null ? null : GenderRow.of(genderCode);
    }
}
