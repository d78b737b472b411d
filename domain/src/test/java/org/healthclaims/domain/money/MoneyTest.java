package org.healthclaims.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void converts_a_two_decimal_amount_to_cents_and_back() {
        Money m = Money.of(new BigDecimal("500.5"));

        assertThat(m.cents()).isEqualTo(50050);
        assertThat(m.toString()).isEqualTo("500.50");
        assertThat(m.toDecimal()).isEqualByComparingTo("500.50");
    }

    @Test
    void refuses_more_than_two_decimals_instead_of_rounding() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.005"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void adds_without_silent_overflow() {
        assertThat(Money.ofCents(1).plus(Money.ofCents(2))).isEqualTo(Money.ofCents(3));
        assertThatThrownBy(() -> Money.ofCents(Long.MAX_VALUE).plus(Money.ofCents(1)))
                .isInstanceOf(ArithmeticException.class);
    }
}
