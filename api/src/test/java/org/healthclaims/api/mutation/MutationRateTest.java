package org.healthclaims.api.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.healthclaims.api.guard.ApiError;
import org.junit.jupiter.api.Test;

class MutationRateTest {

    @Test
    void a_user_over_the_rate_is_refused_with_a_retry_after_and_others_are_not() {
        MutationRate rate = new MutationRate(new MutationRate.MutationProperties(3));
        for (int i = 0; i < 3; i++) rate.take(1);

        assertThatThrownBy(() -> rate.take(1)).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.kind()).isEqualTo(ApiError.Kind.TOO_MANY_REQUESTS);
            assertThat(e.code()).isEqualTo("TOO_MANY_MUTATIONS");
            // 3 a minute: one comes back every 20 s
            assertThat(e.retryAfterSeconds()).isBetween(1L, 20L);
            assertThat(e.extensions()).containsEntry("retryAfter", e.retryAfterSeconds());
        });
        rate.take(2);
    }

    @Test
    void the_bucket_refills_with_time() throws InterruptedException {
        MutationRate rate = new MutationRate(new MutationRate.MutationProperties(600));
        for (int i = 0; i < 600; i++) rate.take(7);
        assertThatThrownBy(() -> rate.take(7)).isInstanceOf(ApiError.class);
        // 600 a minute is one per 100 ms
        Thread.sleep(250);
        rate.take(7);
        rate.take(7);
    }
}
