package org.healthclaims.api.insuree;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The format of an insurance number (chfId), as openIMIS's insuree module configures it: {@code insuree.number-length}
 * digits (INSUREE_NUMBER_LENGTH; 9 by default, a value we inferred from the demo and volume numbers, since openIMIS
 * ships without a length), and optionally a check digit: with {@code insuree.number-modulo-root} m (2 to 10; 0, the
 * default, turns it off) the last digit must be the remainder of the other digits, read as a number, divided by m
 * (openIMIS's insuree_number_modulo_root; 10 gives a modulo-10 check digit). Whether a number is already taken needs
 * the database: see {@link InsureeWrites#numberValidity}.
 */
@ConfigurationProperties("insuree")
record InsureeNumberRules(
        @DefaultValue("9") int numberLength,
        @DefaultValue("0") int numberModuloRoot) {

    /** The chf_id column holds 50 characters. */
    static final int MAX_LENGTH = 50;

    InsureeNumberRules {
        if (numberLength < 1 || numberLength > MAX_LENGTH)
            throw new IllegalArgumentException(
                    "insuree.number-length must be 1.." + MAX_LENGTH + ", was " + numberLength);
        if (numberModuloRoot != 0 && (numberModuloRoot < 2 || numberModuloRoot > 10))
            throw new IllegalArgumentException(
                    "insuree.number-modulo-root must be 0 (no check digit) or 2..10, was " + numberModuloRoot);
    }

    /** Required, the configured length, digits only, and the check digit when one is configured. */
    NumberValidity check(@Nullable String number) {
        if (number == null || number.isBlank())
            return NumberValidity.invalid("INSUREE_NUMBER_REQUIRED", "An insurance number is required");
        if (number.length() != numberLength)
            return NumberValidity.invalid(
                    "INSUREE_NUMBER_LENGTH",
                    "An insurance number has " + numberLength + " digits, not " + number.length());
        for (int i = 0; i < number.length(); i++)
            if (number.charAt(i) < '0' || number.charAt(i) > '9')
                return NumberValidity.invalid("INSUREE_NUMBER_NOT_DIGITS", "An insurance number has only digits");
        if (numberModuloRoot != 0 && !checkDigitHolds(number))
            return NumberValidity.invalid(
                    "INSUREE_NUMBER_CHECKSUM", "The insurance number's check digit is wrong: it may be mistyped");
        return NumberValidity.VALID;
    }

    /** The remainder is taken digit by digit, so a number of any length never overflows. */
    private boolean checkDigitHolds(String number) {
        if (number.length() < 2) return false;
        int remainder = 0;
        for (int i = 0; i < number.length() - 1; i++)
            remainder = (remainder * 10 + (number.charAt(i) - '0')) % numberModuloRoot;
        return remainder == number.charAt(number.length() - 1) - '0';
    }
}
