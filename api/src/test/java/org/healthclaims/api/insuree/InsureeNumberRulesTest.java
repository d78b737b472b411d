package org.healthclaims.api.insuree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InsureeNumberRulesTest {

    static final InsureeNumberRules NINE_DIGITS = new InsureeNumberRules(9, 0);
    static final InsureeNumberRules MODULO_TEN = new InsureeNumberRules(9, 10);
    static final InsureeNumberRules MODULO_SEVEN = new InsureeNumberRules(9, 7);

    @Test
    void a_number_of_the_configured_length_in_digits_is_valid() {
        assertThat(NINE_DIGITS.check("100000001").isValid()).isTrue();
        assertThat(NINE_DIGITS.check("000000000").isValid()).isTrue();
    }

    @Test
    void a_number_is_required_of_the_length_in_digits() {
        assertThat(NINE_DIGITS.check(null).errorCode()).isEqualTo("INSUREE_NUMBER_REQUIRED");
        assertThat(NINE_DIGITS.check(" ").errorCode()).isEqualTo("INSUREE_NUMBER_REQUIRED");
        assertThat(NINE_DIGITS.check("10000000").errorCode()).isEqualTo("INSUREE_NUMBER_LENGTH");
        assertThat(NINE_DIGITS.check("1000000001").errorCode()).isEqualTo("INSUREE_NUMBER_LENGTH");
        assertThat(NINE_DIGITS.check("10000000A").errorCode()).isEqualTo("INSUREE_NUMBER_NOT_DIGITS");
        assertThat(NINE_DIGITS.check("１００００００01").errorCode())
                .as("digits of other scripts are not ASCII digits")
                .isEqualTo("INSUREE_NUMBER_NOT_DIGITS");
    }

    @Test
    void without_a_modulo_root_any_last_digit_is_valid() {
        for (int last = 0; last <= 9; last++)
            assertThat(NINE_DIGITS.check("12345678" + last).isValid()).isTrue();
    }

    @Test
    void the_check_digit_is_the_remainder_of_the_other_digits() {
        // 12345678 % 10 = 8, 12345678 % 7 = 2
        assertThat(MODULO_TEN.check("123456788").isValid()).isTrue();
        assertThat(MODULO_TEN.check("123456789").errorCode()).isEqualTo("INSUREE_NUMBER_CHECKSUM");
        assertThat(MODULO_SEVEN.check("123456782").isValid()).isTrue();
        assertThat(MODULO_SEVEN.check("123456788").errorCode()).isEqualTo("INSUREE_NUMBER_CHECKSUM");
    }

    @Test
    void the_check_digit_holds_for_numbers_longer_than_a_long() {
        InsureeNumberRules long30 = new InsureeNumberRules(30, 7);
        String base = "98765432109876543210987654321";
        int remainder = new java.math.BigInteger(base)
                .mod(java.math.BigInteger.valueOf(7))
                .intValue();

        assertThat(long30.check(base + remainder).isValid()).isTrue();
        assertThat(long30.check(base + ((remainder + 1) % 10)).isValid()).isFalse();
    }

    @Test
    void a_wrong_setting_stops_startup_naming_the_property() {
        assertThatThrownBy(() -> new InsureeNumberRules(0, 0)).hasMessageContaining("insuree.number-length");
        assertThatThrownBy(() -> new InsureeNumberRules(51, 0)).hasMessageContaining("insuree.number-length");
        assertThatThrownBy(() -> new InsureeNumberRules(9, 11)).hasMessageContaining("insuree.number-modulo-root");
        assertThatThrownBy(() -> new InsureeNumberRules(9, 1)).hasMessageContaining("insuree.number-modulo-root");
    }
}
