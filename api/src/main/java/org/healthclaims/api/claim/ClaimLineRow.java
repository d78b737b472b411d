package org.healthclaims.api.claim;

import java.math.BigDecimal;
import org.healthclaims.api.relay.GlobalId;
import org.healthclaims.domain.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * An item or a service line of a claim: both tables have the same columns, and {@code medicalId} is the item or
 * the service. {@code typeName} keeps the Relay id of each kind apart.
 */
public record ClaimLineRow(
        String typeName,
        long pk,
        long claimId,
        long medicalId,
        int status,
        BigDecimal qtyProvided,
        @Nullable BigDecimal qtyApproved,
        Money priceAsked,
        @Nullable Money priceAdjusted,
        @Nullable Money priceApproved,
        @Nullable Money priceValuated,
        @Nullable Money remuneratedAmount,
        @Nullable Money deductableAmount,
        @Nullable Money exceedCeilingAmount,
        @Nullable Money exceedCeilingAmountCategory,
        @Nullable String limitation,
        @Nullable BigDecimal limitationValue,
        @Nullable String priceOrigin,
        int rejectionReason,
        @Nullable String explanation,
        @Nullable String justification) {

    public String id() {
        return GlobalId.encode(typeName, pk);
    }
}
