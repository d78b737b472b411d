package org.healthclaims.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthclaims.engine.kernel.CheckBatch.NONE;
import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The check step on hand-made cases after domain.md §9's scenario (today 2025-06-15): each test names the claim of
 * §9 it follows and asserts the lines' and the claim's outcome, under both rule sets where they differ.
 */
class CheckStepTest {

    static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    static final long KEMI = 1, TOBI = 2, ADE = 3, SOLA = 4, MUSA = 6;
    static final long BASIC = 100, HOSP = 200, FAM_A_BASIC = 10, FAM_A_HOSP = 20, FAM_D_BASIC = 60;
    static final long I0001 = 1, I0002 = 2, I0003 = 3, I0004 = 4, I0005 = 5;
    static final long S0001 = 11, S0002 = 12, S0003 = 13, S0005 = 15, S0006 = 16, S0007 = 17;

    /** PRD-BASIC's maximum claims: consultation 3, surgery none, delivery 1, antenatal 4, hospitalisation 2, visits 10. */
    static final int[] BASIC_MAX = {3, NONE, 1, 4, 2, 10};

    static final int[] NO_MAX = {NONE, NONE, NONE, NONE, NONE, NONE};
    static final int[] NOTHING_COUNTED = {0, 0, 0, 0, 0, 0};

    /** A batch being written, with the insurees of §9. */
    static final class Cases {
        final CheckBatch batch = new CheckBatch(64, 256, 512);
        long nextClaim = 1;

        Cases claim(
                long insuree,
                String from,
                @org.jspecify.annotations.Nullable String to,
                String claimed,
                char facilityCare) {
            boolean male = insuree == TOBI || insuree == ADE || insuree == MUSA;
            int adultFrom = switch ((int) insuree) {
                case 1 -> day("2008-03-01");
                case 2 -> day("2036-05-05");
                case 3 -> day("2003-01-01");
                case 4 -> day("1988-07-07");
                default -> day("1978-06-06");
            };
            batch.claim(
                    nextClaim++,
                    insuree,
                    true,
                    insuree != SOLA,
                    day(from),
                    to == null ? NONE : day(to),
                    day(claimed),
                    'O',
                    facilityCare,
                    adultFrom,
                    male);
            return this;
        }

        Cases claim(long insuree, String date) {
            return claim(insuree, date, null, date, 'O');
        }

        /** A line at the price-list price, in the register and the price list. */
        Cases item(long id, double qty, long priceCents, char care, int patCat) {
            batch.line(
                    false,
                    id,
                    true,
                    true,
                    care,
                    (char) 0,
                    patCat,
                    0,
                    NONE,
                    NONE,
                    hundredths(qty),
                    NO_AMOUNT,
                    priceCents,
                    NO_AMOUNT,
                    priceCents,
                    0);
            return this;
        }

        Cases service(long id, double qty, long priceCents, char care, char category) {
            batch.line(
                    true,
                    id,
                    true,
                    true,
                    care,
                    category,
                    15,
                    0,
                    NONE,
                    NONE,
                    hundredths(qty),
                    NO_AMOUNT,
                    priceCents,
                    NO_AMOUNT,
                    priceCents,
                    0);
            return this;
        }

        /** A coverage of the last line by a product line with co-insurance {@code percent} (adult and child). */
        Cases coinsurance(
                long policy,
                long product,
                int percent,
                char origin,
                int waitingAdult,
                int limitNoAdult,
                int[] max,
                int[] counted,
                double used) {
            return cover(
                    policy,
                    product,
                    "2024-09-01",
                    'C',
                    percent * 100L,
                    origin,
                    waitingAdult,
                    limitNoAdult,
                    max,
                    counted,
                    used);
        }

        Cases fixed(long policy, long product, long cents, char origin, int waitingAdult, String coveredFrom) {
            return cover(
                    policy,
                    product,
                    coveredFrom,
                    'F',
                    cents,
                    origin,
                    waitingAdult,
                    NONE,
                    BASIC_MAX,
                    NOTHING_COUNTED,
                    0);
        }

