package org.healthclaims.api.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionsTest {

    @Test
    void only_given_filters_become_where_fragments() {
        Conditions where =
                new Conditions().when(4, "c.status = :status", "status").when(null, "c.code = :code", "code");

        assertThat(where.sql()).isEqualTo(" and c.status = :status");
        assertThat(where.params()).containsOnlyKeys("status");
    }

    @Test
    void prefixes_are_lower_cased_and_like_wildcards_escaped() {
        Conditions where = new Conditions()
                .startsWith("Do_e%", "lower(i.last_name)", "prefix")
                .contains("A\\b", "lower(c.code)", "part");

        assertThat(where.sql()).isEqualTo(" and lower(i.last_name) like :prefix and lower(c.code) like :part");
        assertThat(where.params()).containsEntry("prefix", "do\\_e\\%%").containsEntry("part", "%a\\\\b%");
    }

    @Test
    void no_filter_means_no_fragment() {
        assertThat(new Conditions().startsWith(null, "lower(x)", "p").sql()).isEmpty();
    }
}
