package org.healthclaims.engine.kernel;

import static org.healthclaims.engine.kernel.CheckBatch.NONE;
import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;

/**
 * openIMIS's check step (domain.md §4.1, with §4.7's readings) over a {@link CheckBatch}: the claim category, the
 * claim-level failures (P1, P2), the per-line checks (C1 register, C2 price list, C10 care type, C4 patient
 * category, C5 frequency) and the product loop (3 no product, 17 waiting period, 16 maximum provision, 11–15/19
 * category maximum), then product assignment and the claim's outcome. Claims are checked in batch order, and a claim
 * that passes counts for the later claims of the same insuree in the batch (frequency, quantities used, claims per
 * category), as it would had they been submitted one after another.
 *
 * <p>The check is branching over lookups, not arithmetic over lanes, so it is scalar; the valuation step is where
 * the Vector API pays.
 */
public final class CheckStep {

    /** Line and claim status codes (domain.md §3). */
    static final byte PASSED = 1, LINE_REJECTED = 2;

    static final byte CLAIM_REJECTED = 1, CHECKED = 4;

    private CheckStep() {}

    public static void run(CheckBatch b, RuleSet rules) {
        b.byInsuree.clear();
        for (int c = 0; c < b.claims(); c++) {
            b.insureeClaimBefore[c] = b.byInsuree.swap(b.insureeId[c], 0, c);
            check(b, c, rules);
        }
    }

    private static void check(CheckBatch b, int c, RuleSet rules) {
        boolean modular = rules == RuleSet.MODULAR;
        int td = targetDate(b, c);
        boolean hospitalisation = b.dateTo[c] != NONE && b.dateTo[c] != b.dateFrom[c];
        boolean adult = b.adultFrom[c] == NONE || td >= b.adultFrom[c];
        b.category[c] = category(b, c, hospitalisation, modular);
        b.approved[c] = NO_AMOUNT;

        // P1, P2: the claim as a whole
        int prepare = 0;
        if (!b.familyValid[c] || (modular && !b.covered[c])) prepare = 7;
        else if (td == NONE || (modular && b.dateClaimed[c] < b.dateFrom[c])) prepare = 9;
        if (prepare != 0) {
            for (int l = b.firstLine[c]; l < b.endLine[c]; l++) {
                clearAssignment(b, l);
                if (b.priorRejection[l] == -1) keepReviewerRejection(b, l);
                else reject(b, l, prepare);
            }
            b.status[c] = CLAIM_REJECTED;
            b.claimRejection[c] = (short) (modular ? 1 : prepare);
            return;
        }

        int overflow = 0;
        for (int l = b.firstLine[c]; l < b.endLine[c]; l++) {
            clearAssignment(b, l);
            b.qtyApprovedOut[l] = b.qtyApproved[l];
            if (b.priorRejection[l] == -1) {
                keepReviewerRejection(b, l);
                continue;
            }
            int reason = lineChecks(b, c, l, td, hospitalisation, adult, modular);
            if (reason == 0) reason = productLoop(b, c, l, td, adult, modular);
            if (reason == 0 && !modular) reason = frequency(b, c, l, td, false);
            b.rejection[l] = (short) reason;
            if (isCategoryMaximum(reason)) overflow = reason;
        }
        // legacy: a category maximum rejects every line of the claim (the modular submit path does not)
        if (!modular && overflow != 0)
            for (int l = b.firstLine[c]; l < b.endLine[c]; l++)
                if (b.priorRejection[l] != -1) b.rejection[l] = (short) overflow;

        boolean anyPassed = false;
        boolean anyRejected = false;
        boolean assignmentFailed = false;
        for (int l = b.firstLine[c]; l < b.endLine[c]; l++) {
            if (b.priorRejection[l] == -1) {
                anyRejected = true;
                continue;
            }
            if (b.rejection[l] != 0) {
                reject(b, l, b.rejection[l]);
                anyRejected = true;
                continue;
            }
            b.lineStatus[l] = PASSED;
            if (!assign(b, c, l, adult)) {
                // no product line with a C or F limitation: legacy rejects the line, modular the claim
                reject(b, l, 3);
                anyRejected = true;
                if (modular) assignmentFailed = true;
                continue;
            }
            anyPassed = true;
        }

        if (!anyPassed || assignmentFailed) {
            b.status[c] = CLAIM_REJECTED;
            // §4.7: 3 whenever product assignment failed, even if no other line passed; 1 when every line failed
            b.claimRejection[c] = (short) (assignmentFailed ? 3 : 1);
            if (assignmentFailed)
                for (int l = b.firstLine[c]; l < b.endLine[c]; l++)
                    if (b.lineStatus[l] == PASSED) {
                        b.lineStatus[l] = LINE_REJECTED;
                        b.qtyApprovedOut[l] = 0;
                    }
            return;
        }
        b.status[c] = CHECKED;
        b.claimRejection[c] = 0;
        if (modular) b.approved[c] = approvedModular(b, c);
        else if (anyRejected) b.approved[c] = approvedLegacy(b, c);
    }