        Cases cover(
                long policy,
                long product,
                String coveredFrom,
                char type,
                long limit,
                char origin,
                int waitingAdult,
                int limitNoAdult,
                int[] max,
                int[] counted,
                double used) {
            batch.candidate(
                    policy,
                    product,
                    day(coveredFrom),
                    day("2025-08-31"),
                    day("2024-09-01"),
                    true,
                    waitingAdult,
                    NONE,
                    limitNoAdult,
                    NONE,
                    max,
                    counted,
                    hundredths(used),
                    origin,
                    new char[] {type, type, type},
                    new long[] {limit, limit, limit},
                    new long[] {limit, limit, limit});
            return this;
        }

        Cases basic(int percent) {
            return coinsurance(FAM_A_BASIC, BASIC, percent, 'P', NONE, NONE, BASIC_MAX, NOTHING_COUNTED, 0);
        }

        CheckBatch run(RuleSet rules) {
            CheckStep.run(batch, rules);
            return batch;
        }
    }

    static long hundredths(double qty) {
        return Math.round(qty * 100);
    }

    static Cases cases() {
        return new Cases();
    }

    @Test
    void clm_ok_op_passes_every_line_with_the_basic_product_and_approves_the_price_list_prices() {
        CheckBatch b = cases().claim(KEMI, "2025-05-02")
                .service(S0001, 1, 500_00, 'O', 'C')
                .basic(100)
                .item(I0001, 10, 10_00, 'B', 15)
                .basic(100)
                .run(RuleSet.MODULAR);

        assertThat(b.status[0]).isEqualTo((byte) 4);
        assertThat(b.category[0]).isEqualTo((byte) 'C');
        assertThat(b.rejection[0]).isZero();
        assertThat(b.rejection[1]).isZero();
        assertThat(b.productId[0]).isEqualTo(BASIC);
        assertThat(b.policyId[1]).isEqualTo(FAM_A_BASIC);
        assertThat(b.priceOrigin[1]).isEqualTo((byte) 'P');
        assertThat(b.limitation[1]).isEqualTo((byte) 'C');
        assertThat(b.limitationValue[1]).isEqualTo(100_00);
        assertThat(b.approved[0]).isEqualTo(600_00);
    }

    @Test
    void clm_reg_a_deleted_item_is_rejected_1_and_so_is_the_claim() {
        Cases cases =
                cases().claim(KEMI, "2025-05-03").item(I0004, 1, 20_00, 'B', 15).basic(100);
        cases.batch.registerValid[0] = false;

        CheckBatch b = cases.run(RuleSet.MODULAR);

        assertThat(b.rejection[0]).isEqualTo((short) 1);
        assertThat(b.lineStatus[0]).isEqualTo((byte) 2);
        assertThat(b.status[0]).isEqualTo((byte) 1);
        assertThat(b.claimRejection[0]).isEqualTo((short) 1);
    }

    @Test
    void clm_pl_an_item_outside_the_price_list_is_rejected_2_and_the_claim_is_checked_with_the_rest() {
        Cases cases = cases().claim(KEMI, "2025-05-03")
                .item(I0005, 1, 200_00, 'O', 15)
                .basic(100)
                .item(I0001, 1, 10_00, 'B', 15)
                .basic(100);
        cases.batch.inPriceList[0] = false;

        CheckBatch b = cases.run(RuleSet.MODULAR);

        assertThat(b.rejection[0]).isEqualTo((short) 2);
        assertThat(b.qtyApprovedOut[0]).isZero();
        assertThat(b.rejection[1]).isZero();
        assertThat(b.status[0]).isEqualTo((byte) 4);
        assertThat(b.approved[0]).isEqualTo(10_00);
    }

