package org.healthclaims.api.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.healthclaims.api.guard.InvalidArgument;
import org.healthclaims.api.relay.SortField.KeyType;
import org.junit.jupiter.api.Test;

class KeysetOrderTest {

    static final SortField ID = new SortField("id", "c.id", KeyType.LONG);
    static final List<SortField> ALLOWED = List.of(
            new SortField("dateClaimed", "c.date_claimed", KeyType.DATE),
            new SortField("code", "c.code", KeyType.TEXT),
            new SortField("status", "c.status", KeyType.INT));

    static KeysetOrder order(String... terms) {
        return KeysetOrder.of(List.of(terms), ALLOWED, List.of("-dateClaimed"), ID);
    }

    @Test
    void the_primary_key_closes_the_order_in_the_last_terms_direction() {
        assertThat(order("-dateClaimed").orderBySql()).isEqualTo("c.date_claimed desc, c.id desc");
        assertThat(order("code").orderBySql()).isEqualTo("c.code asc, c.id asc");
        assertThat(KeysetOrder.of(null, ALLOWED, List.of("-dateClaimed"), ID).orderBySql())
                .isEqualTo("c.date_claimed desc, c.id desc");
    }

    @Test
    void nothing_after_the_primary_key_is_kept_and_repeats_are_dropped() {
        assertThat(order("status", "status", "-id", "code").orderBySql()).isEqualTo("c.status asc, c.id desc");
    }

    @Test
    void one_direction_continues_with_a_row_comparison() {
        KeysetOrder order = order("-dateClaimed");
        Conditions where = new Conditions();

        order.after(cursor("-dateClaimed,-id", "2025-05-02", "42"), where);

        assertThat(where.sql()).isEqualTo(" and (c.date_claimed, c.id) < (:after0, :after1)");
        assertThat(where.params())
                .containsEntry("after0", LocalDate.of(2025, 5, 2))
                .containsEntry("after1", 42L);
    }

    @Test
    void mixed_directions_continue_with_an_expanded_comparison() {
        KeysetOrder order = order("status", "-code");
        Conditions where = new Conditions();

        order.after(cursor("status,-code,-id", "4", "C%1", "7"), where);

        assertThat(where.sql())
                .isEqualTo(" and ((c.status > :after0) or (c.status = :after0 and c.code < :after1)"
                        + " or (c.status = :after0 and c.code = :after1 and c.id < :after2))");
        assertThat(where.params())
                .containsEntry("after0", 4)
                .containsEntry("after1", "C%1")
                .containsEntry("after2", 7L);
    }

    @Test
    void a_cursor_of_another_order_or_garbage_is_refused() {
        KeysetOrder order = order("-dateClaimed");

        assertThatThrownBy(() -> order.after(cursor("code,id", "x", "1"), new Conditions()))
                .isInstanceOf(InvalidArgument.class)
                .extracting(e -> ((InvalidArgument) e).code())
                .isEqualTo("INVALID_CURSOR");
        assertThatThrownBy(() -> order.after("%%%", new Conditions())).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> order.after(cursor("-dateClaimed,-id", "not-a-date", "1"), new Conditions()))
                .isInstanceOf(InvalidArgument.class);
    }

    @Test
    void an_unknown_field_names_the_allowed_ones() {
        assertThatThrownBy(() -> order("-password"))
                .isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("password")
                .hasMessageContaining("dateClaimed, code, status, id");
    }

    /** A cursor as KeysetOrder writes one: its order's signature, then one URL-encoded value per key. */
    static String cursor(String signature, String... values) {
        StringBuilder s = new StringBuilder(signature);
        for (String v : values) s.append('\n').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
    }
}