    static int targetDate(CheckBatch b, int c) {
        return b.dateTo[c] != NONE ? b.dateTo[c] : b.dateFrom[c];
    }

    /**
     * The claim category: the first of S, D, A among the current services, then H for a hospitalisation, then C,
     * then (modular) O, else V.
     */
    private static byte category(CheckBatch b, int c, boolean hospitalisation, boolean modular) {
        boolean s = false, d = false, a = false, consult = false, other = false;
        for (int l = b.firstLine[c]; l < b.endLine[c]; l++) {
            if (!b.service[l] || !b.registerValid[l]) continue;
            switch (b.serviceCategory[l]) {
                case 'S' -> s = true;
                case 'D' -> d = true;
                case 'A' -> a = true;
                case 'C' -> consult = true;
                case 'O' -> other = true;
                default -> {}
            }
        }
        if (s) return 'S';
        if (d) return 'D';
        if (a) return 'A';
        if (hospitalisation) return 'H';
        if (consult) return 'C';
        if (modular && other) return 'O';
        return 'V';
    }

    /** C1, C2, C10, C4 and (modular) C5, in openIMIS's order for the rule set; the first failure's code. */
    private static int lineChecks(
            CheckBatch b, int c, int l, int td, boolean hospitalisation, boolean adult, boolean modular) {
        if (!b.registerValid[l]) return 1;
        if (!b.inPriceList[l]) return 2;
        if (careTypeFails(b.careType[l], b.facilityCareType[c], hospitalisation, modular)) return 10;
        // Python checks a service's frequency before its patient category, an item's after
        if (modular && b.service[l] && frequency(b, c, l, td, true) != 0) return 5;
        int mask = (b.male[c] ? 1 : 2) + (adult ? 4 : 8);
        int allowed = b.patientCategory[l];
        if (!(modular && allowed == 0) && (allowed & mask) != mask) return 4;
        if (modular && !b.service[l] && frequency(b, c, l, td, true) != 0) return 5;
        return 0;
    }

    private static boolean careTypeFails(byte line, byte facility, boolean hospitalisation, boolean modular) {
        byte hf = facility == 0 ? (byte) 'B' : facility;
        if (modular) return (hf == 'O' && hospitalisation) || (hf == 'O' && line == 'I') || (hf == 'I' && line == 'O');
        if (line == 'I') return hf == 'O' || !hospitalisation;
        if (line == 'O') return hf == 'I' || hospitalisation;
        return false;
    }

    /**
     * C5: the same item or service given to the insuree within its frequency in another counted claim (one
     * checked earlier in this batch included). Modular: any such claim whose target date is on or after
     * {@code td − frequency}; legacy: one less than {@code frequency} days away.
     */
    private static int frequency(CheckBatch b, int c, int l, int td, boolean modular) {
        int days = b.frequency[l];
        if (days <= 0) return 0;
        if (near(b.otherTdBefore[l], td, days, modular) || near(b.otherTdAfter[l], td, days, modular)) return 5;
        for (int e = b.insureeClaimBefore[c]; e >= 0; e = b.insureeClaimBefore[e]) {
            if (b.status[e] <= 2) continue;
            for (int o = b.firstLine[e]; o < b.endLine[e]; o++)
                if (b.lineStatus[o] == PASSED
                        && b.service[o] == b.service[l]
                        && b.medicalId[o] == b.medicalId[l]
                        && near(targetDate(b, e), td, days, modular)) return 5;
        }
        return 0;
    }