    @Test
    void clm_noprod_a_service_of_no_product_is_rejected_3_and_the_claim_1() {
        CheckBatch b = cases().claim(KEMI, "2025-05-04")
                .service(S0006, 1, 400_00, 'O', 'O')
                .run(RuleSet.MODULAR);

        assertThat(b.rejection[0]).isEqualTo((short) 3);
        assertThat(b.status[0]).isEqualTo((byte) 1);
        assertThat(b.claimRejection[0]).isEqualTo((short) 1);
    }

    @Test
    void clm_care_an_in_patient_claim_at_an_out_patient_facility_is_rejected_10() {
        CheckBatch b = cases().claim(KEMI, "2025-05-04", "2025-05-06", "2025-05-06", 'O')
                .service(S0005, 2, 2000_00, 'I', 'H')
                .fixed(FAM_A_BASIC, BASIC, 1500_00, 'O', 3, "2024-09-01")
                .run(RuleSet.MODULAR);

        assertThat(b.rejection[0]).isEqualTo((short) 10);
        assertThat(b.status[0]).isEqualTo((byte) 1);
    }

    @Test
    void clm_mask_a_boy_is_refused_oxytocin_for_adult_women_4_under_both_rule_sets() {
        for (RuleSet rules : RuleSet.values()) {
            CheckBatch b = cases().claim(TOBI, "2025-05-05", "2025-05-06", "2025-05-06", 'B')
                    .item(I0003, 1, 120_00, 'I', 6)
                    .fixed(FAM_A_BASIC, BASIC, 100_00, 'P', NONE, "2024-09-01")
                    .run(rules);

            assertThat(b.rejection[0]).as(rules.name()).isEqualTo((short) 4);
            assertThat(b.status[0]).as(rules.name()).isEqualTo((byte) 1);
        }
    }

    @Test
    void clm_freq_the_second_claim_within_the_frequency_is_rejected_5_in_the_same_batch() {
        Cases cases = cases().claim(TOBI, "2025-05-10")
                .item(I0002, 5, 45_00, 'B', 15)
                .basic(100)
                .claim(TOBI, "2025-05-13")
                .item(I0002, 5, 45_00, 'B', 15)
                .basic(100);
        cases.batch.frequency[0] = 7;
        cases.batch.frequency[1] = 7;

        CheckBatch b = cases.run(RuleSet.MODULAR);

        assertThat(b.rejection[0]).isZero();
        assertThat(b.status[0]).isEqualTo((byte) 4);
        assertThat(b.rejection[1]).isEqualTo((short) 5);
        assertThat(b.status[1]).isEqualTo((byte) 1);
    }

    @Test
    void the_frequency_counts_claims_outside_the_batch_and_the_windows_differ_by_rule_set() {
        // a previous claim 7 days before: modular (on or after td − 7) rejects, legacy (|Δ| < 7) does not
        for (RuleSet rules : RuleSet.values()) {
            Cases cases = cases().claim(TOBI, "2025-05-20")
                    .item(I0002, 1, 45_00, 'B', 15)
                    .basic(100);
            cases.batch.frequency[0] = 7;
            cases.batch.otherTdBefore[0] = day("2025-05-13");
            CheckBatch b = cases.run(rules);
            assertThat(b.rejection[0]).as(rules.name()).isEqualTo((short) (rules == RuleSet.MODULAR ? 5 : 0));
        }
    }

    @Test
    void clm_nocov_without_coverage_modular_rejects_every_line_7_and_legacy_finds_no_product() {
        CheckBatch modular = cases().claim(SOLA, "2025-05-10")
                .service(S0001, 1, 500_00, 'O', 'C')
                .run(RuleSet.MODULAR);
        CheckBatch legacy = cases().claim(SOLA, "2025-05-10")
                .service(S0001, 1, 500_00, 'O', 'C')
                .run(RuleSet.LEGACY);

        assertThat(modular.rejection[0]).isEqualTo((short) 7);
        assertThat(modular.claimRejection[0]).isEqualTo((short) 1);
        assertThat(legacy.rejection[0]).isEqualTo((short) 3);
        assertThat(legacy.status[0]).isEqualTo((byte) 1);
    }

