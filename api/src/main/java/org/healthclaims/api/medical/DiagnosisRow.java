package org.healthclaims.api.medical;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.healthclaims.api.relay.GlobalId;
import org.jspecify.annotations.Nullable;

/** An ICD diagnosis as DiagnosisGQLType shows it. */
public record DiagnosisRow(
        long pk,
        UUID uuid,
        String code,
        String name,
        OffsetDateTime validityFrom,
        @Nullable OffsetDateTime validityTo) {

    public String id() {
        return GlobalId.encode("DiagnosisGQLType", pk);
    }
}