    private static boolean near(int other, int td, int days, boolean modular) {
        if (other == NONE) return false;
        return modular ? other >= td - days : Math.abs(other - td) < days;
    }

    /**
     * The candidate coverages in openIMIS's order (coverage start plus waiting period, then policy, then product);
     * a line passes with the first that passes the waiting period, its maximum provision and the claim category's
     * maximum. Answers 0, or the first failure's code (3 when there is no candidate).
     */
    private static int productLoop(CheckBatch b, int c, int l, int td, boolean adult, boolean modular) {
        int first = b.firstCandidate[l], end = b.endCandidate[l];
        if (first == end) return 3;
        if (end - first == 1) return candidateFails(b, c, l, first, td, adult, modular);
        // the ordering key once per candidate: the selection below compares each pair
        for (int k = first; k < end; k++) b.waitingEnd[k] = waitingEnd(b, k, adult);
        int firstFailure = 0;
        int done = 0;
        while (done < end - first) {
            int k = nextCandidate(b, first, end, done);
            done++;
            int failure = candidateFails(b, c, l, k, td, adult, modular);
            if (failure == 0) return 0;
            if (firstFailure == 0) firstFailure = failure;
        }
        return firstFailure;
    }

    /** The candidate of rank {@code rank} in the loop's order, by selection (a line has a handful). */
    private static int nextCandidate(CheckBatch b, int first, int end, int rank) {
        int chosen = -1;
        for (int k = first; k < end; k++) {
            int below = 0;
            for (int o = first; o < end; o++) if (o != k && before(b, o, k)) below++;
            if (below == rank) {
                chosen = k;
                break;
            }
        }
        return chosen < 0 ? first + rank : chosen;
    }

    private static boolean before(CheckBatch b, int o, int k) {
        int eo = b.waitingEnd[o], ek = b.waitingEnd[k];
        if (eo != ek) return eo < ek;
        if (b.candidatePolicy[o] != b.candidatePolicy[k]) return b.candidatePolicy[o] < b.candidatePolicy[k];
        if (b.candidateProduct[o] != b.candidateProduct[k]) return b.candidateProduct[o] < b.candidateProduct[k];
        return o < k;
    }

    /** Coverage start plus the waiting months (the ordering key, whether the waiting period applies or not). */
    private static int waitingEnd(CheckBatch b, int k, boolean adult) {
        int months = adult ? b.waitingAdult[k] : b.waitingChild[k];
        return months == NONE || months <= 0
                ? b.candidateCoveredFrom[k]
                : EpochDays.plusMonths(b.candidateCoveredFrom[k], months);
    }

    private static int candidateFails(CheckBatch b, int c, int l, int k, int td, boolean adult, boolean modular) {
        // 17: waiting period, for a new policy or a member added after the policy started
        boolean waits = b.candidateNewPolicy[k] || b.candidatePolicyEffective[k] < b.candidateCoveredFrom[k];
        int months = adult ? b.waitingAdult[k] : b.waitingChild[k];
        if (waits && months != NONE && months > 0 && td < EpochDays.plusMonths(b.candidateCoveredFrom[k], months))
            return 17;

        // 16: maximum provision in the coverage period
        long cap = NO_AMOUNT;
        int limitNo = adult ? b.limitNoAdult[k] : b.limitNoChild[k];
        if (limitNo != NONE && limitNo >= 0) {
            long limit = limitNo * 100L;
            long used = b.usedQuantity[k] + usedInBatch(b, c, l, k);
            if (!modular) {
                if (used >= limit) return 16;
            } else {
                long asked = b.qtyApproved[l] != NO_AMOUNT ? b.qtyApproved[l] : b.qtyProvided[l];
                if (used + asked > limit) {
                    if (used >= limit) return 16;
                    cap = limit - used;
                }
            }
        }

        // 11-15, 19: the claim category's maximum number of claims in the period (services only)
        int g = categoryIndex(b.category[c]);
        if (b.service[l] && g >= 0) {
            int max = b.maxClaims[g][k];
            if (max != NONE && max >= 0 && b.claimsCounted[g][k] + claimsInBatch(b, c, k) >= max)
                return CATEGORY_REASONS[g];
        }

        // passed: a maximum-provision cut applies only now that the candidate passes everything else
        if (cap != NO_AMOUNT) b.qtyApprovedOut[l] = cap;
        return 0;
    }

