package org.healthclaims.api.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.healthclaims.api.guard.InvalidArgument;
import org.junit.jupiter.api.Test;

class GlobalIdTest {

    @Test
    void encodes_as_openimis_does() {
        assertThat(GlobalId.encode("FamilyGQLType", 123)).isEqualTo("RmFtaWx5R1FMVHlwZToxMjM=");
        assertThat(GlobalId.decode("FamilyGQLType", "RmFtaWx5R1FMVHlwZToxMjM=")).isEqualTo(123);
    }

    @Test
    void refuses_an_id_of_another_type_or_no_id_at_all() {
        String claimId = GlobalId.encode("ClaimGQLType", 5);

        assertThatThrownBy(() -> GlobalId.decode("InsureeGQLType", claimId)).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> GlobalId.decode("InsureeGQLType", "***")).isInstanceOf(InvalidArgument.class);
    }

    @Test
    void page_sizes_default_to_50_and_stay_within_0_to_500() {
        assertThat(PageSize.first(null)).isEqualTo(50);
        assertThat(PageSize.first(0)).isZero();
        assertThat(PageSize.first(500)).isEqualTo(500);
        assertThatThrownBy(() -> PageSize.first(-1)).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> PageSize.first(501)).isInstanceOf(InvalidArgument.class);
    }
}
