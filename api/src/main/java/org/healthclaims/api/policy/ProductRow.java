package org.healthclaims.api.policy;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.healthclaims.api.relay.GlobalId;
import org.healthclaims.domain.money.Money;
import org.jspecify.annotations.Nullable;

/** A product as ProductGQLType shows it. */
public record ProductRow(
        long pk,
        UUID uuid,
        String code,
        String name,
        @Nullable Long locationId,
        OffsetDateTime dateFrom,
        OffsetDateTime dateTo,
        int insurancePeriod,
        Money lumpSum,
        int memberCount,
        @Nullable Integer threshold,
        @Nullable String ceilingInterpretation,
        @Nullable Money dedInsuree,
        @Nullable Money dedTreatment,
        @Nullable Money dedPolicy,
        @Nullable Money maxInsuree,
        @Nullable Money maxTreatment,
        @Nullable Money maxPolicy,
        @Nullable Money maxIpInsuree,
        @Nullable Money maxOpInsuree,
        @Nullable Integer maxNoConsultation,
        @Nullable Integer maxNoSurgery,
        @Nullable Integer maxNoDelivery,
        @Nullable Integer maxNoHospitalization,
        @Nullable Integer maxNoVisits,
        @Nullable Integer maxNoAntenatal,
        @Nullable Money maxAmountConsultation,
        @Nullable Money maxAmountSurgery,
        @Nullable Money maxAmountDelivery,
        @Nullable Money maxAmountHospitalization,
        @Nullable Money maxAmountAntenatal,
        OffsetDateTime validityFrom,
        @Nullable OffsetDateTime validityTo) {

    public String id() {
        return GlobalId.encode("ProductGQLType", pk);
    }
}
