package org.healthclaims.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthclaims.engine.kernel.CheckBatch.NONE;
import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;
import static org.healthclaims.engine.kernel.ValuationBatch.IN_PATIENT;
import static org.healthclaims.engine.kernel.ValuationBatch.OUT_PATIENT;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch is valued as if its claims were processed one after another, each seeing the ledger rows the ones before
 * it wrote (domain.md §4.2 step 3 and 7): the kernel's in-batch ledger (chains of rows by policy and by policy and
 * insuree) against a reference that values every claim alone in a batch of one, its previous consumption summed by
 * brute force from the reference's own earlier results. Random batches from a fixed seed, few insurees and
 * policies so that rows repeat, every deductible and ceiling level and kind.
 */
class ValuationStepInBatchTest {

    static final long N = NO_AMOUNT;

    static final int POLICIES = 3, INSUREES = 5;

    /** Settings per policy id (kind × level), drawn once; a third of the amounts unset. */
    static final class Products {
        final long[][][] deductible = new long[POLICIES][3][3], ceiling = new long[POLICIES][3][3];
        final long[][] extra = new long[POLICIES][3], cap = new long[POLICIES][3], maxAmount = new long[POLICIES][5];
    }

    static Products products(Random random) {
        Products products = new Products();
        long[][][] deductible = products.deductible, ceiling = products.ceiling;
        long[][] extra = products.extra, cap = products.cap, maxAmount = products.maxAmount;
        for (int policy = 0; policy < POLICIES; policy++) {
            for (int kind = 0; kind < 3; kind++) {
                for (int level = 0; level < 3; level++) {
                    deductible[policy][kind][level] = random.nextInt(3) == 0 ? 10_00L * random.nextInt(20) : N;
                    ceiling[policy][kind][level] = random.nextInt(3) == 0 ? 100_00L * random.nextInt(50) : N;
                }
                extra[policy][kind] = random.nextBoolean() ? 50_00L * random.nextInt(5) : N;
                cap[policy][kind] = random.nextBoolean() ? 100_00L * random.nextInt(60) : N;
            }
            for (int g = 0; g < 5; g++)
                maxAmount[policy][g] = random.nextInt(3) == 0 ? 100_00L * random.nextInt(30) : N;
        }
        // every level and kind in use whatever the draw: policy 0 general per insuree / per policy, policy 1 in-
        // and out-patient only, policy 2 per treatment
        for (int kind = 0; kind < 3; kind++)
            for (int level = 0; level < 3; level++) {
                deductible[1][kind][level] = kind == ValuationBatch.GENERAL ? N : deductible[1][kind][level];
                ceiling[1][kind][level] = kind == ValuationBatch.GENERAL ? N : ceiling[1][kind][level];
            }
        deductible[0][ValuationBatch.GENERAL][ValuationBatch.INSUREE] = 50_00;
        ceiling[0][ValuationBatch.GENERAL][ValuationBatch.POLICY] = 2_000_00;
        deductible[1][IN_PATIENT][ValuationBatch.POLICY] = 80_00;
        deductible[1][OUT_PATIENT][ValuationBatch.INSUREE] = 30_00;
        ceiling[1][IN_PATIENT][ValuationBatch.INSUREE] = 1_500_00;
        ceiling[1][OUT_PATIENT][ValuationBatch.POLICY] = 900_00;
        deductible[2][ValuationBatch.GENERAL][ValuationBatch.TREATMENT] = 20_00;
        ceiling[2][ValuationBatch.GENERAL][ValuationBatch.TREATMENT] = 300_00;
        return products;
    }

