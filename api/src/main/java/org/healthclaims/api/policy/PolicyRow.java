package org.healthclaims.api.policy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.healthclaims.api.relay.GlobalId;
import org.healthclaims.domain.money.Money;
import org.jspecify.annotations.Nullable;

/** A policy as PolicyGQLType shows it. */
public record PolicyRow(
        long pk,
        UUID uuid,
        long familyId,
        long productId,
        LocalDate enrollDate,
        LocalDate startDate,
        @Nullable LocalDate effectiveDate,
        @Nullable LocalDate expiryDate,
        @Nullable Integer status,
        @Nullable String stage,
        @Nullable Money value,
        OffsetDateTime validityFrom,
        @Nullable OffsetDateTime validityTo) {

    public String id() {
        return GlobalId.encode("PolicyGQLType", pk);
    }
}
