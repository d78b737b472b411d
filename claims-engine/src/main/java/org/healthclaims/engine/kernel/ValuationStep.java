package org.healthclaims.engine.kernel;

import static org.healthclaims.engine.kernel.CheckBatch.NONE;
import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;
import static org.healthclaims.engine.kernel.ValuationBatch.GENERAL;
import static org.healthclaims.engine.kernel.ValuationBatch.INSUREE;
import static org.healthclaims.engine.kernel.ValuationBatch.IN_PATIENT;
import static org.healthclaims.engine.kernel.ValuationBatch.OUT_PATIENT;
import static org.healthclaims.engine.kernel.ValuationBatch.POLICY;
import static org.healthclaims.engine.kernel.ValuationBatch.TREATMENT;

/**
 * openIMIS's processing step (domain.md §4.2, with §4.7's readings) over a {@link ValuationBatch}: per policy of a
 * claim, the deductible and the ceiling that apply (first level set wins: treatment, insuree, policy; general, else
 * in- or out-patient), then per passed line the unit price by price origin, the value (modular: truncated to whole
 * units; legacy: to cents), the fixed cap, the deductible, the co-insurance, the category's maximum amount, the
 * ceiling exclusion and the ceiling. A claim processed earlier in the batch counts in what the policy and the
 * insuree consumed, as its ledger row would have.
 */
public final class ValuationStep {

    static final byte PROCESSED = 8, VALUATED = 16;

    private ValuationStep() {}

    public static void run(ValuationBatch b, RuleSet rules) {
        run(b, rules, LineValues.VECTORISED);
    }

    /**
     * With the line values in vector lanes or by the scalar reference, so that tests and benchmarks can run both in
     * one JVM; {@code vectorLanes} only where {@link LineValues#VECTORISED}.
     */
    static void run(ValuationBatch b, RuleSet rules, boolean vectorLanes) {
        LineValues.compute(b, rules, vectorLanes);
        b.byPolicy.clear();
        b.byPolicyAndInsuree.clear();
        for (int c = 0; c < b.claims(); c++) value(b, c);
    }

    private static void value(ValuationBatch b, int c) {
        boolean relative = false;
        long claimApproved = 0;
        for (int p = b.firstPolicy[c]; p < b.endPolicy[c]; p++) {
            boolean hospitalVisit = (b.ceilingInterpretation[p] == 'I' && b.hospitalisation[c])
                    || (b.ceilingInterpretation[p] == 'H' && b.hospitalFacility[c]);
            b.hospitalVisit[p] = hospitalVisit;
            int kind = hospitalVisit ? IN_PATIENT : OUT_PATIENT;
            // a claim's policies are distinct, so the rows before are of earlier claims
            b.policyRowBefore[p] = b.byPolicy.swap(b.policyId[p], 0, p);
            b.insureeRowBefore[p] = b.byPolicyAndInsuree.swap(b.policyId[p], b.insureeId[c], p);

            // the deductible: first level set, general before in- or out-patient
            long deductible = 0, previousDeductible = 0;
            int dedKind = b.deductible[GENERAL][TREATMENT][p] != NO_AMOUNT
                            || b.deductible[GENERAL][INSUREE][p] != NO_AMOUNT
                            || b.deductible[GENERAL][POLICY][p] != NO_AMOUNT
                    ? GENERAL
                    : kind;
            for (int level = TREATMENT; level <= POLICY; level++)
                if (b.deductible[dedKind][level][p] != NO_AMOUNT) {
                    deductible = b.deductible[dedKind][level][p];
                    previousDeductible = level == TREATMENT ? 0 : previous(b, p, dedKind, level, true);
                    break;
                }

            // the ceiling, likewise; at the policy level it grows with members beyond the threshold
            long ceiling = 0, previousRemunerated = 0;
            int ceilKind = b.ceiling[GENERAL][TREATMENT][p] != NO_AMOUNT
                            || b.ceiling[GENERAL][INSUREE][p] != NO_AMOUNT
                            || b.ceiling[GENERAL][POLICY][p] != NO_AMOUNT
                    ? GENERAL
                    : kind;
            for (int level = TREATMENT; level <= POLICY; level++)
                if (b.ceiling[ceilKind][level][p] != NO_AMOUNT) {
                    ceiling = b.ceiling[ceilKind][level][p];
                    previousRemunerated = level == TREATMENT ? 0 : previous(b, p, ceilKind, level, false);
                    if (level == POLICY
                            && b.threshold[p] != NONE
                            && b.members[p] > b.threshold[p]
                            && b.extraMember[ceilKind][p] != NO_AMOUNT) {
                        ceiling += (b.members[p] - b.threshold[p]) * b.extraMember[ceilKind][p];
                        if (b.ceilingCap[ceilKind][p] != NO_AMOUNT)
                            ceiling = Math.min(ceiling, b.ceilingCap[ceilKind][p]);
                    }
                    break;
                }

            int category = categoryIndex(b.category[c]);
            long deducted = 0, remunerated = 0, remuneratedInCategory = 0;
            for (int l = b.firstLine[c]; l < b.endLine[c]; l++) {
                if (b.linePolicy[l] != p) continue;
                b.priceAdjusted[l] = b.priceApproved[l] == NO_AMOUNT ? b.unit[l] : NO_AMOUNT;
                long value = b.value[l];

                long deductedHere = 0;
                long remaining = deductible - previousDeductible - deducted;
                if (deductible > 0 && remaining > 0) {
                    deductedHere = Math.min(remaining, value);
                    value -= deductedHere;
                    deducted += deductedHere;
                }
                b.deductedAmount[l] = deductedHere;

                if (b.limitation[l] == 'C' && b.limitationValue[l] != NO_AMOUNT && b.limitationValue[l] != 0)
                    value = Math.floorDiv(value * b.limitationValue[l] + 5_000, 10_000);

                b.exceedCeilingCategory[l] = 0;
                if (category >= 0 && b.maxAmount[category][p] != NO_AMOUNT) {
                    long max = b.maxAmount[category][p];
                    if (value + remuneratedInCategory <= max) remuneratedInCategory += value;
                    else if (remuneratedInCategory >= max) {
                        b.exceedCeilingCategory[l] = value;
                        value = 0;
                    } else {
                        long over = value + remuneratedInCategory - max;
                        b.exceedCeilingCategory[l] = over;
                        value -= over;
                        remuneratedInCategory += value;
                    }
                }

                long approved;
                b.exceedCeiling[l] = 0;
                byte exclusion = b.adult[c] ? b.exclusionAdult[l] : b.exclusionChild[l];
                if ((hospitalVisit && (exclusion == 'B' || exclusion == 'H'))
                        || (!hospitalVisit && (exclusion == 'B' || exclusion == 'N'))) {
                    // outside the ceiling: valued, but neither in Approved nor in the ledger's remunerated
                    approved = value;
                } else if (ceiling > 0) {
                    long left = ceiling - previousRemunerated - remunerated;
                    if (left >= value) approved = value;
                    else if (left > 0) {
                        approved = left;
                        b.exceedCeiling[l] = value - left;
                    } else {
                        approved = 0;
                        b.exceedCeiling[l] = value;
                    }
                    remunerated += approved;
                } else {
                    approved = value;
                    remunerated += approved;
                }

                if (b.priceOrigin[l] == 'R') {
                    // valued by the relative-pricing batch
                    b.priceValuated[l] = NO_AMOUNT;
                    b.remuneratedAmount[l] = NO_AMOUNT;
                    relative = true;
                } else {
                    b.priceValuated[l] = approved;
                    b.remuneratedAmount[l] = approved;
                }
            }
            b.deducted[p] = deducted;
            b.remunerated[p] = remunerated;
            carry(b.policyDeductedSoFar, b.policyRowBefore[p], p, hospitalVisit, deducted);
            carry(b.policyRemuneratedSoFar, b.policyRowBefore[p], p, hospitalVisit, remunerated);
            carry(b.insureeDeductedSoFar, b.insureeRowBefore[p], p, hospitalVisit, deducted);
            carry(b.insureeRemuneratedSoFar, b.insureeRowBefore[p], p, hospitalVisit, remunerated);
            for (int g = 0; g < 5; g++) b.remuneratedByCategory[g][p] = g == category ? remuneratedInCategory : 0;
            claimApproved += remunerated;
        }
        b.approved[c] = claimApproved;
        b.status[c] = relative ? PROCESSED : VALUATED;
    }