    private static final int[] CATEGORY_REASONS = {13, 14, 15, 19, 11, 12};

    private static int categoryIndex(byte category) {
        return switch (category) {
            case 'C' -> CheckBatch.CONSULTATION;
            case 'S' -> CheckBatch.SURGERY;
            case 'D' -> CheckBatch.DELIVERY;
            case 'A' -> CheckBatch.ANTENATAL;
            case 'H' -> CheckBatch.HOSPITALIZATION;
            case 'V' -> CheckBatch.VISIT;
            default -> -1;
        };
    }

    private static boolean isCategoryMaximum(int reason) {
        return (reason >= 11 && reason <= 15) || reason == 19;
    }

    /** Quantity of the line's item or service in passed lines of the insuree's claims checked earlier in the batch. */
    private static long usedInBatch(CheckBatch b, int c, int l, int k) {
        long used = 0;
        for (int e = b.insureeClaimBefore[c]; e >= 0; e = b.insureeClaimBefore[e]) {
            if (b.status[e] <= 2 || !inPeriod(b, e, k)) continue;
            for (int o = b.firstLine[e]; o < b.endLine[e]; o++)
                if (b.lineStatus[o] == PASSED && b.service[o] == b.service[l] && b.medicalId[o] == b.medicalId[l])
                    used += b.qtyApprovedOut[o] != NO_AMOUNT ? b.qtyApprovedOut[o] : b.qtyProvided[o];
        }
        return used;
    }

    /** The insuree's claims of this claim's category checked earlier in the batch, in the candidate's period. */
    private static int claimsInBatch(CheckBatch b, int c, int k) {
        int count = 0;
        for (int e = b.insureeClaimBefore[c]; e >= 0; e = b.insureeClaimBefore[e])
            if (b.status[e] > 2 && b.category[e] == b.category[c] && inPeriod(b, e, k)) count++;
        return count;
    }

    private static boolean inPeriod(CheckBatch b, int e, int k) {
        int td = targetDate(b, e);
        return td >= b.candidateCoveredFrom[k] && td <= b.candidateCountTo[k];
    }

    /**
     * Product assignment (domain.md §4.1): among the line's candidates, the co-insurance line with the highest limit
     * and the fixed one with the highest; the cheaper for the insuree wins. False when neither exists.
     */
    private static boolean assign(CheckBatch b, int c, int l, boolean adult) {
        int visit = b.visitType[c] == 'E' ? 1 : b.visitType[c] == 'R' ? 2 : 0;
        int bestC = -1, bestF = -1;
        long limitC = 0, limitF = 0;
        for (int k = b.firstCandidate[l]; k < b.endCandidate[l]; k++) {
            byte type = b.limitationType[visit][k];
            long raw = adult ? b.limitAdult[visit][k] : b.limitChild[visit][k];
            if (type == 'C') {
                long limit = raw == NO_AMOUNT ? 100_00 : raw;
                if (bestC < 0 || limit > limitC || (limit == limitC && earlier(b, k, bestC))) {
                    bestC = k;
                    limitC = limit;
                }
            } else if (type == 'F') {
                long limit = raw == NO_AMOUNT ? 0 : raw;
                if (bestF < 0 || limit > limitF || (limit == limitF && earlier(b, k, bestF))) {
                    bestF = k;
                    limitF = limit;
                }
            }
        }
        if (bestC < 0 && bestF < 0) return false;
        int chosen;
        if (bestC < 0) chosen = bestF;
        else if (bestF < 0) chosen = bestC;
        else {
            long price = b.priceApproved[l] != NO_AMOUNT ? b.priceApproved[l] : b.priceAsked[l];
            if (limitF == 0 || limitF > price) chosen = bestF;
            else if (100_00 - limitC > 0) {
                // own share per unit, in cents × 100 00 to stay exact: F leaves price − fixed, C leaves (1 − pct) ×
                // price
                long ownF = (price - limitF) * 100_00;
                long ownC = (100_00 - limitC) * price;
                chosen = ownC > ownF ? bestF : bestC;
            } else chosen = bestC;
        }
        b.productId[l] = b.candidateProduct[chosen];
        b.policyId[l] = lowestPolicyOf(b, l, b.candidateProduct[chosen]);
        b.priceOrigin[l] = b.candidatePriceOrigin[chosen];
        b.limitation[l] = b.limitationType[visit][chosen];
        b.limitationValue[l] = chosen == bestC ? limitC : limitF;
        return true;
    }

