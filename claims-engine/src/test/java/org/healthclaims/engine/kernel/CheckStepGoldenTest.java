package org.healthclaims.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthclaims.engine.kernel.CheckBatch.NONE;
import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;
import static org.healthclaims.engine.kernel.CheckStepTest.day;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Golden cases of the check step: one small hand-made claim per rejection reason of domain.md §3.4 that the check
 * can give, per claim-level outcome and per product-assignment branch of §4.1, each with the expected line and claim
 * outcome worked out from domain.md (§4.1 with §4.7's readings), under both rule sets where they differ.
 *
 * <p>Coverage map (reason or path → where it is tested; {@code CheckStepTest} held the §9 scenario before these):
 *
 * <ul>
 *   <li>1 register: CheckStepTest (modular); {@link Reason_1_not_in_the_registers} (both, claim-level 1).
 *   <li>2 price list: CheckStepTest (modular); {@link Reason_2_not_in_the_price_list} (both).
 *   <li>3 no product: CheckStepTest (no candidate modular; no C/F line both); {@link Reason_3_no_product} (both,
 *       claim-level 3 for the only line, claim-level 1 legacy).
 *   <li>4 patient category: CheckStepTest (boy, both); {@link Reason_4_patient_category} (mask 0, eighteenth
 *       birthday, unknown birth date).
 *   <li>5 frequency: CheckStepTest (modular in batch, window before); {@link Reason_5_frequency} (window after, legacy
 *       in batch, a rejected claim does not count, the check's place in either rule set).
 *   <li>7 family / coverage: CheckStepTest (family both, coverage modular); {@link Reason_7_insuree_family_or_coverage}
 *       (coverage legacy, reviewer's line).
 *   <li>9 target date: CheckStepTest (date claimed modular, legacy passes); {@link Reason_9_target_date} (no target
 *       date both, P1 before P2).
 *   <li>10 care type: CheckStepTest (HF O, in-patient claim, modular); {@link Reason_10_care_type} (every branch of the
 *       legacy and the modular rule).
 *   <li>11, 12, 14, 15, 19 and 13: CheckStepTest (13 both); {@link Category_maxima} (each category both, limit 0, O
 *       vs V, items exempt).
 *   <li>16 maximum provision: CheckStepTest (both, modular cut); {@link Reason_16_maximum_provision} (QtyApproved,
 *       child limit, cut only on the passing candidate).
 *   <li>17 waiting period: CheckStepTest (modular); {@link Reason_17_waiting_period} (both, month end, renewed
 *       policy, member added later, child).
 *   <li>first failure kept, candidate order: {@link Candidates_in_order}.
 *   <li>-1 medical officer: CheckStepTest (modular); {@link Reviewer_s_rejection} (both, with P1).
 *   <li>claim category S/D/A/H/C/O/V: CheckStepTest (C, H, O vs V); {@link Claim_category} (every precedence).
 *   <li>Approved at check: CheckStepTest (price-list and own price, legacy untouched); {@link Approved_at_check}
 *       (PriceApproved, QtyApproved, rounding, legacy asked prices).
 *   <li>product assignment: CheckStepTest (C beats F at 100 %, F only); {@link Product_assignment} (visit types,
 *       child column, every C/F branch, null limits, ties, policy id).
 * </ul>
 *
 * Reasons 6, 8 and 18 are never given (legacy: not implemented, unused), 20 and 21 are errors of the submit service
 * (21 is stamped 7 on the lines, tested under 7), -2 comes from the AI module.
 */
class CheckStepGoldenTest {

    static final int[] NO_MAX = {NONE, NONE, NONE, NONE, NONE, NONE};
    static final int[] NOTHING_COUNTED = {0, 0, 0, 0, 0, 0};

    /**
     * A check batch written case by case: every input defaults to what passes (an adult woman, family valid and
     * covered, an out-patient claim at a facility of care type B, visit O; a line of 1.00 × 10.00 in the registers
     * and the price list; a candidate of a renewed policy with 100 % co-insurance and no limits), and a case sets
     * only what it tests.
     */
    static final class Cases {
        final CheckBatch b = new CheckBatch(16, 64, 256);
        int c = -1, l = -1, k = -1;

        Cases claim(long insuree, String from) {
            c = b.claim(b.claims() + 1, insuree, true, true, day(from), NONE, day(from), 'O', 'B', NONE, false);
            return this;
        }

        Cases claim(String from) {
            return claim(1, from);
        }

        /** Discharge date: a hospitalisation when it is not the visit date. */
        Cases to(String to) {
            b.dateTo[c] = day(to);
            b.dateClaimed[c] = day(to);
            return this;
        }

        Cases claimed(String date) {
            b.dateClaimed[c] = day(date);
            return this;
        }

        Cases facility(char careType) {
            b.facilityCareType[c] = (byte) careType;
            return this;
        }

        Cases visit(char type) {
            b.visitType[c] = (byte) type;
            return this;
        }

        Cases male() {
            b.male[c] = true;
            return this;
        }

        Cases adultFrom(String day) {
            b.adultFrom[c] = day(day);
            return this;
        }

        Cases item(long id) {
            l = b.line(
                    false, id, true, true, 'B', (char) 0, 15, 0, NONE, NONE, 100, NO_AMOUNT, 10_00, NO_AMOUNT, 10_00,
                    0);
            return this;
        }

        Cases service(long id, char category) {
            l = b.line(
                    true, id, true, true, 'B', category, 15, 0, NONE, NONE, 100, NO_AMOUNT, 10_00, NO_AMOUNT, 10_00, 0);
            return this;
        }

        /** Quantity provided and prices of the last line, in hundredths and cents. */
        Cases priced(long qtyHundredths, long askedCents, long listCents) {
            b.qtyProvided[l] = qtyHundredths;
            b.priceAsked[l] = askedCents;
            b.priceListPrice[l] = listCents;
            return this;
        }

        Cases care(char careType) {
            b.careType[l] = (byte) careType;
            return this;
        }

        Cases patientCategory(int mask) {
            b.patientCategory[l] = mask;
            return this;
        }

        Cases frequency(int days) {
            b.frequency[l] = days;
            return this;
        }

        /** A candidate: a renewed policy covering the insuree since 2024-09-01, 100 % co-insurance, no limits. */
        Cases cover(long policy, long product) {
            k = b.candidate(
                    policy,
                    product,
                    day("2024-09-01"),
                    day("2025-08-31"),
                    day("2024-09-01"),
                    false,
                    NONE,
                    NONE,
                    NONE,
                    NONE,
                    NO_MAX,
                    NOTHING_COUNTED,
                    0,
                    'P',
                    new char[] {'C', 'C', 'C'},
                    new long[] {100_00, 100_00, 100_00},
                    new long[] {100_00, 100_00, 100_00});
            return this;
        }

        Cases cover() {
            return cover(10, 100);
        }

        /** The last candidate's limitation for visit type {@code visit} (0 O, 1 E, 2 R), adult and child. */
        Cases limitation(int visit, char type, long adult, long child) {
            b.limitationType[visit][k] = (byte) type;
            b.limitAdult[visit][k] = adult;
            b.limitChild[visit][k] = child;
            return this;
        }

        Cases limitation(char type, long limit) {
            for (int visit = 0; visit < 3; visit++) limitation(visit, type, limit, limit);
            return this;
        }

        Cases waiting(String coveredFrom, boolean newPolicy, int adultMonths, int childMonths) {
            b.candidateCoveredFrom[k] = day(coveredFrom);
            b.candidateNewPolicy[k] = newPolicy;
            b.waitingAdult[k] = adultMonths;
            b.waitingChild[k] = childMonths;
            return this;
        }

        Cases limitNo(int adult, int child, long usedHundredths) {
            b.limitNoAdult[k] = adult;
            b.limitNoChild[k] = child;
            b.usedQuantity[k] = usedHundredths;
            return this;
        }

        Cases maxClaims(int category, int max, int counted) {
            b.maxClaims[category][k] = max;
            b.claimsCounted[category][k] = counted;
            return this;
        }

        CheckBatch run(RuleSet rules) {
            CheckStep.run(b, rules);
            return b;
        }
    }

    static Cases cases() {
        return new Cases();
    }

    static void assertRejected(CheckBatch b, int line, int reason) {
        assertThat(b.rejection[line]).as("reason of line %d", line).isEqualTo((short) reason);
        assertThat(b.lineStatus[line]).as("status of line %d", line).isEqualTo((byte) 2);
        assertThat(b.qtyApprovedOut[line]).as("QtyApproved of line %d", line).isZero();
    }

    static void assertPassed(CheckBatch b, int line) {
        assertThat(b.rejection[line]).as("reason of line %d", line).isZero();
        assertThat(b.lineStatus[line]).as("status of line %d", line).isEqualTo((byte) 1);
    }

    static void assertClaim(CheckBatch b, int claim, int status, int reason) {
        assertThat(b.status[claim]).as("status of claim %d", claim).isEqualTo((byte) status);
        assertThat(b.claimRejection[claim]).as("reason of claim %d", claim).isEqualTo((short) reason);
    }

    @Nested
    @DisplayName("1: not in the registers")
    class Reason_1_not_in_the_registers {

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_deleted_item_is_rejected_1_and_the_claim_is_checked_with_the_other_line(RuleSet rules) {
            Cases cases = cases().claim("2025-05-10")
                    .item(1)
                    .priced(200, 10_00, 10_00)
                    .cover()
                    .item(2)
                    .priced(100, 35_00, 30_00)
                    .cover();
            cases.b.registerValid[0] = false;

            CheckBatch b = cases.run(rules);

            assertRejected(b, 0, 1);
            assertPassed(b, 1);
            assertClaim(b, 0, 4, 0);
            // modular: 1.00 × 30.00 (price list, origin P) = 30.00; legacy (a line was rejected): 1.00 × 35.00 asked
            assertThat(b.approved[0]).isEqualTo(rules == RuleSet.MODULAR ? 30_00 : 35_00);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void when_every_line_is_rejected_the_claim_is_rejected_with_reason_1(RuleSet rules) {
            Cases cases =
                    cases().claim("2025-05-10").item(1).cover().service(11, 'C').cover();
            cases.b.registerValid[0] = false;
            cases.b.registerValid[1] = false;

            CheckBatch b = cases.run(rules);

            assertRejected(b, 0, 1);
            assertRejected(b, 1, 1);
            assertClaim(b, 0, 1, 1);
            assertThat(b.approved[0]).isEqualTo(NO_AMOUNT);
        }
    }

    @Nested
    @DisplayName("2: not in the facility's price list")
    class Reason_2_not_in_the_price_list {

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_service_outside_the_price_list_is_rejected_2_after_a_valid_register_entry(RuleSet rules) {
            Cases cases = cases().claim("2025-05-10")
                    .service(11, 'C')
                    .cover()
                    .item(1)
                    .priced(300, 10_00, 10_00)
                    .cover();
            cases.b.inPriceList[0] = false;

            CheckBatch b = cases.run(rules);

            assertRejected(b, 0, 2);
            assertPassed(b, 1);
            assertClaim(b, 0, 4, 0);
            // both: 3.00 × 10.00 = 30.00 (asked and price-list prices are equal here)
            assertThat(b.approved[0]).isEqualTo(30_00);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void the_register_check_comes_first(RuleSet rules) {
            Cases cases = cases().claim("2025-05-10").item(1).cover();
            cases.b.registerValid[0] = false;
            cases.b.inPriceList[0] = false;

            assertRejected(cases.run(rules), 0, 1);
        }
    }

    @Nested
    @DisplayName("3: no product")
    class Reason_3_no_product {

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_line_without_any_candidate_is_rejected_3_and_the_others_pass(RuleSet rules) {
            CheckBatch b = cases().claim("2025-05-10").item(1).item(2).cover().run(rules);

            assertRejected(b, 0, 3);
            assertPassed(b, 1);
            assertClaim(b, 0, 4, 0);
        }

        @Test
        void modular_rejects_the_claim_with_3_when_its_only_passed_line_has_no_co_insurance_or_fixed_line() {
            // §4.7: claim RejectionReason 3 when product assignment failed (the first line was rejected 2, the
            // second passed every check but its product line has no limitation type for visit O)
            Cases cases =
                    cases().claim("2025-05-10").item(1).cover().item(2).cover().limitation((char) 0, NO_AMOUNT);
            cases.b.inPriceList[0] = false;

            CheckBatch b = cases.run(RuleSet.MODULAR);

            assertRejected(b, 0, 2);
            assertRejected(b, 1, 3);
            assertClaim(b, 0, 1, 3);
        }

        @Test
        void legacy_rejects_that_line_alone_with_3_and_the_claim_with_1_as_nothing_passed() {
            Cases cases =
                    cases().claim("2025-05-10").item(1).cover().item(2).cover().limitation((char) 0, NO_AMOUNT);
            cases.b.inPriceList[0] = false;

            CheckBatch b = cases.run(RuleSet.LEGACY);

            assertRejected(b, 0, 2);
            assertRejected(b, 1, 3);
            assertClaim(b, 0, 1, 1);
        }

        @Test
        void the_limitation_of_the_claim_s_visit_type_decides_whether_a_product_line_can_be_assigned() {
            // a product line with a C limitation for visit O only: an emergency visit finds none (E column empty)
            for (RuleSet rules : RuleSet.values()) {
                Cases cases = cases().claim("2025-05-10")
                        .visit('E')
                        .item(1)
                        .cover()
                        .limitation(1, (char) 0, NO_AMOUNT, NO_AMOUNT);

                CheckBatch b = cases.run(rules);

                assertRejected(b, 0, 3);
                assertClaim(b, 0, 1, rules == RuleSet.MODULAR ? 3 : 1);
            }
        }
    }

    @Nested
    @DisplayName("4: patient category")
    class Reason_4_patient_category {

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void an_adult_woman_may_have_an_adult_women_s_item(RuleSet rules) {
            // mask = female 2 + adult 4 = 6; allowed 6: 6 & 6 = 6
            CheckBatch b = cases().claim("2025-05-10")
                    .item(1)
                    .patientCategory(6)
                    .cover()
                    .run(rules);

            assertPassed(b, 0);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_man_is_refused_an_item_for_women(RuleSet rules) {
            // mask = male 1 + adult 4 = 5; allowed female | adult | child = 14: 14 & 5 = 4 ≠ 5
            CheckBatch b = cases().claim("2025-05-10")
                    .male()
                    .item(1)
                    .patientCategory(14)
                    .cover()
                    .run(rules);

            assertRejected(b, 0, 4);
            assertClaim(b, 0, 1, 1);
        }

        @Test
        void a_mask_of_0_restricts_nobody_modular_and_everybody_legacy() {
            // Python skips the check when PatCat = 0; the SP computes 0 & 6 = 0 ≠ 6
            CheckBatch modular = cases().claim("2025-05-10")
                    .item(1)
                    .patientCategory(0)
                    .cover()
                    .run(RuleSet.MODULAR);
            CheckBatch legacy = cases().claim("2025-05-10")
                    .item(1)
                    .patientCategory(0)
                    .cover()
                    .run(RuleSet.LEGACY);

            assertPassed(modular, 0);
            assertRejected(legacy, 0, 4);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void the_insuree_is_an_adult_from_the_eighteenth_birthday_on(RuleSet rules) {
            // a children's item (male | female | child = 11): the day before she turns 18 her mask is 2 + 8 = 10
            // (11 & 10 = 10, passes); on the birthday it is 2 + 4 = 6 (11 & 6 = 2 ≠ 6, rejected)
            CheckBatch b = cases().claim("2025-05-09")
                    .adultFrom("2025-05-10")
                    .item(1)
                    .patientCategory(11)
                    .cover()
                    .claim("2025-05-10")
                    .adultFrom("2025-05-10")
                    .item(1)
                    .patientCategory(11)
                    .cover()
                    .run(rules);

            assertPassed(b, 0);
            assertRejected(b, 1, 4);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void an_unknown_birth_date_counts_as_adult(RuleSet rules) {
            // adultFrom NONE (null DOB, §4.7): adult, so a children-only item (1 | 2 | 8 = 11) is refused: 11 & 6 = 2
            CheckBatch b = cases().claim("2025-05-10")
                    .item(1)
                    .patientCategory(11)
                    .cover()
                    .run(rules);

            assertRejected(b, 0, 4);
        }
    }

    @Nested
    @DisplayName("5: frequency")
    class Reason_5_frequency {

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_counted_claim_six_days_before_within_a_frequency_of_seven_rejects_under_both(RuleSet rules) {
            // modular: 05-04 ≥ 05-10 − 7 = 05-03; legacy: |−6| < 7
            Cases cases = cases().claim("2025-05-10").item(1).frequency(7).cover();
            cases.b.otherTdBefore[0] = day("2025-05-04");

            CheckBatch b = cases.run(rules);

            assertRejected(b, 0, 5);
            assertClaim(b, 0, 1, 1);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_counted_claim_three_days_after_rejects_under_both(RuleSet rules) {
            // modular: 05-13 ≥ 05-03; legacy: |3| < 7
            Cases cases = cases().claim("2025-05-10").item(1).frequency(7).cover();
            cases.b.otherTdAfter[0] = day("2025-05-13");

            assertRejected(cases.run(rules), 0, 5);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_claim_earlier_in_the_batch_counts_and_a_frequency_of_0_means_no_limit(RuleSet rules) {
            // claim 1 passes and counts; claim 2 three days later: |3| < 7 (legacy), 05-10 ≥ 05-06 (modular);
            // claim 3 has the same item with frequency 0 and passes
            CheckBatch b = cases().claim("2025-05-10")
                    .item(1)
                    .frequency(7)
                    .cover()
                    .claim("2025-05-13")
                    .item(1)
                    .frequency(7)
                    .cover()
                    .claim("2025-05-14")
                    .item(1)
                    .cover()
                    .run(rules);

            assertPassed(b, 0);
            assertClaim(b, 0, 4, 0);
            assertRejected(b, 1, 5);
            assertPassed(b, 2);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_rejected_claim_earlier_in_the_batch_does_not_count(RuleSet rules) {
            Cases cases = cases().claim("2025-05-10")
                    .item(1)
                    .frequency(7)
                    .cover()
                    .claim("2025-05-13")
                    .item(1)
                    .frequency(7)
                    .cover();
            cases.b.familyValid[0] = false;

            CheckBatch b = cases.run(rules);

            assertClaim(b, 0, 1, rules == RuleSet.MODULAR ? 1 : 7);
            assertPassed(b, 1);
        }

        @Test
        void another_insuree_s_claim_does_not_count() {
            CheckBatch b = cases().claim(1, "2025-05-10")
                    .item(1)
                    .frequency(7)
                    .cover()
                    .claim(2, "2025-05-11")
                    .item(1)
                    .frequency(7)
                    .cover()
                    .run(RuleSet.MODULAR);

            assertPassed(b, 0);
            assertPassed(b, 1);
        }

        @Test
        void modular_checks_a_service_s_frequency_before_its_patient_category_legacy_after() {
            // a man's service for women (mask 5, allowed 14) given 2 days before: modular 5 first, legacy 4
            for (RuleSet rules : RuleSet.values()) {
                Cases cases = cases().claim("2025-05-10")
                        .male()
                        .service(11, 'V')
                        .patientCategory(14)
                        .frequency(7)
                        .cover();
                cases.b.otherTdBefore[0] = day("2025-05-08");

                assertRejected(cases.run(rules), 0, rules == RuleSet.MODULAR ? 5 : 4);
            }
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void an_item_s_patient_category_comes_before_its_frequency_under_both(RuleSet rules) {
            Cases cases = cases().claim("2025-05-10")
                    .male()
                    .item(1)
                    .patientCategory(14)
                    .frequency(7)
                    .cover();
            cases.b.otherTdBefore[0] = day("2025-05-08");

            assertRejected(cases.run(rules), 0, 4);
        }

        @Test
        void legacy_checks_the_frequency_after_the_product_loop() {
            // no candidate and given 2 days before: modular 5 (line checks first), legacy 3 (product loop first)
            for (RuleSet rules : RuleSet.values()) {
                Cases cases = cases().claim("2025-05-10").item(1).frequency(7);
                cases.b.otherTdBefore[0] = day("2025-05-08");

                assertRejected(cases.run(rules), 0, rules == RuleSet.MODULAR ? 5 : 3);
            }
        }
    }

    @Nested
    @DisplayName("7: insuree, family or coverage")
    class Reason_7_insuree_family_or_coverage {

        @Test
        void without_coverage_of_the_dates_modular_stamps_7_and_legacy_checks_the_lines() {
            // covered = false (error 21 in Python, lines stamped 7); legacy has no such check: the candidate passes
            for (RuleSet rules : RuleSet.values()) {
                Cases cases = cases().claim("2025-05-10").item(1).cover();
                cases.b.covered[0] = false;

                CheckBatch b = cases.run(rules);

                if (rules == RuleSet.MODULAR) {
                    assertRejected(b, 0, 7);
                    assertClaim(b, 0, 1, 1);
                    assertThat(b.productId[0]).isEqualTo(NO_AMOUNT);
                } else {
                    assertPassed(b, 0);
                    assertClaim(b, 0, 4, 0);
                }
            }
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_family_failure_rejects_every_line_7_even_lines_that_would_pass(RuleSet rules) {
            Cases cases = cases().claim("2025-05-10")
                    .item(1)
                    .priced(200, 10_00, 10_00)
                    .cover()
                    .service(11, 'C')
                    .cover();
            cases.b.familyValid[0] = false;

            CheckBatch b = cases.run(rules);

            assertRejected(b, 0, 7);
            assertRejected(b, 1, 7);
            assertClaim(b, 0, 1, rules == RuleSet.MODULAR ? 1 : 7);
            // a rejected claim still stores its category (§4.7)
            assertThat(b.category[0]).isEqualTo((byte) 'C');
        }
    }

    @Nested
    @DisplayName("9: target date")
    class Reason_9_target_date {

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_claim_without_any_date_is_rejected_9(RuleSet rules) {
            // §4.1 P2: the target date must exist; claim reason modular 1, legacy 9 (§4.7)
            Cases cases = cases().claim("2025-05-10").item(1).cover();
            cases.b.dateFrom[0] = NONE;

            CheckBatch b = cases.run(rules);

            assertRejected(b, 0, 9);
            assertClaim(b, 0, 1, rules == RuleSet.MODULAR ? 1 : 9);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void the_family_is_checked_before_the_dates(RuleSet rules) {
            // §4.7 order: P1 before P2
            Cases cases =
                    cases().claim("2025-05-10").claimed("2025-05-01").item(1).cover();
            cases.b.familyValid[0] = false;

            CheckBatch b = cases.run(rules);

            assertRejected(b, 0, 7);
            assertClaim(b, 0, 1, rules == RuleSet.MODULAR ? 1 : 7);
        }

        @Test
        void claimed_on_the_visit_day_passes_and_a_day_before_is_9_modular() {
            CheckBatch b = cases().claim("2025-05-10")
                    .item(1)
                    .cover()
                    .claim("2025-05-10")
                    .claimed("2025-05-09")
                    .item(1)
                    .cover()
                    .run(RuleSet.MODULAR);

            assertPassed(b, 0);
            assertRejected(b, 1, 9);
            assertClaim(b, 1, 1, 1);
        }
    }

    @Nested
    @DisplayName("10: care type")
    class Reason_10_care_type {

        /** One line of care type {@code line} at a facility of {@code facility}, hospitalised or not. */
        CheckBatch run(char facility, char line, boolean hospitalisation, RuleSet rules) {
            Cases cases = cases().claim("2025-05-10").facility(facility);
            if (hospitalisation) cases.to("2025-05-12");
            return cases.item(1).care(line).cover().run(rules);
        }

        @Test
        void an_in_patient_line_on_a_one_day_claim_at_a_facility_of_both_is_10_legacy_only() {
            // SP: line I rejected when the claim is not a hospitalisation; Python: HF B never fails
            assertPassed(run('B', 'I', false, RuleSet.MODULAR), 0);
            assertRejected(run('B', 'I', false, RuleSet.LEGACY), 0, 10);
        }

        @Test
        void an_out_patient_line_on_a_hospitalisation_at_a_facility_of_both_is_10_legacy_only() {
            assertPassed(run('B', 'O', true, RuleSet.MODULAR), 0);
            assertRejected(run('B', 'O', true, RuleSet.LEGACY), 0, 10);
        }

        @Test
        void a_hospitalisation_at_an_out_patient_facility_is_10_modular_only_for_a_line_of_both() {
            // Python: HF O and HOSP fails whatever the line; SP: a line of B never fails
            assertRejected(run('O', 'B', true, RuleSet.MODULAR), 0, 10);
            assertPassed(run('O', 'B', true, RuleSet.LEGACY), 0);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void an_out_patient_line_at_an_in_patient_facility_is_10_under_both(RuleSet rules) {
            assertRejected(run('I', 'O', false, rules), 0, 10);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void an_in_patient_line_at_an_out_patient_facility_is_10_under_both(RuleSet rules) {
            assertRejected(run('O', 'I', false, rules), 0, 10);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_facility_without_care_type_counts_as_both(RuleSet rules) {
            // an in-patient line on a hospitalisation at a facility of null (0) care type: read as B, passes
            assertPassed(run((char) 0, 'I', true, rules), 0);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void care_type_comes_after_the_price_list(RuleSet rules) {
            Cases cases =
                    cases().claim("2025-05-10").facility('I').item(1).care('O').cover();
            cases.b.inPriceList[0] = false;

            assertRejected(cases.run(rules), 0, 2);
        }
    }

    @Nested
    @DisplayName("11, 12, 13, 14, 15, 19: maximum claims of the category")
    class Category_maxima {

        /**
         * A claim of the category with a service that makes it so and an item; the product allows {@code max}
         * claims of the category and the insuree had {@code counted}.
         */
        Cases claim(char category, int max, int counted) {
            int index = CheckStepGoldenTest.categoryIndex(category);
            Cases cases = cases().claim("2025-05-10");
            if (category == 'H') cases.to("2025-05-12");
            return cases.service(11, category == 'H' ? 'O' : category)
                    .cover()
                    .maxClaims(index, max, counted)
                    .item(1)
                    .cover()
                    .maxClaims(index, max, counted);
        }

        @ParameterizedTest
        @EnumSource(
                value = Category.class,
                names = {"SURGERY", "DELIVERY", "ANTENATAL", "HOSPITALIZATION", "CONSULTATION"})
        void the_service_over_the_maximum_is_rejected_and_the_item_passes_modular(Category category) {
            // two claims of the category counted, two allowed: 2 ≥ 2
            CheckBatch b = claim(category.code, 2, 2).run(RuleSet.MODULAR);

            assertThat(b.category[0]).isEqualTo((byte) category.code);
            assertRejected(b, 0, category.reason);
            assertPassed(b, 1);
            assertClaim(b, 0, 4, 0);
        }

        @ParameterizedTest
        @EnumSource(Category.class)
        void legacy_rejects_every_line_of_the_claim_with_the_category_s_reason(Category category) {
            CheckBatch b = claim(category.code, 2, 2).run(RuleSet.LEGACY);

            assertThat(b.category[0]).isEqualTo((byte) category.code);
            assertRejected(b, 0, category.reason);
            assertRejected(b, 1, category.reason);
            assertClaim(b, 0, 1, 1);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void one_claim_below_the_maximum_passes(RuleSet rules) {
            CheckBatch b = claim('S', 2, 1).run(rules);

            assertPassed(b, 0);
            assertPassed(b, 1);
            assertClaim(b, 0, 4, 0);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_maximum_of_0_allows_nothing(RuleSet rules) {
            assertRejected(claim('D', 0, 0).run(rules), 0, 15);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_visit_is_counted_under_12(RuleSet rules) {
            // a service of category V alone makes a V claim (no S, D, A, hospitalisation, C or O)
            CheckBatch b = claim('V', 1, 1).run(rules);

            assertThat(b.category[0]).isEqualTo((byte) 'V');
            assertRejected(b, 0, 12);
        }

        @Test
        void an_other_service_makes_an_o_claim_modular_without_a_maximum_and_a_v_claim_legacy_with_one() {
            // MaxNoVisits 0: modular category O has no maximum; legacy reads the claim as V and rejects all, 12
            for (RuleSet rules : RuleSet.values()) {
                CheckBatch b = cases().claim("2025-05-10")
                        .service(11, 'O')
                        .cover()
                        .maxClaims(CheckBatch.VISIT, 0, 0)
                        .run(rules);

                if (rules == RuleSet.MODULAR) assertPassed(b, 0);
                else assertRejected(b, 0, 12);
            }
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_claim_of_the_category_earlier_in_the_batch_counts(RuleSet rules) {
            // one allowed, none counted before: the first antenatal claim passes, the second one is the second
            CheckBatch b = cases().claim("2025-05-10")
                    .service(11, 'A')
                    .cover()
                    .maxClaims(CheckBatch.ANTENATAL, 1, 0)
                    .claim("2025-05-20")
                    .service(11, 'A')
                    .cover()
                    .maxClaims(CheckBatch.ANTENATAL, 1, 0)
                    .run(rules);

            assertPassed(b, 0);
            assertRejected(b, 1, 19);
        }
    }

    enum Category {
        SURGERY('S', 14),
        DELIVERY('D', 15),
        ANTENATAL('A', 19),
        HOSPITALIZATION('H', 11),
        CONSULTATION('C', 13),
        VISIT('V', 12);

        final char code;
        final int reason;

        Category(char code, int reason) {
            this.code = code;
            this.reason = reason;
        }
    }

    static int categoryIndex(char category) {
        return switch (category) {
            case 'C' -> CheckBatch.CONSULTATION;
            case 'S' -> CheckBatch.SURGERY;
            case 'D' -> CheckBatch.DELIVERY;
            case 'A' -> CheckBatch.ANTENATAL;
            case 'H' -> CheckBatch.HOSPITALIZATION;
            default -> CheckBatch.VISIT;
        };
    }

    @Nested
    @DisplayName("16: maximum provision")
    class Reason_16_maximum_provision {

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void the_limit_used_up_rejects_16_under_both(RuleSet rules) {
            // limit 2, used 2.00: legacy used ≥ limit; modular used + 1 > 2 and used ≥ limit
            CheckBatch b = cases().claim("2025-05-10")
                    .item(1)
                    .cover()
                    .limitNo(2, NONE, 200)
                    .run(rules);

            assertRejected(b, 0, 16);
        }

        @Test
        void modular_cuts_a_reviewer_s_quantity_and_legacy_keeps_it() {
            // limit 2, used 1.00, provided 4.00, approved 3.00: modular 1 + 3 = 4 > 2 and 1 < 2, so QtyApproved
            // becomes 2 − 1 = 1.00, and Approved = 1.00 × 10.00 = 10.00; legacy 1 < 2 passes as it is
            for (RuleSet rules : RuleSet.values()) {
                Cases cases = cases().claim("2025-05-10")
                        .item(1)
                        .priced(400, 10_00, 10_00)
                        .cover()
                        .limitNo(2, NONE, 100);
                cases.b.qtyApproved[0] = 300;

                CheckBatch b = cases.run(rules);

                assertPassed(b, 0);
                assertThat(b.qtyApprovedOut[0]).isEqualTo(rules == RuleSet.MODULAR ? 100 : 300);
            }
            assertThat(cases().claim("2025-05-10")
                            .item(1)
                            .priced(400, 10_00, 10_00)
                            .cover()
                            .limitNo(2, NONE, 100)
                            .run(RuleSet.MODULAR)
                            .approved[0])
                    .as("without QtyApproved the provided 4.00 is cut to 1.00: 1.00 × 10.00")
                    .isEqualTo(10_00);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_child_has_the_child_limit(RuleSet rules) {
            // adult limit 5, child limit 1, used 1.00: the child is over, an adult would not be
            CheckBatch b = cases().claim("2025-05-10")
                    .adultFrom("2030-01-01")
                    .item(1)
                    .cover()
                    .limitNo(5, 1, 100)
                    .run(rules);

            assertRejected(b, 0, 16);
        }

        @Test
        void modular_cuts_only_with_the_candidate_that_passes() {
            // policy 10 (first by policy id) would cut the quantity but its product allows no surgery; policy 11
            // passes without a limit, so the line passes whole
            Cases cases = cases().claim("2025-05-10")
                    .service(11, 'S')
                    .priced(300, 10_00, 10_00)
                    .cover(10, 100)
                    .limitNo(2, NONE, 100)
                    .maxClaims(CheckBatch.SURGERY, 0, 0)
                    .cover(11, 110);

            CheckBatch b = cases.run(RuleSet.MODULAR);

            assertPassed(b, 0);
            assertThat(b.qtyApprovedOut[0]).isEqualTo(NO_AMOUNT);
            assertThat(b.approved[0]).as("3.00 × 10.00").isEqualTo(30_00);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void quantities_passed_earlier_in_the_batch_count(RuleSet rules) {
            // limit 3, none used before: claim 1 passes 2.00; claim 2 asks 2.00 more: modular 2 + 2 > 3 and 2 < 3,
            // cut to 1.00; legacy 2 < 3 passes whole; claim 3: used 3.00 (modular) or 4.00 (legacy) ≥ 3, rejected
            CheckBatch b = cases().claim("2025-05-10")
                    .item(1)
                    .priced(200, 10_00, 10_00)
                    .cover()
                    .limitNo(3, NONE, 0)
                    .claim("2025-05-11")
                    .item(1)
                    .priced(200, 10_00, 10_00)
                    .cover()
                    .limitNo(3, NONE, 0)
                    .claim("2025-05-12")
                    .item(1)
                    .cover()
                    .limitNo(3, NONE, 0)
                    .run(rules);

            assertPassed(b, 0);
            assertPassed(b, 1);
            assertThat(b.qtyApprovedOut[1]).isEqualTo(rules == RuleSet.MODULAR ? 100 : NO_AMOUNT);
            assertRejected(b, 2, 16);
        }
    }

    @Nested
    @DisplayName("17: waiting period")
    class Reason_17_waiting_period {

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_new_policy_waits_three_months_to_the_day(RuleSet rules) {
            // covered from 2025-03-01 + 3 months = 2025-06-01: 05-31 is inside, 06-01 is not
            CheckBatch b = cases().claim("2025-05-31")
                    .item(1)
                    .cover()
                    .waiting("2025-03-01", true, 3, NONE)
                    .claim("2025-06-01")
                    .item(1)
                    .cover()
                    .waiting("2025-03-01", true, 3, NONE)
                    .run(rules);

            assertRejected(b, 0, 17);
            assertClaim(b, 0, 1, 1);
            assertPassed(b, 1);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void months_are_added_clamped_to_the_month_end(RuleSet rules) {
            // 2024-11-30 + 3 months = 2025-02-28 (no 30th): 02-27 waits, 02-28 does not
            CheckBatch b = cases().claim("2025-02-27")
                    .item(1)
                    .cover()
                    .waiting("2024-11-30", true, 3, NONE)
                    .claim("2025-02-28")
                    .item(1)
                    .cover()
                    .waiting("2024-11-30", true, 3, NONE)
                    .run(rules);

            assertRejected(b, 0, 17);
            assertPassed(b, 1);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_renewed_policy_does_not_wait_for_a_member_covered_from_its_start(RuleSet rules) {
            // stage R and insuree covered from the policy's effective date (2025-04-01): no waiting period
            Cases cases = cases().claim("2025-05-10").item(1).cover().waiting("2025-04-01", false, 3, NONE);
            cases.b.candidatePolicyEffective[0] = day("2025-04-01");

            assertPassed(cases.run(rules), 0);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_member_added_to_a_renewed_policy_later_waits(RuleSet rules) {
            // policy effective 2024-09-01 < member covered from 2025-04-01: 05-10 < 07-01
            Cases cases = cases().claim("2025-05-10").item(1).cover().waiting("2025-04-01", false, 3, NONE);

            assertRejected(cases.run(rules), 0, 17);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_child_waits_the_child_s_period(RuleSet rules) {
            // adult 0 months, child 6: 2025-01-01 + 6 = 2025-07-01 > 05-10
            CheckBatch b = cases().claim("2025-05-10")
                    .adultFrom("2030-01-01")
                    .item(1)
                    .cover()
                    .waiting("2025-01-01", true, 0, 6)
                    .run(rules);

            assertRejected(b, 0, 17);
        }
    }

    @Nested
    @DisplayName("first failure kept, candidates in order")
    class Candidates_in_order {

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void the_candidate_whose_waiting_ends_first_is_tried_first_and_its_failure_is_kept(RuleSet rules) {
            // policy 10: new, covered 2024-06-01 + 12 months → key 2025-06-01, fails 17 (05-10 < 06-01)
            // policy 20: new, covered 2025-04-01 + 3 months → key 2025-07-01, fails 17
            // policy 30: renewed, covered 2024-09-01, no wait → key 2024-09-01, limit 1 used 1.00, fails 16
            // order by key: 30, 10, 20; all fail; the first failure, 16, is kept (by policy id or insertion: 17)
            CheckBatch b = cases().claim("2025-05-10")
                    .item(1)
                    .cover(10, 100)
                    .waiting("2024-06-01", true, 12, NONE)
                    .cover(20, 200)
                    .waiting("2025-04-01", true, 3, NONE)
                    .cover(30, 300)
                    .limitNo(1, NONE, 100)
                    .run(rules);

            assertRejected(b, 0, 16);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void ties_on_the_waiting_end_break_by_policy_id_then_product_id(RuleSet rules) {
            // claim 1, equal keys (covered 2024-09-01, no wait): policy 9 / product 90 fails 14 (surgery maximum
            // 0), policy 7 / product 95 fails 16 (limit 0): policy 7 first → 16 (by product id it would be 14)
            // claim 2, same policy 5: product 60 fails 16, product 50 fails 14: product 50 first → 14
            CheckBatch b = cases().claim("2025-05-10")
                    .service(11, 'S')
                    .cover(9, 90)
                    .maxClaims(CheckBatch.SURGERY, 0, 0)
                    .cover(7, 95)
                    .limitNo(0, NONE, 0)
                    .claim(2, "2025-05-10")
                    .service(11, 'S')
                    .cover(5, 60)
                    .limitNo(0, NONE, 0)
                    .cover(5, 50)
                    .maxClaims(CheckBatch.SURGERY, 0, 0)
                    .run(rules);

            assertRejected(b, 0, 16);
            assertRejected(b, 1, 14);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_failed_candidate_s_reason_does_not_stick_when_a_later_one_passes(RuleSet rules) {
            // policy 10 fails 16 (limit 0); policy 11 passes: the line passes. Assignment looks at every candidate
            // of the line, not only the passing one (§4.1): both C 100 %, the tie goes to product 100 (policy 10)
            CheckBatch b = cases().claim("2025-05-10")
                    .item(1)
                    .cover(10, 100)
                    .limitNo(0, NONE, 0)
                    .cover(11, 110)
                    .run(rules);

            assertPassed(b, 0);
            assertClaim(b, 0, 4, 0);
            assertThat(b.productId[0]).isEqualTo(100);
        }
    }

    @Nested
    @DisplayName("-1: rejected by the medical officer")
    class Reviewer_s_rejection {

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_reviewer_s_rejection_is_kept_and_legacy_then_sets_approved(RuleSet rules) {
            // line 0 (2.00 × 10.00) rejected by the reviewer; line 1 (1.00, asked 12.00, list 10.00) passes.
            // modular Approved: 1.00 × 10.00 = 10.00; legacy (a line is rejected): 1.00 × 12.00 = 12.00
            Cases cases = cases().claim("2025-05-10")
                    .item(1)
                    .priced(200, 10_00, 10_00)
                    .cover()
                    .item(2)
                    .priced(100, 12_00, 10_00)
                    .cover();
            cases.b.priorRejection[0] = -1;

            CheckBatch b = cases.run(rules);

            assertRejected(b, 0, -1);
            assertPassed(b, 1);
            assertClaim(b, 0, 4, 0);
            assertThat(b.approved[0]).isEqualTo(rules == RuleSet.MODULAR ? 10_00 : 12_00);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_reviewer_s_rejection_survives_a_family_failure(RuleSet rules) {
            Cases cases = cases().claim("2025-05-10").item(1).cover().item(2).cover();
            cases.b.priorRejection[0] = -1;
            cases.b.familyValid[0] = false;

            CheckBatch b = cases.run(rules);

            assertRejected(b, 0, -1);
            assertRejected(b, 1, 7);
        }
    }

    @Nested
    @DisplayName("claim category")
    class Claim_category {

        char category(RuleSet rules, boolean hospitalisation, char... services) {
            Cases cases = cases().claim("2025-05-10");
            if (hospitalisation) cases.to("2025-05-12");
            for (char service : services) cases.service(11, service).cover();
            return (char) cases.run(rules).category[0];
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void surgery_delivery_antenatal_hospitalisation_consultation_then_visit(RuleSet rules) {
            assertThat(category(rules, true, 'C', 'A', 'D', 'S')).isEqualTo('S');
            assertThat(category(rules, true, 'C', 'A', 'D')).isEqualTo('D');
            assertThat(category(rules, true, 'C', 'A')).isEqualTo('A');
            assertThat(category(rules, true, 'C')).isEqualTo('H');
            assertThat(category(rules, false, 'V', 'C')).isEqualTo('C');
            assertThat(category(rules, false, 'V')).isEqualTo('V');
            assertThat(category(rules, false)).as("no service").isEqualTo('V');
        }

        @Test
        void an_other_service_is_o_modular_and_v_legacy_but_a_consultation_beats_it() {
            assertThat(category(RuleSet.MODULAR, false, 'O', 'V')).isEqualTo('O');
            assertThat(category(RuleSet.LEGACY, false, 'O', 'V')).isEqualTo('V');
            assertThat(category(RuleSet.MODULAR, false, 'O', 'C')).isEqualTo('C');
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_service_not_in_the_registers_does_not_make_the_category(RuleSet rules) {
            Cases cases = cases().claim("2025-05-10")
                    .service(11, 'S')
                    .cover()
                    .service(12, 'C')
                    .cover();
            cases.b.registerValid[0] = false;

            assertThat(cases.run(rules).category[0]).isEqualTo((byte) 'C');
        }
    }

    @Nested
    @DisplayName("Approved at check")
    class Approved_at_check {

        @Test
        void modular_sums_reviewed_quantities_and_prices_and_the_adjusted_price_by_origin() {
            // line 0: origin P, 2.00 × price list 9.00 (asked 10.00) = 18.00
            // line 1: origin O, 3.00 × asked 7.50 = 22.50
            // line 2: PriceApproved 4.00 over everything, QtyApproved 1.50 over 5.00 provided: 1.50 × 4.00 = 6.00
            // Approved = 18.00 + 22.50 + 6.00 = 46.50
            Cases cases = cases().claim("2025-05-10")
                    .item(1)
                    .priced(200, 10_00, 9_00)
                    .cover()
                    .item(2)
                    .priced(300, 7_50, 6_00)
                    .cover();
            cases.b.candidatePriceOrigin[cases.k] = 'O';
            cases.item(3).priced(500, 10_00, 9_00).cover();
            cases.b.priceApproved[2] = 4_00;
            cases.b.qtyApproved[2] = 150;

            CheckBatch b = cases.run(RuleSet.MODULAR);

            assertThat(b.priceOrigin[1]).isEqualTo((byte) 'O');
            assertThat(b.qtyApprovedOut[2]).isEqualTo(150);
            assertThat(b.approved[0]).isEqualTo(46_50);
        }

        @Test
        void modular_rounds_each_line_half_up_to_the_cent() {
            // 0.33 × 10.01 = 3.3033 → 3.30; 0.5 × 0.01 = 0.005 → 0.01; total 3.31
            CheckBatch b = cases().claim("2025-05-10")
                    .item(1)
                    .priced(33, 10_01, 10_01)
                    .cover()
                    .item(2)
                    .priced(50, 1, 1)
                    .cover()
                    .run(RuleSet.MODULAR);

            assertThat(b.approved[0]).isEqualTo(3_31);
        }

        @Test
        void legacy_leaves_approved_when_nothing_is_rejected_and_sums_asked_prices_otherwise() {
            // no line rejected: untouched; with line 1 rejected: 2.00 × asked 10.00 (not the list's 9.00, not
            // the reviewer's 4.00, not QtyApproved) = 20.00
            Cases whole =
                    cases().claim("2025-05-10").item(1).priced(200, 10_00, 9_00).cover();
            whole.b.priceApproved[0] = 4_00;
            whole.b.qtyApproved[0] = 100;
            Cases partly = cases().claim("2025-05-10")
                    .item(1)
                    .priced(200, 10_00, 9_00)
                    .cover()
                    .item(2)
                    .cover();
            partly.b.priceApproved[0] = 4_00;
            partly.b.qtyApproved[0] = 100;
            partly.b.inPriceList[1] = false;

            assertThat(whole.run(RuleSet.LEGACY).approved[0]).isEqualTo(NO_AMOUNT);
            assertThat(partly.run(RuleSet.LEGACY).approved[0]).isEqualTo(20_00);
        }
    }

    @Nested
    @DisplayName("product assignment")
    class Product_assignment {

        /** One line asked at 20.00, one C candidate (product 100) and one F candidate (product 200). */
        CheckBatch choose(long percentHundredths, long fixedCents, RuleSet rules) {
            return cases().claim("2025-05-10")
                    .item(1)
                    .priced(100, 20_00, 20_00)
                    .cover(10, 100)
                    .limitation('C', percentHundredths)
                    .cover(20, 200)
                    .limitation('F', fixedCents)
                    .run(rules);
        }

        void assertChosen(CheckBatch b, long product, char type, long value) {
            assertThat(b.productId[0]).isEqualTo(product);
            assertThat(b.limitation[0]).isEqualTo((byte) type);
            assertThat(b.limitationValue[0]).isEqualTo(value);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_fixed_amount_of_0_or_above_the_price_wins(RuleSet rules) {
            assertChosen(choose(80_00, 0, rules), 200, 'F', 0);
            assertChosen(choose(80_00, 25_00, rules), 200, 'F', 25_00);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void the_cheaper_share_for_the_insuree_wins_and_a_tie_goes_to_co_insurance(RuleSet rules) {
            // price 20.00, C 80 %: own share C = 0.2 × 20 = 4.00
            // F 15.00: own F = 5.00; 4 > 5 is false → C
            assertChosen(choose(80_00, 15_00, rules), 100, 'C', 80_00);
            // F 18.00: own F = 2.00; 4 > 2 → F
            assertChosen(choose(80_00, 18_00, rules), 200, 'F', 18_00);
            // F 16.00: own F = 4.00; 4 > 4 is false → C
            assertChosen(choose(80_00, 16_00, rules), 100, 'C', 80_00);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void full_co_insurance_wins_and_a_null_c_limit_means_100_percent(RuleSet rules) {
            assertChosen(choose(100_00, 15_00, rules), 100, 'C', 100_00);
            assertChosen(choose(NO_AMOUNT, 15_00, rules), 100, 'C', 100_00);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_null_fixed_limit_means_0_and_so_no_cap(RuleSet rules) {
            assertChosen(choose(80_00, NO_AMOUNT, rules), 200, 'F', 0);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void the_reviewer_s_price_is_the_price_compared(RuleSet rules) {
            // PriceApproved 12.00: F 15.00 > 12.00 → F (at the asked 20.00 it would be C, see above)
            Cases cases = cases().claim("2025-05-10")
                    .item(1)
                    .priced(100, 20_00, 20_00)
                    .cover(10, 100)
                    .limitation('C', 80_00)
                    .cover(20, 200)
                    .limitation('F', 15_00);
            cases.b.priceApproved[0] = 12_00;

            assertChosen(cases.run(rules), 200, 'F', 15_00);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void the_visit_type_chooses_the_limitation_columns(RuleSet rules) {
            // one product line: O → C 50 %, E → C 80 %, R → F 5.00
            CheckBatch b = cases().claim("2025-05-10")
                    .item(1)
                    .cover()
                    .limitation(0, 'C', 50_00, 50_00)
                    .limitation(1, 'C', 80_00, 80_00)
                    .limitation(2, 'F', 5_00, 5_00)
                    .claim("2025-05-11")
                    .visit('E')
                    .item(1)
                    .cover()
                    .limitation(0, 'C', 50_00, 50_00)
                    .limitation(1, 'C', 80_00, 80_00)
                    .limitation(2, 'F', 5_00, 5_00)
                    .claim("2025-05-12")
                    .visit('R')
                    .item(1)
                    .cover()
                    .limitation(0, 'C', 50_00, 50_00)
                    .limitation(1, 'C', 80_00, 80_00)
                    .limitation(2, 'F', 5_00, 5_00)
                    .run(rules);

            assertThat(new byte[] {b.limitation[0], b.limitation[1], b.limitation[2]})
                    .containsExactly('C', 'C', 'F');
            assertThat(new long[] {b.limitationValue[0], b.limitationValue[1], b.limitationValue[2]})
                    .containsExactly(50_00, 80_00, 5_00);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void a_child_gets_the_child_s_co_insurance(RuleSet rules) {
            // adult 80 %, child 60 %: the child (18 in 2030) gets 60 %, the adult 80 %
            CheckBatch b = cases().claim(1, "2025-05-10")
                    .adultFrom("2030-01-01")
                    .item(1)
                    .cover()
                    .limitation(0, 'C', 80_00, 60_00)
                    .claim(2, "2025-05-10")
                    .item(1)
                    .cover()
                    .limitation(0, 'C', 80_00, 60_00)
                    .run(rules);

            assertThat(b.limitationValue[0]).isEqualTo(60_00);
            assertThat(b.limitationValue[1]).isEqualTo(80_00);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void the_highest_limit_wins_ties_go_to_the_lowest_product_and_the_policy_is_its_lowest(RuleSet rules) {
            // C 70 % (product 50), C 90 % (product 300, policy 12), C 90 % (product 90, policies 14 and 11):
            // highest 90 %, tie → product 90; its lowest policy among the candidates is 11
            CheckBatch b = cases().claim("2025-05-10")
                    .item(1)
                    .cover(13, 50)
                    .limitation('C', 70_00)
                    .cover(12, 300)
                    .limitation('C', 90_00)
                    .cover(14, 90)
                    .limitation('C', 90_00)
                    .cover(11, 90)
                    .limitation('C', 90_00)
                    .run(rules);

            assertThat(b.productId[0]).isEqualTo(90);
            assertThat(b.policyId[0]).isEqualTo(11);
            assertThat(b.limitationValue[0]).isEqualTo(90_00);
        }

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void the_chosen_line_s_price_origin_is_copied(RuleSet rules) {
            Cases cases = cases().claim("2025-05-10").item(1).cover();
            cases.b.candidatePriceOrigin[0] = 'R';

            CheckBatch b = cases.run(rules);

            assertThat(b.priceOrigin[0]).isEqualTo((byte) 'R');
            assertThat(b.policyId[0]).isEqualTo(10);
        }
    }
}
