package org.healthclaims.load.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentiles_of_1_to_1000_ms_are_the_values_at_those_ranks() {
        Latencies latencies = new Latencies();
        for (int ms = 1000; ms >= 1; ms--) latencies.record(ms * 1_000_000L);

        assertThat(latencies.count()).isEqualTo(1000);
        // three significant digits: every figure is within 0.1 % of the exact rank
        assertThat(latencies.percentileMillis(50)).isCloseTo(500.0, within(0.5));
        assertThat(latencies.percentileMillis(95)).isCloseTo(950.0, within(0.95));
        assertThat(latencies.percentileMillis(99)).isCloseTo(990.0, within(0.99));
        assertThat(latencies.maxMillis()).isCloseTo(1000.0, within(1.0));
    }

    @Test
    void a_few_slow_answers_move_p99_and_not_p50() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 980; i++) latencies.record(2_000_000L);
        for (int i = 0; i < 20; i++) latencies.record(400_000_000L);

        assertThat(latencies.percentileMillis(50)).isCloseTo(2.0, within(0.002));
        assertThat(latencies.percentileMillis(95)).isCloseTo(2.0, within(0.002));
        assertThat(latencies.percentileMillis(99)).isCloseTo(400.0, within(0.4));
    }

    @Test
    void merging_clients_gives_the_percentiles_of_all_their_answers() {
        Latencies fast = new Latencies();
        Latencies slow = new Latencies();
        for (int i = 0; i < 500; i++) fast.record(10_000_000L);
        for (int i = 0; i < 500; i++) slow.record(30_000_000L);

        Latencies all = new Latencies();
        all.add(fast);
        all.add(slow);

        assertThat(all.count()).isEqualTo(1000);
        assertThat(all.percentileMillis(25)).isCloseTo(10.0, within(0.01));
        assertThat(all.percentileMillis(75)).isCloseTo(30.0, within(0.03));
    }

    @Test
    void sub_microsecond_and_overlong_times_are_kept_in_range() {
        Latencies latencies = new Latencies();
        latencies.record(300);
        latencies.record(Long.MAX_VALUE);

        assertThat(latencies.count()).isEqualTo(2);
        assertThat(latencies.percentileMillis(1)).isZero();
        assertThat(latencies.maxMillis()).isCloseTo(120_000.0, within(120.0));
    }

    @Test
    void no_answers_give_zeros() {
        Latencies latencies = new Latencies();

        assertThat(latencies.percentileMillis(99)).isZero();
        assertThat(latencies.maxMillis()).isZero();
    }
}