    @Test
    void clm_date_claimed_before_the_visit_is_9_modular_and_passes_legacy() {
        CheckBatch modular = cases().claim(KEMI, "2025-05-20", null, "2025-05-19", 'O')
                .item(I0001, 1, 10_00, 'B', 15)
                .basic(100)
                .run(RuleSet.MODULAR);
        CheckBatch legacy = cases().claim(KEMI, "2025-05-20", null, "2025-05-19", 'O')
                .item(I0001, 1, 10_00, 'B', 15)
                .basic(100)
                .run(RuleSet.LEGACY);

        assertThat(modular.rejection[0]).isEqualTo((short) 9);
        assertThat(modular.claimRejection[0]).isEqualTo((short) 1);
        assertThat(legacy.status[0]).isEqualTo((byte) 4);
        assertThat(legacy.approved[0])
                .as("legacy leaves Approved when nothing is rejected")
                .isEqualTo(NO_AMOUNT);
    }

    @Test
    void clm_maxprov_the_limit_of_two_consultations_passes_one_and_rejects_the_next_two_16() {
        for (RuleSet rules : RuleSet.values()) {
            Cases cases = cases();
            for (String date : new String[] {"2025-05-21", "2025-05-22", "2025-05-23"})
                cases.claim(KEMI, date)
                        .service(S0001, 1, 500_00, 'O', 'C')
                        .coinsurance(FAM_A_BASIC, BASIC, 100, 'P', NONE, 2, NO_MAX, NOTHING_COUNTED, 1);

            CheckBatch b = cases.run(rules);

            assertThat(b.rejection[0]).as(rules.name()).isZero();
            assertThat(b.rejection[1]).as(rules.name()).isEqualTo((short) 16);
            assertThat(b.rejection[2]).as(rules.name()).isEqualTo((short) 16);
            assertThat(b.status[2]).as(rules.name()).isEqualTo((byte) 1);
        }
    }

    @Test
    void over_the_maximum_provision_modular_cuts_the_quantity_and_legacy_passes_it_whole() {
        CheckBatch modular = cases().claim(KEMI, "2025-05-21")
                .service(S0001, 2, 500_00, 'O', 'C')
                .coinsurance(FAM_A_BASIC, BASIC, 100, 'P', NONE, 2, NO_MAX, NOTHING_COUNTED, 1)
                .run(RuleSet.MODULAR);
        CheckBatch legacy = cases().claim(KEMI, "2025-05-21")
                .service(S0001, 2, 500_00, 'O', 'C')
                .coinsurance(FAM_A_BASIC, BASIC, 100, 'P', NONE, 2, NO_MAX, NOTHING_COUNTED, 1)
                .run(RuleSet.LEGACY);

        assertThat(modular.rejection[0]).isZero();
        assertThat(modular.qtyApprovedOut[0]).isEqualTo(100);
        assertThat(modular.approved[0]).isEqualTo(500_00);
        assertThat(legacy.rejection[0]).isZero();
        assertThat(legacy.qtyApprovedOut[0]).isEqualTo(NO_AMOUNT);
    }

    @Test
    void clm_wait_a_member_added_later_waits_three_months_under_both_products_17() {
        CheckBatch b = cases().claim(ADE, "2025-05-24", "2025-05-25", "2025-05-25", 'B')
                .service(S0005, 1, 2000_00, 'I', 'H')
                .fixed(FAM_A_BASIC, BASIC, 1500_00, 'O', 3, "2025-04-01")
                .cover(FAM_A_HOSP, HOSP, "2025-04-01", 'C', 100_00, 'P', 3, NONE, NO_MAX, NOTHING_COUNTED, 0)
                .run(RuleSet.MODULAR);

        assertThat(b.rejection[0]).isEqualTo((short) 17);
        assertThat(b.status[0]).isEqualTo((byte) 1);
    }