    static ValuationBatch random(int claims, long seed) {
        Random random = new Random(seed);
        Products products = products(random);
        long[][][] ledgerPolicy = new long[POLICIES][2][3]; // [policy][deducted, remunerated][kind]
        long[][][][] ledgerInsuree = new long[POLICIES][INSUREES][2][3]; // [policy][insuree][ded, rem][kind]
        for (int policy = 0; policy < POLICIES; policy++)
            for (int kind = 0; kind < 3; kind++) {
                ledgerPolicy[policy][0][kind] = 5_00L * random.nextInt(10);
                ledgerPolicy[policy][1][kind] = 50_00L * random.nextInt(20);
                for (int insuree = 0; insuree < INSUREES; insuree++) {
                    ledgerInsuree[policy][insuree][0][kind] = 5_00L * random.nextInt(5);
                    ledgerInsuree[policy][insuree][1][kind] = 50_00L * random.nextInt(10);
                }
            }
        ValuationBatch b = new ValuationBatch(claims, claims * 2, claims * 6);
        char[] categories = {'V', 'C', 'S', 'D', 'A', 'H', 'O'};
        for (int c = 0; c < claims; c++) {
            int insuree = random.nextInt(INSUREES);
            b.claim(
                    c,
                    insuree,
                    random.nextBoolean(),
                    random.nextBoolean(),
                    random.nextInt(3) != 0,
                    categories[random.nextInt(categories.length)]);
            int firstPolicy = random.nextInt(POLICIES);
            int policies = 1 + random.nextInt(2);
            for (int i = 0; i < policies; i++) {
                int policy = (firstPolicy + i) % POLICIES;
                b.policy(
                        policy,
                        policy == 1 ? 'H' : 'I',
                        1 + random.nextInt(6),
                        random.nextInt(3) == 0 ? NONE : random.nextInt(4),
                        products.deductible[policy],
                        products.ceiling[policy],
                        products.extra[policy],
                        products.cap[policy],
                        products.maxAmount[policy],
                        ledgerInsuree[policy][insuree][0],
                        ledgerPolicy[policy][0],
                        ledgerInsuree[policy][insuree][1],
                        ledgerPolicy[policy][1]);
            }
            int lines = 1 + random.nextInt(5);
            for (int l = 0; l < lines; l++) {
                boolean fixed = random.nextInt(4) == 0;
                b.line(
                        b.lines(),
                        random.nextBoolean(),
                        random.nextInt(policies),
                        100L * (1 + random.nextInt(4)),
                        10_00L * (1 + random.nextInt(30)),
                        N,
                        10_00L * (1 + random.nextInt(30)),
                        "PPPOR".charAt(random.nextInt(5)),
                        fixed ? 'F' : 'C',
                        fixed ? 10_00L * random.nextInt(20) : 10_00L * random.nextInt(11),
                        " BHN".charAt(random.nextInt(4)),
                        " BHN".charAt(random.nextInt(4)));
            }
        }
        return b;
    }

