package org.healthclaims.engine.kernel;

import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;

/**
 * The element-wise part of valuation, each line on its own: the unit price by price origin and the line's value
 * before the deductible (quantity × unit, truncated to whole units under the modular rules, to cents under the
 * legacy ones, then the fixed limitation's cap). With the Vector API present (JVM option {@code --add-modules
 * jdk.incubator.vector}) it runs in vector lanes, else in this scalar loop; both give the same result to the cent.
 * The running totals (deductible, ceilings) depend on the lines before and stay in {@link ValuationStep}'s scalar
 * pass.
 */
public final class LineValues {

    /**
     * Whether the lines are valued in vector lanes: when this JVM has the Vector API, unless {@code
     * -Dclaims.kernel=scalar} asks for the scalar pass (the reference a benchmark run is compared with).
     */
    public static final boolean VECTORISED =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                    && !"scalar".equalsIgnoreCase(System.getProperty("claims.kernel"));

    private LineValues() {}

    static void compute(ValuationBatch b, RuleSet rules, boolean vectorLanes) {
        units(b);
        if (vectorLanes) VectorLineValues.compute(b, rules == RuleSet.MODULAR);
        else scalar(b, rules == RuleSet.MODULAR, 0);
    }

    /** The unit price: the provider's for price origin O, the price list's otherwise (§4.7: over PriceApproved). */
    static void units(ValuationBatch b) {
        for (int l = 0; l < b.lines(); l++)
            b.unit[l] = b.priceOrigin[l] == 'O' || b.priceList[l] == NO_AMOUNT ? b.priceAsked[l] : b.priceList[l];
    }

    /** Lines from {@code from} on, one at a time: the reference the vector lanes are checked against. */
    static void scalar(ValuationBatch b, boolean modular, int from) {
        for (int l = from; l < b.lines(); l++) {
            long value = modular ? b.qty[l] * b.unit[l] / 100_00 * 100 : (b.qty[l] * b.unit[l] + 50) / 100;
            long fixed = b.fixedLimit[l];
            if (fixed > 0) value = Math.min(value, (b.qty[l] * fixed + 50) / 100);
            b.value[l] = value;
        }
    }
}
