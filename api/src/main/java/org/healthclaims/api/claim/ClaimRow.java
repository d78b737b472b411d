package org.healthclaims.api.claim;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.healthclaims.api.relay.GlobalId;
import org.healthclaims.domain.money.Money;
import org.jspecify.annotations.Nullable;

/** A claim header as ClaimGQLType shows it; relations are resolved in batches from the foreign keys. */
public record ClaimRow(
        long pk,
        UUID uuid,
        String code,
        int status,
        int reviewStatus,
        int feedbackStatus,
        int rejectionReason,
        LocalDate dateFrom,
        @Nullable LocalDate dateTo,
        LocalDate dateClaimed,
        @Nullable LocalDate dateProcessed,
        @Nullable Money claimed,
        @Nullable Money approved,
        @Nullable Money valuated,
        @Nullable Money remunerated,
        @Nullable String explanation,
        @Nullable String adjustment,
        @Nullable String guaranteeId,
        @Nullable String visitType,
        @Nullable String category,
        @Nullable String careType,
        @Nullable String jsonExt,
        @Nullable OffsetDateTime submitStamp,
        @Nullable OffsetDateTime processStamp,
        OffsetDateTime validityFrom,
        @Nullable OffsetDateTime validityTo,
        long insureeId,
        long healthFacilityId,
        @Nullable Long claimAdminId,
        long icdId,
        @Nullable Long batchRunId,
        @Nullable Adjudication adjudication) {

    /** The claims engine's last result on the claim: when, in which engine batch, by which engine. */
    public record Adjudication(OffsetDateTime at, UUID batchId, String engineVersion) {}

    public String id() {
        return GlobalId.encode("ClaimGQLType", pk);
    }
}