    @Test
    void clm_cons_max_the_fourth_consultation_is_13_and_legacy_rejects_the_whole_claim_with_it() {
        int[] threeCounted = {3, 0, 0, 0, 0, 0};
        CheckBatch modular = fourthConsultation(threeCounted).run(RuleSet.MODULAR);
        CheckBatch legacy = fourthConsultation(threeCounted).run(RuleSet.LEGACY);

        assertThat(modular.rejection[0]).isEqualTo((short) 13);
        assertThat(modular.rejection[1]).as("modular: the item passes").isZero();
        assertThat(modular.status[0]).isEqualTo((byte) 4);
        assertThat(legacy.rejection[0]).isEqualTo((short) 13);
        assertThat(legacy.rejection[1])
                .as("legacy: the category maximum takes every line")
                .isEqualTo((short) 13);
        assertThat(legacy.status[0]).isEqualTo((byte) 1);
    }

    @Test
    void clm_cons_max_four_consultations_in_one_batch_pass_three_and_reject_the_fourth() {
        Cases cases = cases();
        for (String date : new String[] {"2025-02-03", "2025-03-03", "2025-04-03", "2025-05-05"})
            cases.claim(MUSA, date)
                    .service(S0007, 1, 300_00, 'O', 'C')
                    .coinsurance(FAM_D_BASIC, BASIC, 100, 'P', NONE, NONE, BASIC_MAX, NOTHING_COUNTED, 0);

        CheckBatch b = cases.run(RuleSet.MODULAR);

        assertThat(new byte[] {b.status[0], b.status[1], b.status[2], b.status[3]})
                .containsExactly(4, 4, 4, 1);
        assertThat(b.rejection[3]).isEqualTo((short) 13);
    }

    static Cases fourthConsultation(int[] counted) {
        return cases().claim(MUSA, "2025-05-05")
                .service(S0007, 1, 300_00, 'O', 'C')
                .coinsurance(FAM_D_BASIC, BASIC, 100, 'P', NONE, NONE, BASIC_MAX, counted, 0)
                .item(I0001, 1, 10_00, 'B', 15)
                .coinsurance(FAM_D_BASIC, BASIC, 100, 'P', NONE, NONE, BASIC_MAX, counted, 0);
    }

    @Test
    void clm_best_the_full_co_insurance_beats_the_fixed_amount_and_approves_the_price_list_price() {
        CheckBatch b = cases().claim(KEMI, "2025-06-06", "2025-06-07", "2025-06-07", 'B')
                .service(S0005, 1, 1800_00, 'I', 'H')
                .fixed(FAM_A_BASIC, BASIC, 1500_00, 'O', 3, "2024-09-01")
                .cover(FAM_A_HOSP, HOSP, "2024-09-01", 'C', 100_00, 'P', 3, NONE, NO_MAX, NOTHING_COUNTED, 0)
                .run(RuleSet.MODULAR);
        b.priceListPrice[0] = 2000_00;
        CheckStep.run(b, RuleSet.MODULAR);

        assertThat(b.productId[0]).isEqualTo(HOSP);
        assertThat(b.policyId[0]).isEqualTo(FAM_A_HOSP);
        assertThat(b.priceOrigin[0]).isEqualTo((byte) 'P');
        assertThat(b.approved[0]).isEqualTo(2000_00);
        assertThat(b.category[0]).isEqualTo((byte) 'H');
    }

    @Test
    void clm_own_the_only_product_s_fixed_amount_with_the_provider_s_price() {
        CheckBatch b = cases().claim(MUSA, "2025-06-06", "2025-06-07", "2025-06-07", 'B')
                .service(S0005, 1, 1800_00, 'I', 'H')
                .fixed(FAM_D_BASIC, BASIC, 1500_00, 'O', 3, "2024-09-01")
                .run(RuleSet.MODULAR);

        assertThat(b.limitation[0]).isEqualTo((byte) 'F');
        assertThat(b.limitationValue[0]).isEqualTo(1500_00);
        assertThat(b.priceOrigin[0]).isEqualTo((byte) 'O');
        assertThat(b.approved[0]).isEqualTo(1800_00);
    }