    /**
     * Claim {@code c} of {@code from} alone, its previous consumption = the ledger before the batch (as loaded) plus
     * the ledger rows of the claims before it, read from {@code done} (the reference's results for them).
     */
    static ValuationBatch alone(ValuationBatch from, int c, ValuationBatch done) {
        ValuationBatch b = new ValuationBatch(1, 4, 16);
        b.claim(
                from.claimId[c],
                from.insureeId[c],
                from.hospitalisation[c],
                from.hospitalFacility[c],
                from.adult[c],
                (char) from.category[c]);
        for (int p = from.firstPolicy[c]; p < from.endPolicy[c]; p++) {
            long[] dedInsuree = new long[3], dedPolicy = new long[3], remInsuree = new long[3], remPolicy = new long[3];
            for (int kind = 0; kind < 3; kind++) {
                dedInsuree[kind] = from.previousDeductibleInsuree[kind][p];
                dedPolicy[kind] = from.previousDeductiblePolicy[kind][p];
                remInsuree[kind] = from.previousRemuneratedInsuree[kind][p];
                remPolicy[kind] = from.previousRemuneratedPolicy[kind][p];
            }
            for (int e = 0; e < c; e++)
                for (int q = done.firstPolicy[e]; q < done.endPolicy[e]; q++) {
                    if (done.policyId[q] != from.policyId[p]) continue;
                    int kind = done.hospitalVisit[q] ? IN_PATIENT : OUT_PATIENT;
                    boolean sameInsuree = done.insureeId[e] == from.insureeId[c];
                    for (int k : new int[] {ValuationBatch.GENERAL, kind}) {
                        dedPolicy[k] += done.deducted[q];
                        remPolicy[k] += done.remunerated[q];
                        if (sameInsuree) {
                            dedInsuree[k] += done.deducted[q];
                            remInsuree[k] += done.remunerated[q];
                        }
                    }
                }
            long[][] deductible = new long[3][3], ceiling = new long[3][3];
            long[] extra = new long[3], cap = new long[3], maxAmount = new long[5];
            for (int kind = 0; kind < 3; kind++) {
                for (int level = 0; level < 3; level++) {
                    deductible[kind][level] = from.deductible[kind][level][p];
                    ceiling[kind][level] = from.ceiling[kind][level][p];
                }
                extra[kind] = from.extraMember[kind][p];
                cap[kind] = from.ceilingCap[kind][p];
            }
            for (int g = 0; g < 5; g++) maxAmount[g] = from.maxAmount[g][p];
            b.policy(
                    from.policyId[p],
                    (char) from.ceilingInterpretation[p],
                    from.members[p],
                    from.threshold[p],
                    deductible,
                    ceiling,
                    extra,
                    cap,
                    maxAmount,
                    dedInsuree,
                    dedPolicy,
                    remInsuree,
                    remPolicy);
        }
        for (int l = from.firstLine[c]; l < from.endLine[c]; l++)
            b.line(
                    from.lineId[l],
                    from.service[l],
                    from.linePolicy[l] - from.firstPolicy[c],
                    from.qty[l],
                    from.priceAsked[l],
                    from.priceApproved[l],
                    from.priceList[l],
                    (char) from.priceOrigin[l],
                    (char) from.limitation[l],
                    from.limitationValue[l],
                    (char) from.exclusionAdult[l],
                    (char) from.exclusionChild[l]);
        return b;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void a_batch_is_valued_as_its_claims_one_after_another(long seed) {
        ValuationBatch batch = random(400, seed);
        ValuationBatch reference = random(400, seed);
        for (RuleSet rules : RuleSet.values())
            for (boolean vector : new boolean[] {true, false}) {
                ValuationStep.run(batch, rules, vector);
                // the reference: claim by claim, each alone, its results copied back into the reference batch
                for (int c = 0; c < reference.claims(); c++) {
                    ValuationBatch one = alone(reference, c, reference);
                    ValuationStep.run(one, rules, false);
                    copyBack(one, reference, c);
                }

                String as = rules + (vector ? " vector" : " scalar") + ", seed " + seed;
                for (int c = 0; c < batch.claims(); c++) {
                    assertThat(batch.approved[c])
                            .as("Approved of claim %d, %s", c, as)
                            .isEqualTo(reference.approved[c]);
                    assertThat(batch.status[c])
                            .as("status of claim %d, %s", c, as)
                            .isEqualTo(reference.status[c]);
                }
                for (int p = 0; p < batch.policies(); p++) {
                    assertThat(batch.deducted[p])
                            .as("DedG of row %d, %s", p, as)
                            .isEqualTo(reference.deducted[p]);
                    assertThat(batch.remunerated[p])
                            .as("RemG of row %d, %s", p, as)
                            .isEqualTo(reference.remunerated[p]);
                }
                for (int l = 0; l < batch.lines(); l++) {
                    assertThat(batch.priceValuated[l])
                            .as("PriceValuated of line %d, %s", l, as)
                            .isEqualTo(reference.priceValuated[l]);
                    assertThat(batch.deductedAmount[l])
                            .as("deducted of line %d, %s", l, as)
                            .isEqualTo(reference.deductedAmount[l]);
                    assertThat(batch.exceedCeiling[l])
                            .as("over the ceiling, line %d, %s", l, as)
                            .isEqualTo(reference.exceedCeiling[l]);
                    assertThat(batch.exceedCeilingCategory[l])
                            .as("over the category, line %d, %s", l, as)
                            .isEqualTo(reference.exceedCeilingCategory[l]);
                }
            }
        assertThat(nonZero(batch.deducted, batch.policies()))
                .as("some deductibles taken")
                .isGreaterThan(10);
        assertThat(nonZero(batch.exceedCeiling, batch.lines()))
                .as("some ceilings reached")
                .isGreaterThan(10);
    }

    static void copyBack(ValuationBatch one, ValuationBatch into, int c) {
        into.approved[c] = one.approved[0];
        into.status[c] = one.status[0];
        for (int p = 0; p < one.policies(); p++) {
            int q = into.firstPolicy[c] + p;
            into.deducted[q] = one.deducted[p];
            into.remunerated[q] = one.remunerated[p];
            into.hospitalVisit[q] = one.hospitalVisit[p];
        }
        for (int l = 0; l < one.lines(); l++) {
            int m = into.firstLine[c] + l;
            into.priceValuated[m] = one.priceValuated[l];
            into.deductedAmount[m] = one.deductedAmount[l];
            into.exceedCeiling[m] = one.exceedCeiling[l];
            into.exceedCeilingCategory[m] = one.exceedCeilingCategory[l];
        }
    }

    static int nonZero(long[] column, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) if (column[i] != 0 && column[i] != NO_AMOUNT) count++;
        return count;
    }
}
