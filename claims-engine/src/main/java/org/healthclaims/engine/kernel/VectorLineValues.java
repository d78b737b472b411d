package org.healthclaims.engine.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LineValues} in vector lanes. Quantities (hundredths) and prices (cents) are whole numbers, and their
 * products stay below 2^53 for any amount a claim line can hold (numeric(18,2) quantities and prices of at most a
 * few billion), so the double lanes compute them exactly; truncating a non-negative double to long is the floor.
 * Loaded only when the JVM has the incubator module.
 */
final class VectorLineValues {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

    private VectorLineValues() {}

    static void compute(ValuationBatch b, boolean modular) {
        int n = b.lines();
        // the same number of lanes for both shapes (256-bit: 4 doubles, 4 longs)
        int lanes = Math.min(D.length(), L.length());
        int bound = n - n % lanes;
        for (int i = 0; i < bound; i += lanes) {
            // the long columns are widened to double in the registers: no copy of the columns per batch
            DoubleVector q = lanes(b.qty, i);
            DoubleVector product = q.mul(lanes(b.unit, i));
            DoubleVector value = modular
                    ? whole(product.div(100_00)).mul(100)
                    : whole(product.add(50).div(100));
            DoubleVector limit = lanes(b.fixedLimit, i);
            VectorMask<Double> capped = limit.compare(VectorOperators.GT, 0);
            DoubleVector cap = whole(q.mul(limit).add(50).div(100));
            ((LongVector) value.blend(value.min(cap), capped).convert(VectorOperators.D2L, 0)).intoArray(b.value, i);
        }
        LineValues.scalar(b, modular, bound);
    }

    private static DoubleVector lanes(long[] column, int from) {
        return (DoubleVector) LongVector.fromArray(L, column, from).convert(VectorOperators.L2D, 0);
    }

    /** The floor of non-negative lanes: to long (truncating) and back. */
    private static DoubleVector whole(DoubleVector v) {
        return (DoubleVector) v.convert(VectorOperators.D2L, 0).convert(VectorOperators.L2D, 0);
    }
}
