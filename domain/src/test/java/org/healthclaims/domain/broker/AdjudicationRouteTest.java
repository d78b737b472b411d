package org.healthclaims.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdjudicationRouteTest {

    @Test
    void a_family_always_lands_in_the_same_partition_and_families_spread_evenly() {
        AdjudicationRoute route = new AdjudicationRoute("t.", 16);
        int[] counts = new int[16];
        for (long family = 1; family <= 16_000; family++) {
            int partition = route.partitionOf(family);
            assertThat(route.partitionOf(family)).isEqualTo(partition);
            counts[partition]++;
        }
        // consecutive ids (how families are numbered) spread within 10 % of an even share
        for (int count : counts) assertThat(count).isBetween(900, 1100);
        assertThat(route.partitionOf(-42)).isBetween(0, 15);
    }

    @Test
    void names_carry_the_prefix() {
        AdjudicationRoute route = new AdjudicationRoute("run7.", 4);
        assertThat(route.exchange()).isEqualTo("run7.claims.adjudication");
        assertThat(route.queue(3)).isEqualTo("run7.claims.adjudication.p3");
        assertThat(route.routingKey(3)).isEqualTo("partition.3");
        assertThat(route.parkedQueue()).isEqualTo("run7.claims.adjudication.parked");
        assertThatThrownBy(() -> new AdjudicationRoute("", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