    private static boolean earlier(CheckBatch b, int k, int than) {
        if (b.candidateProduct[k] != b.candidateProduct[than]) return b.candidateProduct[k] < b.candidateProduct[than];
        return b.candidatePolicy[k] < b.candidatePolicy[than];
    }

    private static long lowestPolicyOf(CheckBatch b, int l, long product) {
        long lowest = Long.MAX_VALUE;
        for (int k = b.firstCandidate[l]; k < b.endCandidate[l]; k++)
            if (b.candidateProduct[k] == product && b.candidatePolicy[k] < lowest) lowest = b.candidatePolicy[k];
        return lowest;
    }

    /**
     * Modular Approved at check: Σ over passed lines of (QtyApproved ?? QtyProvided) × (PriceApproved ??
     * PriceAdjusted ?? PriceAsked), PriceAdjusted being what the submit-time ledger run writes: the asked price for
     * price origin O, the price-list price otherwise.
     */
    private static long approvedModular(CheckBatch b, int c) {
        long cents = 0;
        for (int l = b.firstLine[c]; l < b.endLine[c]; l++) {
            if (b.lineStatus[l] != PASSED) continue;
            long qty = b.qtyApprovedOut[l] != NO_AMOUNT ? b.qtyApprovedOut[l] : b.qtyProvided[l];
            long price = b.priceApproved[l] != NO_AMOUNT
                    ? b.priceApproved[l]
                    : b.priceOrigin[l] != 'O' && b.priceListPrice[l] != NO_AMOUNT
                            ? b.priceListPrice[l]
                            : b.priceAsked[l];
            cents += hundredthsTimesCents(qty, price);
        }
        return cents;
    }

    /** Legacy Approved when some line was rejected: Σ over passed lines of QtyProvided × PriceAsked. */
    private static long approvedLegacy(CheckBatch b, int c) {
        long cents = 0;
        for (int l = b.firstLine[c]; l < b.endLine[c]; l++)
            if (b.lineStatus[l] == PASSED) cents += hundredthsTimesCents(b.qtyProvided[l], b.priceAsked[l]);
        return cents;
    }

    /** Quantity (hundredths) × price (cents), in cents rounded half up. */
    static long hundredthsTimesCents(long qty, long cents) {
        return Math.floorDiv(qty * cents + 50, 100);
    }

    private static void reject(CheckBatch b, int l, int reason) {
        b.rejection[l] = (short) reason;
        b.lineStatus[l] = LINE_REJECTED;
        b.qtyApprovedOut[l] = 0;
    }

    private static void keepReviewerRejection(CheckBatch b, int l) {
        b.rejection[l] = -1;
        b.lineStatus[l] = LINE_REJECTED;
        b.qtyApprovedOut[l] = 0;
    }

    private static void clearAssignment(CheckBatch b, int l) {
        b.productId[l] = NO_AMOUNT;
        b.policyId[l] = NO_AMOUNT;
        b.priceOrigin[l] = 0;
        b.limitation[l] = 0;
        b.limitationValue[l] = NO_AMOUNT;
        b.lineStatus[l] = 0;
        b.rejection[l] = 0;
        b.qtyApprovedOut[l] = b.qtyApproved[l];
    }
}
