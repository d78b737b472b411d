package org.healthclaims.domain.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void claim_statuses_carry_openimis_codes() {
        assertThat(ClaimStatus.values()).extracting(ClaimStatus::code).containsExactly(1, 2, 4, 8, 16);
        for (ClaimStatus s : ClaimStatus.values())
            assertThat(ClaimStatus.ofCode(s.code())).isSameAs(s);
        assertThatThrownBy(() -> ClaimStatus.ofCode(3)).hasMessageContaining("3");
    }

    @Test
    void every_rejection_reason_from_minus_two_to_twenty_one_round_trips() {
        for (int code = -2; code <= 21; code++)
            assertThat(RejectionReason.ofCode(code).code()).isEqualTo(code);
        assertThat(RejectionReason.ofCode(16)).isEqualTo(RejectionReason.MAX_PROVISION);
        assertThatThrownBy(() -> RejectionReason.ofCode(22)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void review_statuses_carry_openimis_codes() {
        assertThat(ReviewStatus.ofCode(4)).isEqualTo(ReviewStatus.SELECTED);
        assertThat(ReviewStatus.ofCode(16)).isEqualTo(ReviewStatus.BYPASSED);
    }
}
