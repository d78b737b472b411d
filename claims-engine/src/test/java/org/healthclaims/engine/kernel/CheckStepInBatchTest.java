package org.healthclaims.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthclaims.engine.kernel.CheckBatch.CATEGORIES;
import static org.healthclaims.engine.kernel.CheckBatch.NONE;
import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch is checked as if its claims were submitted one after another (CheckStep's contract): the kernel's
 * in-batch counting (the insuree's earlier claims, chained) against a reference that checks every claim alone in a
 * batch of one, with what the loader would have read had the claims before it been stored (the nearest other target
 * dates for the frequency, the quantities used, the claims counted per category in each candidate's period), summed
 * by brute force from the reference's own earlier results. Random batches from a fixed seed with few insurees and
 * items, so frequency, maximum provision and category maximums bite.
 */
class CheckStepInBatchTest {

    static final int[] CATEGORY_OF = new int[128];

    static {
        java.util.Arrays.fill(CATEGORY_OF, -1);
        CATEGORY_OF['C'] = CheckBatch.CONSULTATION;
        CATEGORY_OF['S'] = CheckBatch.SURGERY;
        CATEGORY_OF['D'] = CheckBatch.DELIVERY;
        CATEGORY_OF['A'] = CheckBatch.ANTENATAL;
        CATEGORY_OF['H'] = CheckBatch.HOSPITALIZATION;
        CATEGORY_OF['V'] = CheckBatch.VISIT;
    }

    static CheckBatch random(int claims, long seed) {
        Random random = new Random(seed);
        CheckBatch b = new CheckBatch(claims, claims * 4, claims * 8);
        int start = (int) java.time.LocalDate.of(2025, 5, 1).toEpochDay();
        for (int c = 0; c < claims; c++) {
            int from = start + random.nextInt(60);
            b.claim(
                    c,
                    random.nextInt(4),
                    random.nextInt(15) != 0,
                    true,
                    from,
                    random.nextInt(5) == 0 ? from + 2 : NONE,
                    from,
                    'O',
                    'B',
                    NONE,
                    random.nextBoolean());
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                boolean service = random.nextBoolean();
                b.line(
                        service,
                        random.nextInt(3),
                        true,
                        random.nextInt(20) != 0,
                        'B',
                        service ? "CCVVSDAO".charAt(random.nextInt(8)) : (char) 0,
                        15,
                        random.nextInt(3) == 0 ? 5 + random.nextInt(10) : 0,
                        random.nextInt(6) == 0 ? from - 3 - random.nextInt(20) : NONE,
                        random.nextInt(6) == 0 ? from + 3 + random.nextInt(20) : NONE,
                        100L * (1 + random.nextInt(3)),
                        random.nextInt(5) == 0 ? 100 : NO_AMOUNT,
                        10_00,
                        NO_AMOUNT,
                        10_00,
                        0);
                int candidates = 1 + random.nextInt(2);
                for (int k = 0; k < candidates; k++) {
                    int[] max = new int[CATEGORIES], counted = new int[CATEGORIES];
                    for (int g = 0; g < CATEGORIES; g++) {
                        max[g] = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : NONE;
                        counted[g] = random.nextInt(2);
                    }
                    b.candidate(
                            10 + k,
                            100 + random.nextInt(2),
                            start + random.nextInt(20),
                            start + 40 + random.nextInt(30),
                            start - 100,
                            false,
                            NONE,
                            NONE,
                            random.nextInt(3) == 0 ? 2 + random.nextInt(6) : NONE,
                            NONE,
                            max,
                            counted,
                            100L * random.nextInt(2),
                            'P',
                            new char[] {'C', 'C', 'C'},
                            new long[] {100_00, 100_00, 100_00},
                            new long[] {100_00, 100_00, 100_00});
                }
            }
        }
        return b;
    }

    /** Claim {@code c} of {@code from} alone, with the loader's view of the claims before it ({@code done}). */
    static CheckBatch alone(CheckBatch from, int c, CheckBatch done) {
        CheckBatch b = new CheckBatch(1, 8, 32);
        b.claim(
                from.claimId[c],
                from.insureeId[c],
                from.familyValid[c],
                from.covered[c],
                from.dateFrom[c],
                from.dateTo[c],
                from.dateClaimed[c],
                (char) from.visitType[c],
                (char) from.facilityCareType[c],
                from.adultFrom[c],
                from.male[c]);
        int td = CheckStep.targetDate(from, c);
        for (int l = from.firstLine[c]; l < from.endLine[c]; l++) {
            int before = from.otherTdBefore[l], after = from.otherTdAfter[l];
            for (int e = 0; e < c; e++)
                if (done.insureeId[e] == from.insureeId[c] && done.status[e] > 2 && passes(done, e, from, l)) {
                    int other = CheckStep.targetDate(done, e);
                    if (other <= td) before = before == NONE ? other : Math.max(before, other);
                    else after = after == NONE ? other : Math.min(after, other);
                }
            b.line(
                    from.service[l],
                    from.medicalId[l],
                    from.registerValid[l],
                    from.inPriceList[l],
                    (char) from.careType[l],
                    (char) from.serviceCategory[l],
                    from.patientCategory[l],
                    from.frequency[l],
                    before,
                    after,
                    from.qtyProvided[l],
                    from.qtyApproved[l],
                    from.priceAsked[l],
                    from.priceApproved[l],
                    from.priceListPrice[l],
                    from.priorRejection[l]);
            for (int k = from.firstCandidate[l]; k < from.endCandidate[l]; k++) {
                int[] max = new int[CATEGORIES], counted = new int[CATEGORIES];
                for (int g = 0; g < CATEGORIES; g++) {
                    max[g] = from.maxClaims[g][k];
                    counted[g] = from.claimsCounted[g][k];
                }
                long used = from.usedQuantity[k];
                for (int e = 0; e < c; e++) {
                    int other = CheckStep.targetDate(done, e);
                    if (done.insureeId[e] != from.insureeId[c]
                            || done.status[e] <= 2
                            || other < from.candidateCoveredFrom[k]
                            || other > from.candidateCountTo[k]) continue;
                    int g = CATEGORY_OF[done.category[e]];
                    if (g >= 0) counted[g]++;
                    for (int o = done.firstLine[e]; o < done.endLine[e]; o++)
                        if (done.lineStatus[o] == 1
                                && done.service[o] == from.service[l]
                                && done.medicalId[o] == from.medicalId[l])
                            used += done.qtyApprovedOut[o] != NO_AMOUNT ? done.qtyApprovedOut[o] : done.qtyProvided[o];
                }
                char[] type = new char[3];
                long[] adult = new long[3], child = new long[3];
                for (int v = 0; v < 3; v++) {
                    type[v] = (char) from.limitationType[v][k];
                    adult[v] = from.limitAdult[v][k];
                    child[v] = from.limitChild[v][k];
                }
                b.candidate(
                        from.candidatePolicy[k],
                        from.candidateProduct[k],
                        from.candidateCoveredFrom[k],
                        from.candidateCountTo[k],
                        from.candidatePolicyEffective[k],
                        from.candidateNewPolicy[k],
                        from.waitingAdult[k],
                        from.waitingChild[k],
                        from.limitNoAdult[k],
                        from.limitNoChild[k],
                        max,
                        counted,
                        used,
                        (char) from.candidatePriceOrigin[k],
                        type,
                        adult,
                        child);
            }
        }
        return b;
    }

    /** Whether claim {@code e} of {@code done} has a passed line of line {@code l}'s item or service. */
    static boolean passes(CheckBatch done, int e, CheckBatch from, int l) {
        for (int o = done.firstLine[e]; o < done.endLine[e]; o++)
            if (done.lineStatus[o] == 1 && done.service[o] == from.service[l] && done.medicalId[o] == from.medicalId[l])
                return true;
        return false;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void a_batch_is_checked_as_its_claims_one_after_another(long seed) {
        for (RuleSet rules : RuleSet.values()) {
            CheckBatch batch = random(300, seed);
            CheckBatch reference = random(300, seed);

            CheckStep.run(batch, rules);
            for (int c = 0; c < reference.claims(); c++) {
                CheckBatch one = alone(reference, c, reference);
                CheckStep.run(one, rules);
                copyBack(one, reference, c);
            }

            String as = rules + ", seed " + seed;
            int rejectedByBatch = 0;
            for (int c = 0; c < batch.claims(); c++) {
                assertThat(batch.status[c]).as("status of claim %d, %s", c, as).isEqualTo(reference.status[c]);
                assertThat(batch.claimRejection[c])
                        .as("reason of claim %d, %s", c, as)
                        .isEqualTo(reference.claimRejection[c]);
                assertThat(batch.approved[c])
                        .as("Approved of claim %d, %s", c, as)
                        .isEqualTo(reference.approved[c]);
            }
            for (int l = 0; l < batch.lines(); l++) {
                assertThat(batch.rejection[l])
                        .as("reason of line %d, %s", l, as)
                        .isEqualTo(reference.rejection[l]);
                assertThat(batch.qtyApprovedOut[l])
                        .as("QtyApproved of line %d, %s", l, as)
                        .isEqualTo(reference.qtyApprovedOut[l]);
                assertThat(batch.productId[l])
                        .as("product of line %d, %s", l, as)
                        .isEqualTo(reference.productId[l]);
                int reason = batch.rejection[l];
                if (reason == 5 || reason == 16 || (reason >= 11 && reason <= 15) || reason == 19) rejectedByBatch++;
            }
            assertThat(rejectedByBatch)
                    .as("lines rejected 5, 16 or a category maximum, %s", as)
                    .isGreaterThan(20);
        }
    }

    static void copyBack(CheckBatch one, CheckBatch into, int c) {
        into.status[c] = one.status[0];
        into.claimRejection[c] = one.claimRejection[0];
        into.category[c] = one.category[0];
        into.approved[c] = one.approved[0];
        for (int l = 0; l < one.lines(); l++) {
            int m = into.firstLine[c] + l;
            into.rejection[m] = one.rejection[l];
            into.lineStatus[m] = one.lineStatus[l];
            into.qtyApprovedOut[m] = one.qtyApprovedOut[l];
            into.productId[m] = one.productId[l];
        }
    }
}