    @Test
    void clm_review_twenty_tablets_are_approved_at_200() {
        CheckBatch b = cases().claim(TOBI, "2025-06-08")
                .item(I0001, 20, 10_00, 'B', 15)
                .basic(100)
                .run(RuleSet.MODULAR);

        assertThat(b.status[0]).isEqualTo((byte) 4);
        assertThat(b.approved[0]).isEqualTo(200_00);
    }

    @Nested
    class Where_the_rule_sets_differ {

        @Test
        void an_other_category_service_makes_the_claim_o_modular_and_v_legacy() {
            CheckBatch modular = cases().claim(KEMI, "2025-05-04")
                    .service(S0006, 1, 400_00, 'O', 'O')
                    .basic(100)
                    .run(RuleSet.MODULAR);
            CheckBatch legacy = cases().claim(KEMI, "2025-05-04")
                    .service(S0006, 1, 400_00, 'O', 'O')
                    .basic(100)
                    .run(RuleSet.LEGACY);

            assertThat(modular.category[0]).isEqualTo((byte) 'O');
            assertThat(legacy.category[0]).isEqualTo((byte) 'V');
        }

        @Test
        void a_line_without_a_co_insurance_or_fixed_product_line_rejects_the_claim_modular_and_the_line_legacy() {
            for (RuleSet rules : RuleSet.values()) {
                Cases cases = cases().claim(KEMI, "2025-05-02")
                        .service(S0001, 1, 500_00, 'O', 'C')
                        .basic(100)
                        .item(I0001, 1, 10_00, 'B', 15)
                        .cover(
                                FAM_A_BASIC,
                                BASIC,
                                "2024-09-01",
                                (char) 0,
                                NO_AMOUNT,
                                'P',
                                NONE,
                                NONE,
                                BASIC_MAX,
                                NOTHING_COUNTED,
                                0);
                CheckBatch b = cases.run(rules);

                assertThat(b.rejection[1]).as(rules.name()).isEqualTo((short) 3);
                if (rules == RuleSet.MODULAR) {
                    assertThat(b.status[0]).isEqualTo((byte) 1);
                    assertThat(b.claimRejection[0]).isEqualTo((short) 3);
                    assertThat(b.lineStatus[0]).isEqualTo((byte) 2);
                } else {
                    assertThat(b.status[0]).isEqualTo((byte) 4);
                    assertThat(b.rejection[0]).isZero();
                    assertThat(b.approved[0])
                            .as("legacy: Σ passed qty × asked price")
                            .isEqualTo(500_00);
                }
            }
        }

        @Test
        void a_family_failure_is_claim_reason_1_modular_and_7_legacy() {
            for (RuleSet rules : RuleSet.values()) {
                Cases cases = cases().claim(KEMI, "2025-05-02")
                        .service(S0001, 1, 500_00, 'O', 'C')
                        .basic(100);
                cases.batch.familyValid[0] = false;
                CheckBatch b = cases.run(rules);

                assertThat(b.rejection[0]).isEqualTo((short) 7);
                assertThat(b.claimRejection[0]).isEqualTo((short) (rules == RuleSet.MODULAR ? 1 : 7));
            }
        }
    }

    @Test
    void a_line_the_medical_officer_rejected_stays_rejected_and_is_not_checked() {
        Cases cases = cases().claim(KEMI, "2025-05-02")
                .item(I0001, 1, 10_00, 'B', 15)
                .basic(100)
                .item(I0001, 2, 10_00, 'B', 15)
                .basic(100);
        cases.batch.priorRejection[1] = -1;

        CheckBatch b = cases.run(RuleSet.MODULAR);

        assertThat(b.rejection[1]).isEqualTo((short) -1);
        assertThat(b.lineStatus[1]).isEqualTo((byte) 2);
        assertThat(b.approved[0]).isEqualTo(10_00);
    }
}
