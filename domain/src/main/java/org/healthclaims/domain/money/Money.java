package org.healthclaims.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of the scheme's currency in minor units (cents). SQL stores {@code decimal(18,2)}; conversion happens
 * only at that boundary and at the GraphQL {@code Decimal} scalar, never through a float.
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /** Converts a {@code decimal(18,2)} value; refuses more than two decimals instead of rounding silently. */
    public static Money of(BigDecimal amount) {
        return new Money(
                amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact());
    }

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(cents, 2);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    /** The plain decimal form openIMIS's GraphQL API uses for amounts, e.g. {@code "500.00"}. */
    @Override
    public String toString() {
        return toDecimal().toPlainString();
    }
}