    /**
     * What other claims consumed of this policy ({@code level} POLICY) or of this insuree's share of it (INSUREE):
     * the ledger before the batch plus the claims valued earlier in it, read from the running totals of the row
     * before on the chain. {@code kind} GENERAL counts every row, IN_PATIENT and OUT_PATIENT the rows of hospital
     * and of other visits.
     */
    private static long previous(ValuationBatch b, int p, int kind, int level, boolean deductible) {
        long total = level == INSUREE
                ? (deductible ? b.previousDeductibleInsuree[kind][p] : b.previousRemuneratedInsuree[kind][p])
                : (deductible ? b.previousDeductiblePolicy[kind][p] : b.previousRemuneratedPolicy[kind][p]);
        int before = level == INSUREE ? b.insureeRowBefore[p] : b.policyRowBefore[p];
        if (before < 0) return total;
        long[][] soFar = level == INSUREE
                ? (deductible ? b.insureeDeductedSoFar : b.insureeRemuneratedSoFar)
                : (deductible ? b.policyDeductedSoFar : b.policyRemuneratedSoFar);
        return total
                + switch (kind) {
                    case IN_PATIENT -> soFar[0][before];
                    case OUT_PATIENT -> soFar[1][before];
                    default -> soFar[0][before] + soFar[1][before];
                };
    }

    /** Row {@code p}'s running totals: the row before's plus its own amount, as a hospital visit or not. */
    private static void carry(long[][] soFar, int before, int p, boolean hospitalVisit, long amount) {
        soFar[0][p] = (before < 0 ? 0 : soFar[0][before]) + (hospitalVisit ? amount : 0);
        soFar[1][p] = (before < 0 ? 0 : soFar[1][before]) + (hospitalVisit ? 0 : amount);
    }

    private static int categoryIndex(byte category) {
        return switch (category) {
            case 'S' -> ValuationBatch.SURGERY;
            case 'D' -> ValuationBatch.DELIVERY;
            case 'A' -> ValuationBatch.ANTENATAL;
            case 'H' -> ValuationBatch.HOSPITALIZATION;
            case 'C' -> ValuationBatch.CONSULTATION;
            default -> -1;
        };
    }
}
