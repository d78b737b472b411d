package org.healthclaims.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthclaims.engine.kernel.CheckBatch.NONE;
import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;
import static org.healthclaims.engine.kernel.ValuationBatch.GENERAL;
import static org.healthclaims.engine.kernel.ValuationBatch.INSUREE;
import static org.healthclaims.engine.kernel.ValuationBatch.IN_PATIENT;
import static org.healthclaims.engine.kernel.ValuationBatch.OUT_PATIENT;
import static org.healthclaims.engine.kernel.ValuationBatch.POLICY;
import static org.healthclaims.engine.kernel.ValuationBatch.TREATMENT;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases of the processing step (domain.md §4.2 with §4.7's readings): one small hand-made batch per valuation
 * path, expected line and claim amounts worked out by hand in the comments (amounts in currency units, the code in
 * cents). Every case runs with the line values in vector lanes and with the scalar reference ({@link Lanes}), and
 * under both rule sets: they differ only in rounding qty × price (modular truncates to whole units, legacy rounds to
 * cents), so the cases use whole amounts except in {@link Rounding}, where each rule set has its own expectation.
 *
 * <p>Coverage map (path → where; {@code ValuationStepTest} held the §9 scenario, modular, before these):
 *
 * <ul>
 *   <li>deductible treatment / insuree / policy, general and IP/OP, hospital visit by interpretation I and H, zero =
 *       unset, first level wins, previous from the ledger and from the batch: {@link Deductible} (ValuationStepTest:
 *       insuree, general).
 *   <li>ceiling treatment / insuree / policy, IP/OP, extra members with threshold and cap, nothing left, no ceiling:
 *       {@link Ceiling} (ValuationStepTest: policy with extra members, uncapped).
 *   <li>co-insurance adult (80 %) and child (50 %, the child's column is chosen at check, see CheckStepGoldenTest),
 *       after the deductible, 0 = none, half-up: {@link Co_insurance_and_fixed}; fixed limitation, 0 = no cap, above
 *       the price: same (ValuationStepTest: the §9 oxytocin and CLM-OWN).
 *   <li>category caps S, D, A, H, C in all three branches, not for V and O: {@link Category_caps} (ValuationStepTest:
 *       surgery, over).
 *   <li>ceiling exclusion adult and child × B / H / N × hospital or not: {@link Ceiling_exclusion}
 *       (ValuationStepTest: adult H).
 *   <li>price origin O / P / R, reviewer's PriceApproved, claim status 8 / 16, two policies in a claim:
 *       {@link Prices_and_outcome} (ValuationStepTest: O, P, R). The reviewer's QtyApproved reaches the kernel as its
 *       quantity (the loader reads QtyApproved ?? QtyProvided); at check it is in CheckStepGoldenTest.
 *   <li>legacy rounding to cents vs modular truncation, and the half-up points: {@link Rounding} (ValuationStepTest:
 *       3 × 3.33).
 * </ul>
 */
class ValuationStepGoldenTest {

    static final long N = NO_AMOUNT;

    /** Which pass computes the line values: the Vector API lanes or the scalar reference. */
    enum Lanes {
        VECTOR,
        SCALAR
    }

    static Stream<Arguments> lanesAndRules() {
        return Stream.of(Lanes.values())
                .flatMap(lanes -> Stream.of(RuleSet.values()).map(rules -> Arguments.of(lanes, rules)));
    }

    /** A product's deductibles and ceilings ([kind][level]), extra-member amounts, caps, maximum amounts. */
    static final class Product {
        char interpretation = 'I';
        int threshold = NONE;
        final long[][] deductible = unset3x3(), ceiling = unset3x3();
        final long[] extraMember = {N, N, N}, ceilingCap = {N, N, N}, maxAmount = {N, N, N, N, N};

        Product deductible(int kind, int level, long cents) {
            deductible[kind][level] = cents;
            return this;
        }

        Product ceiling(int kind, int level, long cents) {
            ceiling[kind][level] = cents;
            return this;
        }

        Product extraMembers(int kind, int threshold, long perMember, long cap) {
            this.threshold = threshold;
            extraMember[kind] = perMember;
            ceilingCap[kind] = cap;
            return this;
        }

        Product maxAmount(int category, long cents) {
            maxAmount[category] = cents;
            return this;
        }

        Product byFacility() {
            interpretation = 'H';
            return this;
        }

        static long[][] unset3x3() {
            return new long[][] {{N, N, N}, {N, N, N}, {N, N, N}};
        }
    }

    static Product product() {
        return new Product();
    }

    /** A valuation batch written case by case; lines default to 100 % co-insurance at the price-list price. */
    static final class Cases {
        final ValuationBatch b = new ValuationBatch(32, 64, 256);
        int c = -1, p = -1, l = -1;

        /** A claim of insuree {@code insuree}: hospitalisation (claim type), hospital facility, adult, category. */
        Cases claim(long insuree, boolean hospitalisation, boolean hospitalFacility, boolean adult, char category) {
            c = b.claim(b.claims() + 1, insuree, hospitalisation, hospitalFacility, adult, category);
            return this;
        }

        /** An out-patient visit of an adult, insuree 1. */
        Cases claim() {
            return claim(1, false, false, true, 'V');
        }

        Cases policy(long id, Product product, int members) {
            long[] nothing = {0, 0, 0};
            p = b.policy(
                    id,
                    product.interpretation,
                    members,
                    product.threshold,
                    product.deductible,
                    product.ceiling,
                    product.extraMember,
                    product.ceilingCap,
                    product.maxAmount,
                    nothing,
                    nothing,
                    nothing,
                    nothing);
            return this;
        }

        Cases policy(long id, Product product) {
            return policy(id, product, 1);
        }

        /** What the ledger holds for the last policy before the batch, of kind {@code kind}. */
        Cases ledger(int kind, long deductedInsuree, long deductedPolicy, long remuneratedInsuree, long remunerated) {
            b.previousDeductibleInsuree[kind][p] = deductedInsuree;
            b.previousDeductiblePolicy[kind][p] = deductedPolicy;
            b.previousRemuneratedInsuree[kind][p] = remuneratedInsuree;
            b.previousRemuneratedPolicy[kind][p] = remunerated;
            return this;
        }

        /** A line of the last claim on its first policy: quantity (units), asked and price-list prices (cents). */
        Cases line(double qty, long asked, long list, char origin, char limitation, long limit) {
            l = b.line(
                    b.lines() + 1,
                    false,
                    0,
                    Math.round(qty * 100),
                    asked,
                    N,
                    list,
                    origin,
                    limitation,
                    limit,
                    (char) 0,
                    (char) 0);
            return this;
        }

        Cases line(double qty, long price) {
            return line(qty, price, price, 'P', 'C', 100_00);
        }

        Cases onPolicy(int policyOfClaim) {
            b.linePolicy[l] = b.firstPolicy[c] + policyOfClaim;
            return this;
        }

        Cases exclusion(char adult, char child) {
            b.exclusionAdult[l] = (byte) adult;
            b.exclusionChild[l] = (byte) child;
            return this;
        }

        Cases priceApproved(long cents) {
            b.priceApproved[l] = cents;
            return this;
        }

        /**
         * Values the batch. For the vector lanes, lines of a claim of its own (another insuree and policy, after the
         * case, so it changes nothing before it) fill the batch to a multiple of 8 lines: the lanes (2, 4 or 8 per
         * vector) then take every line of the case, none is left to the scalar tail.
         */
        ValuationBatch run(Lanes lanes, RuleSet rules) {
            if (lanes == Lanes.VECTOR) {
                assertThat(LineValues.VECTORISED)
                        .as("the tests run with --add-modules jdk.incubator.vector")
                        .isTrue();
                if (b.lines() % 8 != 0) {
                    claim(999_999, false, false, true, 'V').policy(999_999, product());
                    while (b.lines() % 8 != 0) line(1, 1_00);
                }
            }
            ValuationStep.run(b, rules, lanes == Lanes.VECTOR);
            return b;
        }
    }

    static Cases cases() {
        return new Cases();
    }

    static long[] valuated(ValuationBatch b, int... lines) {
        return Arrays.stream(lines).mapToLong(line -> b.priceValuated[line]).toArray();
    }

    static long[] approved(ValuationBatch b, int... claims) {
        return Arrays.stream(claims).mapToLong(claim -> b.approved[claim]).toArray();
    }

    @Nested
    @DisplayName("deductible")
    class Deductible {

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void per_treatment_each_claim_pays_it_afresh_whatever_the_ledger(Lanes lanes, RuleSet rules) {
            // DedTreatment 50 (the ledger's 500 deducted from the insuree does not matter)
            // claim 1: 30 → all deducted, paid 0; 40 → 20 deducted, paid 20; claim 2: 100 → 50 deducted, paid 50
            Product product = product().deductible(GENERAL, TREATMENT, 50_00);
            ValuationBatch b = cases().claim()
                    .policy(10, product)
                    .ledger(GENERAL, 500_00, 500_00, 0, 0)
                    .line(1, 30_00)
                    .line(1, 40_00)
                    .claim()
                    .policy(10, product)
                    .ledger(GENERAL, 500_00, 500_00, 0, 0)
                    .line(1, 100_00)
                    .run(lanes, rules);

            assertThat(new long[] {b.deductedAmount[0], b.deductedAmount[1], b.deductedAmount[2]})
                    .containsExactly(30_00, 20_00, 50_00);
            assertThat(valuated(b, 0, 1, 2)).containsExactly(0, 20_00, 50_00);
            assertThat(approved(b, 0, 1)).containsExactly(20_00, 50_00);
            assertThat(new long[] {b.deducted[0], b.deducted[1]}).containsExactly(50_00, 50_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void per_insuree_the_insuree_s_earlier_deductions_count_and_another_insuree_s_do_not(
                Lanes lanes, RuleSet rules) {
            // DedInsuree 100. Insuree 1 had 60 deducted before (ledger; the policy's 1000 is not hers)
            // claim 1 (insuree 1): 80 → 40 left, deducted 40, paid 40
            // claim 2 (insuree 2, nothing before): 150 → deducted 100, paid 50
            // claim 3 (insuree 1): 60 + 40 = 100 used, nothing left: 30 paid whole
            Product product = product().deductible(GENERAL, INSUREE, 100_00);
            ValuationBatch b = cases().claim(1, false, false, true, 'V')
                    .policy(10, product)
                    .ledger(GENERAL, 60_00, 1000_00, 0, 0)
                    .line(1, 80_00)
                    .claim(2, false, false, true, 'V')
                    .policy(10, product)
                    .ledger(GENERAL, 0, 1000_00, 0, 0)
                    .line(1, 150_00)
                    .claim(1, false, false, true, 'V')
                    .policy(10, product)
                    .ledger(GENERAL, 60_00, 1000_00, 0, 0)
                    .line(1, 30_00)
                    .run(lanes, rules);

            assertThat(new long[] {b.deductedAmount[0], b.deductedAmount[1], b.deductedAmount[2]})
                    .containsExactly(40_00, 100_00, 0);
            assertThat(approved(b, 0, 1, 2)).containsExactly(40_00, 50_00, 30_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void per_policy_every_member_s_deductions_count(Lanes lanes, RuleSet rules) {
            // DedPolicy 100, the policy had 30 deducted before
            // claim 1 (insuree 1): 50 → 70 left, all deducted, paid 0
            // claim 2 (insuree 2): 30 + 50 = 80 used, 20 left: 50 → deducted 20, paid 30
            Product product = product().deductible(GENERAL, POLICY, 100_00);
            ValuationBatch b = cases().claim(1, false, false, true, 'V')
                    .policy(10, product)
                    .ledger(GENERAL, 0, 30_00, 0, 0)
                    .line(1, 50_00)
                    .claim(2, false, false, true, 'V')
                    .policy(10, product)
                    .ledger(GENERAL, 0, 30_00, 0, 0)
                    .line(1, 50_00)
                    .run(lanes, rules);

            assertThat(new long[] {b.deductedAmount[0], b.deductedAmount[1]}).containsExactly(50_00, 20_00);
            assertThat(approved(b, 0, 1)).containsExactly(0, 30_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void without_a_general_one_a_hospitalisation_takes_the_in_patient_treatment_deductible(
                Lanes lanes, RuleSet rules) {
            // interpretation I: DedIPTreatment 200, DedOPTreatment 20
            // hospitalised (DateTo > DateFrom): 500 − 200 = 300; one-day visit: 500 − 20 = 480
            Product product =
                    product().deductible(IN_PATIENT, TREATMENT, 200_00).deductible(OUT_PATIENT, TREATMENT, 20_00);
            ValuationBatch b = cases().claim(1, true, false, true, 'H')
                    .policy(10, product)
                    .line(1, 500_00)
                    .claim(1, false, false, true, 'V')
                    .policy(10, product)
                    .line(1, 500_00)
                    .run(lanes, rules);

            assertThat(new boolean[] {b.hospitalVisit[0], b.hospitalVisit[1]}).containsExactly(true, false);
            assertThat(approved(b, 0, 1)).containsExactly(300_00, 480_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void by_facility_level_a_hospital_decides_and_in_and_out_patient_deductions_are_counted_apart(
                Lanes lanes, RuleSet rules) {
            // interpretation H: DedIPInsuree 100, DedOPInsuree 10; ledger: IP 30, OP 5 (general 1000 not read)
            // claim 1: hospitalised at a dispensary → OP: 10 − 5 = 5 left; 100 → 95
            // claim 2: one day at a hospital → IP: 100 − 30 = 70 left; 100 → 30
            // claim 3: at a hospital again → IP used 30 + 70 (claim 1's OP 5 not counted): 100 paid whole
            Product product = product()
                    .byFacility()
                    .deductible(IN_PATIENT, INSUREE, 100_00)
                    .deductible(OUT_PATIENT, INSUREE, 10_00);
            Cases cases = cases();
            for (boolean[] visit : new boolean[][] {{true, false}, {false, true}, {false, true}})
                cases.claim(1, visit[0], visit[1], true, 'V')
                        .policy(10, product)
                        .ledger(GENERAL, 1000_00, 1000_00, 0, 0)
                        .ledger(IN_PATIENT, 30_00, 30_00, 0, 0)
                        .ledger(OUT_PATIENT, 5_00, 5_00, 0, 0)
                        .line(1, 100_00);

            ValuationBatch b = cases.run(lanes, rules);

            assertThat(new boolean[] {b.hospitalVisit[0], b.hospitalVisit[1], b.hospitalVisit[2]})
                    .containsExactly(false, true, true);
            assertThat(approved(b, 0, 1, 2)).containsExactly(95_00, 30_00, 100_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void per_policy_in_and_out_patient(Lanes lanes, RuleSet rules) {
            // DedIPPolicy 100, DedOPPolicy 40, nothing before
            // claim 1 (insuree 1, IP): 60 → all deducted, 0; claim 2 (insuree 2, IP): 40 left → 60 − 40 = 20
            // claim 3 (insuree 3, OP): 40 → 60 − 40 = 20
            Product product = product().deductible(IN_PATIENT, POLICY, 100_00).deductible(OUT_PATIENT, POLICY, 40_00);
            ValuationBatch b = cases().claim(1, true, false, true, 'H')
                    .policy(10, product)
                    .line(1, 60_00)
                    .claim(2, true, false, true, 'H')
                    .policy(10, product)
                    .line(1, 60_00)
                    .claim(3, false, false, true, 'V')
                    .policy(10, product)
                    .line(1, 60_00)
                    .run(lanes, rules);

            assertThat(approved(b, 0, 1, 2)).containsExactly(0, 20_00, 20_00);
            assertThat(new long[] {b.deducted[0], b.deducted[1], b.deducted[2]}).containsExactly(60_00, 40_00, 40_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void the_first_level_set_wins_a_general_one_beats_in_patient_and_zero_is_not_set(Lanes lanes, RuleSet rules) {
            // A: DedTreatment 10 and DedInsuree 50 → treatment: 100 − 10 = 90
            // B: DedInsuree 10 and DedIPTreatment 100, hospitalised → general insuree: 100 − 10 = 90
            // C: DedTreatment 0 (not set) and DedInsuree 25 → insuree: 100 − 25 = 75
            ValuationBatch b = cases().claim(1, false, false, true, 'V')
                    .policy(10, product().deductible(GENERAL, TREATMENT, 10_00).deductible(GENERAL, INSUREE, 50_00))
                    .line(1, 100_00)
                    .claim(2, true, false, true, 'H')
                    .policy(20, product().deductible(GENERAL, INSUREE, 10_00).deductible(IN_PATIENT, TREATMENT, 100_00))
                    .line(1, 100_00)
                    .claim(3, false, false, true, 'V')
                    .policy(30, product().deductible(GENERAL, TREATMENT, 0).deductible(GENERAL, INSUREE, 25_00))
                    .line(1, 100_00)
                    .run(lanes, rules);

            assertThat(approved(b, 0, 1, 2)).containsExactly(90_00, 90_00, 75_00);
        }
    }

    @Nested
    @DisplayName("ceiling")
    class Ceiling {

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void per_treatment_each_claim_has_the_whole_ceiling(Lanes lanes, RuleSet rules) {
            // MaxTreatment 100: claim 1: 60 paid, then 40 left of 60: paid 40, 20 over; claim 2: 60 paid
            Product product = product().ceiling(GENERAL, TREATMENT, 100_00);
            ValuationBatch b = cases().claim()
                    .policy(10, product)
                    .line(1, 60_00)
                    .line(1, 60_00)
                    .claim()
                    .policy(10, product)
                    .line(1, 60_00)
                    .run(lanes, rules);

            assertThat(valuated(b, 0, 1, 2)).containsExactly(60_00, 40_00, 60_00);
            assertThat(new long[] {b.exceedCeiling[0], b.exceedCeiling[1], b.exceedCeiling[2]})
                    .containsExactly(0, 20_00, 0);
            assertThat(approved(b, 0, 1)).containsExactly(100_00, 60_00);
            assertThat(new long[] {b.remunerated[0], b.remunerated[1]}).containsExactly(100_00, 60_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void per_insuree_what_the_insuree_was_paid_before_counts(Lanes lanes, RuleSet rules) {
            // MaxInsuree 100; insuree 1 was paid 30 before
            // claim 1 (insuree 1): 50 of 70 left; claim 2 (insuree 2): 90 of 100
            // claim 3 (insuree 1): 30 + 50 = 80 used, 20 left: 50 → 20 paid, 30 over
            Product product = product().ceiling(GENERAL, INSUREE, 100_00);
            ValuationBatch b = cases().claim(1, false, false, true, 'V')
                    .policy(10, product)
                    .ledger(GENERAL, 0, 0, 30_00, 30_00)
                    .line(1, 50_00)
                    .claim(2, false, false, true, 'V')
                    .policy(10, product)
                    .ledger(GENERAL, 0, 0, 0, 30_00)
                    .line(1, 90_00)
                    .claim(1, false, false, true, 'V')
                    .policy(10, product)
                    .ledger(GENERAL, 0, 0, 30_00, 30_00)
                    .line(1, 50_00)
                    .run(lanes, rules);

            assertThat(approved(b, 0, 1, 2)).containsExactly(50_00, 90_00, 20_00);
            assertThat(b.exceedCeiling[2]).isEqualTo(30_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void per_policy_every_member_s_payments_count_and_nothing_left_pays_nothing(Lanes lanes, RuleSet rules) {
            // MaxPolicy 100 (no threshold), the policy paid 20 before
            // claim 1 (insuree 1): 50 of 80 left; claim 2 (insuree 2): 20 + 50 = 70 used: 30 of 50, 20 over
            // claim 3 (insuree 3): 100 used: 40 → 0 paid, 40 over
            Product product = product().ceiling(GENERAL, POLICY, 100_00);
            ValuationBatch b = cases().claim(1, false, false, true, 'V')
                    .policy(10, product, 3)
                    .ledger(GENERAL, 0, 0, 0, 20_00)
                    .line(1, 50_00)
                    .claim(2, false, false, true, 'V')
                    .policy(10, product, 3)
                    .ledger(GENERAL, 0, 0, 0, 20_00)
                    .line(1, 50_00)
                    .claim(3, false, false, true, 'V')
                    .policy(10, product, 3)
                    .ledger(GENERAL, 0, 0, 0, 20_00)
                    .line(1, 40_00)
                    .run(lanes, rules);

            assertThat(approved(b, 0, 1, 2)).containsExactly(50_00, 30_00, 0);
            assertThat(new long[] {b.exceedCeiling[0], b.exceedCeiling[1], b.exceedCeiling[2]})
                    .containsExactly(0, 20_00, 40_00);
            assertThat(b.priceValuated[2]).isZero();
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void a_ledger_already_over_the_ceiling_pays_nothing(Lanes lanes, RuleSet rules) {
            // MaxInsuree 100, paid 120 before: left −20 → 0 paid, 50 over
            ValuationBatch b = cases().claim()
                    .policy(10, product().ceiling(GENERAL, INSUREE, 100_00))
                    .ledger(GENERAL, 0, 0, 120_00, 120_00)
                    .line(1, 50_00)
                    .run(lanes, rules);

            assertThat(b.approved[0]).isZero();
            assertThat(b.exceedCeiling[0]).isEqualTo(50_00);
            assertThat(b.remunerated[0]).isZero();
        }

        /** One line of 170 under MaxPolicy 100 with {@code members} members. */
        long policyCeiling(Product product, int members, Lanes lanes, RuleSet rules) {
            ValuationBatch b = cases().claim()
                    .policy(10, product.ceiling(GENERAL, POLICY, 100_00), members)
                    .line(1, 170_00)
                    .run(lanes, rules);
            assertThat(b.approved[0] + b.exceedCeiling[0]).isEqualTo(170_00);
            return b.approved[0];
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void the_policy_ceiling_grows_by_the_extra_members_above_the_threshold_up_to_its_cap(
                Lanes lanes, RuleSet rules) {
            // threshold 2, 30 per extra member: 4 members → 100 + 2 × 30 = 160 (cap 200 not reached)
            assertThat(policyCeiling(product().extraMembers(GENERAL, 2, 30_00, 200_00), 4, lanes, rules))
                    .isEqualTo(160_00);
            // the same capped at 150
            assertThat(policyCeiling(product().extraMembers(GENERAL, 2, 30_00, 150_00), 4, lanes, rules))
                    .isEqualTo(150_00);
            // members = threshold: 100
            assertThat(policyCeiling(product().extraMembers(GENERAL, 2, 30_00, 200_00), 2, lanes, rules))
                    .isEqualTo(100_00);
            // no threshold (null): no extra-member rule, 100
            assertThat(policyCeiling(product().extraMembers(GENERAL, NONE, 30_00, 200_00), 5, lanes, rules))
                    .isEqualTo(100_00);
            // no extra-member amount: 100 (the cap 150 is above it either way)
            assertThat(policyCeiling(product().extraMembers(GENERAL, 2, N, 150_00), 4, lanes, rules))
                    .isEqualTo(100_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void the_extra_member_rule_applies_only_at_the_policy_level(Lanes lanes, RuleSet rules) {
            // MaxInsuree 100 with extra members set (threshold 2, 30 each, 4 members): still 100 → 170 − 100 = 70 over
            ValuationBatch b = cases().claim()
                    .policy(10, product().ceiling(GENERAL, INSUREE, 100_00).extraMembers(GENERAL, 2, 30_00, 200_00), 4)
                    .line(1, 170_00)
                    .run(lanes, rules);

            assertThat(b.approved[0]).isEqualTo(100_00);
            assertThat(b.exceedCeiling[0]).isEqualTo(70_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void in_and_out_patient_policy_ceilings_have_their_own_extra_members_caps_and_counts(
                Lanes lanes, RuleSet rules) {
            // threshold 1, 3 members. IP: MaxIPPolicy 100 + 2 × 50 = 200, capped at 180; OP: MaxOPPolicy 60 +
            // 2 × 5 = 70, no cap; the general extra member (10) is not read.
            // claim 1 (IP): 250 → 180 paid, 70 over; claim 2 (OP, same policy): OP rows only count, 0 used:
            // 100 → 70 paid, 30 over
            Product product = product()
                    .ceiling(IN_PATIENT, POLICY, 100_00)
                    .ceiling(OUT_PATIENT, POLICY, 60_00)
                    .extraMembers(IN_PATIENT, 1, 50_00, 180_00)
                    .extraMembers(OUT_PATIENT, 1, 5_00, N)
                    .extraMembers(GENERAL, 1, 10_00, N);
            ValuationBatch b = cases().claim(1, true, false, true, 'H')
                    .policy(10, product, 3)
                    .line(1, 250_00)
                    .claim(2, false, false, true, 'V')
                    .policy(10, product, 3)
                    .line(1, 100_00)
                    .run(lanes, rules);

            assertThat(approved(b, 0, 1)).containsExactly(180_00, 70_00);
            assertThat(new long[] {b.exceedCeiling[0], b.exceedCeiling[1]}).containsExactly(70_00, 30_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void in_patient_treatment_and_out_patient_insuree_ceilings(Lanes lanes, RuleSet rules) {
            // MaxIPTreatment 300, MaxOPInsuree 50 with 20 paid to the insuree on OP before (IP 1000 not read)
            // claim 1 (OP): 40 → 30 left: 30 paid, 10 over; claim 2 (IP): 400 → 300 paid, 100 over
            Product product = product().ceiling(IN_PATIENT, TREATMENT, 300_00).ceiling(OUT_PATIENT, INSUREE, 50_00);
            ValuationBatch b = cases().claim(1, false, false, true, 'V')
                    .policy(10, product)
                    .ledger(OUT_PATIENT, 0, 0, 20_00, 20_00)
                    .ledger(IN_PATIENT, 0, 0, 1000_00, 1000_00)
                    .line(1, 40_00)
                    .claim(1, true, false, true, 'H')
                    .policy(10, product)
                    .ledger(OUT_PATIENT, 0, 0, 20_00, 20_00)
                    .ledger(IN_PATIENT, 0, 0, 1000_00, 1000_00)
                    .line(1, 400_00)
                    .run(lanes, rules);

            assertThat(approved(b, 0, 1)).containsExactly(30_00, 300_00);
            assertThat(new long[] {b.exceedCeiling[0], b.exceedCeiling[1]}).containsExactly(10_00, 100_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void a_general_ceiling_beats_the_in_patient_one_and_zero_is_not_set(Lanes lanes, RuleSet rules) {
            // A: MaxTreatment 1000 and MaxIPTreatment 10, hospitalised: 500 paid whole
            // B: MaxTreatment 0 (not set) and MaxInsuree 100: 500 → 100, 400 over
            ValuationBatch b = cases().claim(1, true, false, true, 'H')
                    .policy(10, product().ceiling(GENERAL, TREATMENT, 1000_00).ceiling(IN_PATIENT, TREATMENT, 10_00))
                    .line(1, 500_00)
                    .claim(2, false, false, true, 'V')
                    .policy(20, product().ceiling(GENERAL, TREATMENT, 0).ceiling(GENERAL, INSUREE, 100_00))
                    .line(1, 500_00)
                    .run(lanes, rules);

            assertThat(approved(b, 0, 1)).containsExactly(500_00, 100_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void without_any_ceiling_the_whole_value_is_paid_and_remunerated(Lanes lanes, RuleSet rules) {
            // 1000.00 × 9,999.99 = 9,999,990.00
            ValuationBatch b =
                    cases().claim().policy(10, product()).line(1000, 9_999_99).run(lanes, rules);

            assertThat(b.priceValuated[0]).isEqualTo(9_999_990_00L);
            assertThat(b.remunerated[0]).isEqualTo(9_999_990_00L);
            assertThat(b.exceedCeiling[0]).isZero();
        }
    }

    @Nested
    @DisplayName("co-insurance and fixed limitation")
    class Co_insurance_and_fixed {

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void the_co_insurance_percent_is_paid_after_the_deductible(Lanes lanes, RuleSet rules) {
            // adult's line at 80 % (as assigned at check): DedTreatment 50, 250 − 50 = 200, × 0.8 = 160
            // child's line at 50 % in another claim: 250 − 50 = 200, × 0.5 = 100
            Product product = product().deductible(GENERAL, TREATMENT, 50_00);
            ValuationBatch b = cases().claim(1, false, false, true, 'V')
                    .policy(10, product)
                    .line(1, 250_00, 250_00, 'P', 'C', 80_00)
                    .claim(2, false, false, false, 'V')
                    .policy(10, product)
                    .line(1, 250_00, 250_00, 'P', 'C', 50_00)
                    .run(lanes, rules);

            assertThat(valuated(b, 0, 1)).containsExactly(160_00, 100_00);
            assertThat(new long[] {b.deductedAmount[0], b.deductedAmount[1]}).containsExactly(50_00, 50_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void co_insurance_of_0_or_null_leaves_the_value_and_percentages_round_half_up(Lanes lanes, RuleSet rules) {
            // 0 % and null: 100 paid whole; 33.33 % of 10 = 3.333 → 3.33; 12.5 % of 1 = 0.125 → 0.13
            ValuationBatch b = cases().claim()
                    .policy(10, product())
                    .line(1, 100_00, 100_00, 'P', 'C', 0)
                    .line(1, 100_00, 100_00, 'P', 'C', N)
                    .line(1, 10_00, 10_00, 'P', 'C', 33_33)
                    .line(1, 1_00, 1_00, 'P', 'C', 12_50)
                    .run(lanes, rules);

            assertThat(valuated(b, 0, 1, 2, 3)).containsExactly(100_00, 100_00, 3_33, 13);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void a_fixed_limitation_caps_the_line_at_quantity_times_the_amount(Lanes lanes, RuleSet rules) {
            // 3 × 20 = 60: F 15 → 3 × 15 = 45; F 25 → 75 > 60, stays 60; F 0 → no cap, 60;
            // 2.5 × 20 = 50, F 15 → 2.5 × 15 = 37.50
            ValuationBatch b = cases().claim()
                    .policy(10, product())
                    .line(3, 20_00, 20_00, 'P', 'F', 15_00)
                    .line(3, 20_00, 20_00, 'P', 'F', 25_00)
                    .line(3, 20_00, 20_00, 'P', 'F', 0)
                    .line(2.5, 20_00, 20_00, 'P', 'F', 15_00)
                    .run(lanes, rules);

            assertThat(valuated(b, 0, 1, 2, 3)).containsExactly(45_00, 60_00, 60_00, 37_50);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void the_fixed_cap_comes_before_the_deductible(Lanes lanes, RuleSet rules) {
            // 3 × 20 = 60, F 15 → 45, then DedTreatment 10 → 35 (the deductible first would give
            // min(60 − 10, 45) = 45)
            ValuationBatch b = cases().claim()
                    .policy(10, product().deductible(GENERAL, TREATMENT, 10_00))
                    .line(3, 20_00, 20_00, 'P', 'F', 15_00)
                    .run(lanes, rules);

            assertThat(b.priceValuated[0]).isEqualTo(35_00);
            assertThat(b.deductedAmount[0]).isEqualTo(10_00);
        }
    }

    @Nested
    @DisplayName("category caps")
    class Category_caps {

        enum Category {
            S(ValuationBatch.SURGERY),
            D(ValuationBatch.DELIVERY),
            A(ValuationBatch.ANTENATAL),
            H(ValuationBatch.HOSPITALIZATION),
            C(ValuationBatch.CONSULTATION);

            final int index;

            Category(int index) {
                this.index = index;
            }
        }

        static Stream<Arguments> categoriesLanesAndRules() {
            return Stream.of(Category.values())
                    .flatMap(category -> lanesAndRules().map(a -> Arguments.of(category, a.get()[0], a.get()[1])));
        }

        @ParameterizedTest
        @MethodSource("categoriesLanesAndRules")
        void the_category_s_maximum_amount_takes_the_first_lines_and_cuts_the_rest(
                Category category, Lanes lanes, RuleSet rules) {
            // MaxAmount 100 for the claim's category, three lines of 60:
            // 60 fits (60 ≤ 100); 60 + 60 > 100 and 60 < 100: 20 over, 40 paid; 100 ≥ 100: 60 over, 0 paid
            ValuationBatch b = cases().claim(
                            1, false, false, true, category.name().charAt(0))
                    .policy(10, product().maxAmount(category.index, 100_00))
                    .line(1, 60_00)
                    .line(1, 60_00)
                    .line(1, 60_00)
                    .run(lanes, rules);

            assertThat(valuated(b, 0, 1, 2)).containsExactly(60_00, 40_00, 0);
            assertThat(new long[] {b.exceedCeilingCategory[0], b.exceedCeilingCategory[1], b.exceedCeilingCategory[2]})
                    .containsExactly(0, 20_00, 60_00);
            assertThat(b.approved[0]).isEqualTo(100_00);
            assertThat(b.remuneratedByCategory[category.index][0]).isEqualTo(100_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void a_visit_an_other_claim_or_another_category_s_maximum_caps_nothing(Lanes lanes, RuleSet rules) {
            // every maximum 100 for V and O claims: 180 paid; a surgery with only a delivery maximum: 180
            Product every = product();
            for (int g = 0; g < 5; g++) every.maxAmount(g, 100_00);
            ValuationBatch b = cases().claim(1, false, false, true, 'V')
                    .policy(10, every)
                    .line(1, 180_00)
                    .claim(1, false, false, true, 'O')
                    .policy(10, every)
                    .line(1, 180_00)
                    .claim(1, false, false, true, 'S')
                    .policy(10, product().maxAmount(ValuationBatch.DELIVERY, 100_00))
                    .line(1, 180_00)
                    .run(lanes, rules);

            assertThat(approved(b, 0, 1, 2)).containsExactly(180_00, 180_00, 180_00);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void the_cap_applies_after_co_insurance_and_before_the_ceiling(Lanes lanes, RuleSet rules) {
            // surgery max 100, MaxTreatment 80: 300 × 50 % = 150 → 100 (50 over the category) → ceiling 80
            // (20 over the ceiling)
            ValuationBatch b = cases().claim(1, true, true, true, 'S')
                    .policy(
                            10,
                            product().maxAmount(ValuationBatch.SURGERY, 100_00).ceiling(GENERAL, TREATMENT, 80_00))
                    .line(1, 300_00, 300_00, 'P', 'C', 50_00)
                    .run(lanes, rules);

            assertThat(b.exceedCeilingCategory[0]).isEqualTo(50_00);
            assertThat(b.exceedCeiling[0]).isEqualTo(20_00);
            assertThat(b.approved[0]).isEqualTo(80_00);
        }
    }

    @Nested
    @DisplayName("ceiling exclusion")
    class Ceiling_exclusion {

        static Stream<Arguments> exclusions() {
            // adult?, hospital visit?, adult column, child column, excluded?
            Object[][] rows = {
                {true, true, 'H', (char) 0, true},
                {true, true, 'B', (char) 0, true},
                {true, true, 'N', (char) 0, false},
                {true, false, 'N', (char) 0, true},
                {true, false, 'B', (char) 0, true},
                {true, false, 'H', (char) 0, false},
                {true, true, (char) 0, 'B', false},
                {false, true, 'B', (char) 0, false},
                {false, true, (char) 0, 'H', true},
                {false, false, (char) 0, 'N', true},
                {false, false, 'N', 'H', false},
                {false, true, (char) 0, 'B', true},
            };
            return Stream.of(rows)
                    .flatMap(row -> Stream.of(Lanes.values())
                            .flatMap(lanes -> Stream.of(RuleSet.values()).map(rules -> {
                                Object[] arguments = Arrays.copyOf(row, row.length + 2);
                                arguments[row.length] = lanes;
                                arguments[row.length + 1] = rules;
                                return Arguments.of(arguments);
                            })));
        }

        @ParameterizedTest(name = "adult {0}, hospital {1}, columns {2}/{3} → excluded {4} ({5}, {6})")
        @MethodSource("exclusions")
        void a_line_excluded_for_the_person_and_the_visit_is_valued_outside_the_ceiling(
                boolean adult,
                boolean hospital,
                char adultColumn,
                char childColumn,
                boolean excluded,
                Lanes lanes,
                RuleSet rules) {
            // MaxTreatment 100; line 0 of 500 with the exclusion, then line 1 of 150.
            // excluded: line 0 valued 500 outside the ceiling; line 1 has the whole 100: 100 paid, 50 over;
            //   Approved 100 (the excluded 500 is neither in Approved nor in the ledger's remunerated)
            // subject to it: line 0 → 100 paid, 400 over; line 1 → nothing left, 150 over; Approved 100
            ValuationBatch b = cases().claim(1, hospital, false, adult, hospital ? 'H' : 'V')
                    .policy(10, product().ceiling(GENERAL, TREATMENT, 100_00))
                    .line(1, 500_00)
                    .exclusion(adultColumn, childColumn)
                    .line(1, 150_00)
                    .run(lanes, rules);

            assertThat(b.hospitalVisit[0]).isEqualTo(hospital);
            if (excluded) {
                assertThat(valuated(b, 0, 1)).containsExactly(500_00, 100_00);
                assertThat(new long[] {b.exceedCeiling[0], b.exceedCeiling[1]}).containsExactly(0, 50_00);
            } else {
                assertThat(valuated(b, 0, 1)).containsExactly(100_00, 0);
                assertThat(new long[] {b.exceedCeiling[0], b.exceedCeiling[1]}).containsExactly(400_00, 150_00);
            }
            assertThat(b.approved[0]).isEqualTo(100_00);
            assertThat(b.remunerated[0]).isEqualTo(100_00);
        }
    }

    @Nested
    @DisplayName("prices and outcome")
    class Prices_and_outcome {

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void own_price_list_and_relative_origins(Lanes lanes, RuleSet rules) {
            // asked 18, price list 20, 2 units: O → 36; P → 40; R → 40 in Approved but PriceValuated waits for
            // the batch (null); Approved 36 + 40 + 40 = 116, status 8 (Processed)
            ValuationBatch b = cases().claim()
                    .policy(10, product())
                    .line(2, 18_00, 20_00, 'O', 'C', 100_00)
                    .line(2, 18_00, 20_00, 'P', 'C', 100_00)
                    .line(2, 18_00, 20_00, 'R', 'C', 100_00)
                    .run(lanes, rules);

            assertThat(new long[] {b.priceAdjusted[0], b.priceAdjusted[1], b.priceAdjusted[2]})
                    .containsExactly(18_00, 20_00, 20_00);
            assertThat(valuated(b, 0, 1, 2)).containsExactly(36_00, 40_00, N);
            assertThat(new long[] {b.remuneratedAmount[0], b.remuneratedAmount[1], b.remuneratedAmount[2]})
                    .containsExactly(36_00, 40_00, N);
            assertThat(b.approved[0]).isEqualTo(116_00);
            assertThat(b.status[0]).isEqualTo((byte) 8);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void the_price_origin_overrides_the_reviewer_s_price_which_keeps_price_adjusted(Lanes lanes, RuleSet rules) {
            // PriceApproved 15 on a P line (list 20) → 20; on an O line (asked 18) → 18; PriceAdjusted is not
            // rewritten (null out) when PriceApproved is set; Approved 38, status 16 (Valuated)
            ValuationBatch b = cases().claim()
                    .policy(10, product())
                    .line(1, 18_00, 20_00, 'P', 'C', 100_00)
                    .priceApproved(15_00)
                    .line(1, 18_00, 20_00, 'O', 'C', 100_00)
                    .priceApproved(15_00)
                    .run(lanes, rules);

            assertThat(valuated(b, 0, 1)).containsExactly(20_00, 18_00);
            assertThat(new long[] {b.priceAdjusted[0], b.priceAdjusted[1]}).containsExactly(N, N);
            assertThat(b.approved[0]).isEqualTo(38_00);
            assertThat(b.status[0]).isEqualTo((byte) 16);
        }

        @ParameterizedTest
        @MethodSource("org.healthclaims.engine.kernel.ValuationStepGoldenTest#lanesAndRules")
        void a_claim_s_approved_is_the_sum_over_its_policies_each_valuing_its_own_lines(Lanes lanes, RuleSet rules) {
            // policy 10: MaxTreatment 50, DedTreatment 10; policy 20: nothing
            // line 0 (policy 10): 80 − 10 = 70 → 50 paid, 20 over; line 1 (policy 20): 30; line 2 (policy 10): 40,
            // nothing left of 50 → 0, 40 over. Approved = 50 + 30 = 80
            ValuationBatch b = cases().claim()
                    .policy(10, product().ceiling(GENERAL, TREATMENT, 50_00).deductible(GENERAL, TREATMENT, 10_00))
                    .policy(20, product())
                    .line(1, 80_00)
                    .line(1, 30_00)
                    .onPolicy(1)
                    .line(1, 40_00)
                    .run(lanes, rules);

            assertThat(valuated(b, 0, 1, 2)).containsExactly(50_00, 30_00, 0);
            assertThat(new long[] {b.remunerated[0], b.remunerated[1]}).containsExactly(50_00, 30_00);
            assertThat(new long[] {b.deducted[0], b.deducted[1]}).containsExactly(10_00, 0);
            assertThat(b.approved[0]).isEqualTo(80_00);
        }
    }

    @Nested
    @DisplayName("rounding")
    class Rounding {

        @ParameterizedTest
        @EnumSource(Lanes.class)
        void modular_truncates_quantity_times_price_to_whole_units_legacy_rounds_half_up_to_cents(Lanes lanes) {
            // 1.5 × 0.99 = 1.485: modular 1.00, legacy 1.49; 0.5 × 1.01 = 0.505: modular 0, legacy 0.51;
            // 3 × 3.33 = 9.99: modular 9.00, legacy 9.99; 2 × 7.50 = 15.00 both
            long[][] expected = {{1_00, 0, 9_00, 15_00}, {1_49, 51, 9_99, 15_00}};
            for (RuleSet rules : RuleSet.values()) {
                ValuationBatch b = cases().claim()
                        .policy(10, product())
                        .line(1.5, 99)
                        .line(0.5, 1_01)
                        .line(3, 3_33)
                        .line(2, 7_50)
                        .run(lanes, rules);

                assertThat(valuated(b, 0, 1, 2, 3))
                        .as(rules.name())
                        .containsExactly(expected[rules == RuleSet.MODULAR ? 0 : 1]);
            }
        }

        @ParameterizedTest
        @EnumSource(Lanes.class)
        void the_fixed_cap_rounds_half_up_to_cents_under_both(Lanes lanes) {
            // 0.33 × 20.00 = 6.60 (modular 6.00); F 10.01: 0.33 × 10.01 = 3.3033 → 3.30, below either value
            for (RuleSet rules : RuleSet.values()) {
                ValuationBatch b = cases().claim()
                        .policy(10, product())
                        .line(0.33, 20_00, 20_00, 'P', 'F', 10_01)
                        .run(lanes, rules);

                assertThat(b.priceValuated[0]).as(rules.name()).isEqualTo(3_30);
            }
        }

        @ParameterizedTest
        @EnumSource(Lanes.class)
        void co_insurance_rounds_the_truncated_or_rounded_value(Lanes lanes) {
            // 1.5 × 6.67 = 10.005: modular 10.00 × 45 % = 4.50; legacy 10.01 × 45 % = 4.5045 → 4.50
            // 1 × 3.33 = 3.33: modular 3.00 × 15 % = 0.45; legacy 3.33 × 15 % = 0.4995 → 0.50
            long[][] expected = {{4_50, 45}, {4_50, 50}};
            for (RuleSet rules : RuleSet.values()) {
                ValuationBatch b = cases().claim()
                        .policy(10, product())
                        .line(1.5, 6_67, 6_67, 'P', 'C', 45_00)
                        .line(1, 3_33, 3_33, 'P', 'C', 15_00)
                        .run(lanes, rules);

                assertThat(valuated(b, 0, 1))
                        .as(rules.name())
                        .containsExactly(expected[rules == RuleSet.MODULAR ? 0 : 1]);
            }
        }
    }
}
