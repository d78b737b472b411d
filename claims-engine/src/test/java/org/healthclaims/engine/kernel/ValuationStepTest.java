package org.healthclaims.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthclaims.engine.kernel.CheckBatch.NONE;
import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;

import org.junit.jupiter.api.Test;

/** The processing step on §9's amounts (modular), and where the rule sets round differently. */
class ValuationStepTest {

    static final long N = NO_AMOUNT;
    static final long KEMI = 1, TOBI = 2, MUSA = 6;

    /** A product: deductible[kind][level], ceiling[kind][level] (kind general/IP/OP, level treatment/insuree/policy). */
    static final class Product {
        final char interpretation;
        final int threshold;
        final long[][] deductible, ceiling;
        final long[] extraMember, ceilingCap, maxAmount;

        Product(
                char interpretation,
                int threshold,
                long[][] deductible,
                long[][] ceiling,
                long[] extraMember,
                long[] ceilingCap,
                long[] maxAmount) {
            this.interpretation = interpretation;
            this.threshold = threshold;
            this.deductible = deductible;
            this.ceiling = ceiling;
            this.extraMember = extraMember;
            this.ceilingCap = ceilingCap;
            this.maxAmount = maxAmount;
        }
    }

    /** PRD-BASIC: DedInsuree 100, MaxPolicy 20000 (+2000 per member over 6, at most 30000). */
    static final Product BASIC = new Product(
            'I',
            6,
            new long[][] {{N, 100_00, N}, {N, N, N}, {N, N, N}},
            new long[][] {{N, N, 20_000_00}, {N, N, N}, {N, N, N}},
            new long[] {2_000_00, N, N},
            new long[] {30_000_00, N, N},
            new long[] {N, N, N, N, N});

    /** PRD-HOSP: MaxIPInsuree 50000, MaxAmountSurgery 25000, ceiling by facility level. */
    static final Product HOSP = new Product(
            'H',
            NONE,
            new long[][] {{N, N, N}, {N, N, N}, {N, N, N}},
            new long[][] {{N, N, N}, {N, 50_000_00, N}, {N, N, N}},
            new long[] {N, N, N},
            new long[] {N, N, N},
            new long[] {25_000_00, N, N, N, N});

    final ValuationBatch b = new ValuationBatch(16, 32, 64);

    ValuationStepTest claim(long insuree, boolean hospitalisation, boolean hospital, boolean adult, char category) {
        b.claim(b.claims() + 1, insuree, hospitalisation, hospital, adult, category);
        return this;
    }

    ValuationStepTest policy(long id, Product product, int members, long previousDeductibleInsuree) {
        long[] none = {0, 0, 0};
        b.policy(
                id,
                product.interpretation,
                members,
                product.threshold,
                product.deductible,
                product.ceiling,
                product.extraMember,
                product.ceilingCap,
                product.maxAmount,
                new long[] {previousDeductibleInsuree, 0, 0},
                new long[] {previousDeductibleInsuree, 0, 0},
                none,
                none);
        return this;
    }

    ValuationStepTest line(
            boolean service,
            double qty,
            long asked,
            long list,
            char origin,
            char limitation,
            long limit,
            char exclusion) {
        b.line(
                b.lines() + 1,
                service,
                0,
                Math.round(qty * 100),
                asked,
                N,
                list,
                origin,
                limitation,
                limit,
                exclusion,
                exclusion);
        return this;
    }

    ValuationStepTest run() {
        ValuationStep.run(b, RuleSet.MODULAR);
        return this;
    }

    @Test
    void clm_ok_op_the_deductible_takes_the_tablets_and_the_consultation_is_paid_500() {
        claim(KEMI, false, false, true, 'C')
                .policy(10, BASIC, 3, 0)
                .line(false, 10, 10_00, 10_00, 'P', 'C', 100_00, (char) 0)
                .line(true, 1, 500_00, 500_00, 'P', 'C', 100_00, (char) 0)
                .run();

        assertThat(b.deductedAmount[0]).isEqualTo(100_00);
        assertThat(b.priceValuated[0]).isZero();
        assertThat(b.priceValuated[1]).isEqualTo(500_00);
        assertThat(b.approved[0]).isEqualTo(500_00);
        assertThat(b.status[0]).isEqualTo((byte) 16);
        assertThat(b.deducted[0]).isEqualTo(100_00);
        assertThat(b.remunerated[0]).isEqualTo(500_00);
    }

    @Test
    void clm_pl_after_clm_ok_op_in_the_same_batch_pays_the_whole_10() {
        claim(KEMI, false, false, true, 'C')
                .policy(10, BASIC, 3, 0)
                .line(false, 10, 10_00, 10_00, 'P', 'C', 100_00, (char) 0)
                .line(true, 1, 500_00, 500_00, 'P', 'C', 100_00, (char) 0);
        claim(KEMI, false, false, true, 'V')
                .policy(10, BASIC, 3, 0)
                .line(false, 1, 10_00, 10_00, 'P', 'C', 100_00, (char) 0)
                .run();

        assertThat(b.deductedAmount[2]).isZero();
        assertThat(b.approved[1]).isEqualTo(10_00);
    }

    @Test
    void clm_freq1_tobi_s_own_deductible_leaves_125_of_225() {
        claim(TOBI, false, false, false, 'V')
                .policy(10, BASIC, 3, 0)
                .line(false, 5, 45_00, 45_00, 'P', 'C', 100_00, (char) 0)
                .run();

        assertThat(b.approved[0]).isEqualTo(125_00);
    }

    @Test
    void clm_deliv_ninety_percent_of_the_delivery_and_the_fixed_cap_on_oxytocin_make_4600() {
        claim(KEMI, true, true, true, 'D')
                .policy(10, BASIC, 3, 100_00)
                .line(false, 1, 120_00, 120_00, 'P', 'F', 100_00, (char) 0)
                .line(true, 1, 5_000_00, 5_000_00, 'P', 'C', 90_00, (char) 0)
                .run();

        assertThat(b.priceValuated[0]).isEqualTo(100_00);
        assertThat(b.priceValuated[1]).isEqualTo(4_500_00);
        assertThat(b.approved[0]).isEqualTo(4_600_00);
    }

    @Test
    void clm_surg_the_surgery_maximum_cuts_5000_and_the_relative_price_waits_for_the_batch() {
        claim(KEMI, true, true, true, 'S')
                .policy(20, HOSP, 3, 0)
                .line(true, 1, 30_000_00, 30_000_00, 'R', 'C', 100_00, (char) 0)
                .run();

        assertThat(b.exceedCeilingCategory[0]).isEqualTo(5_000_00);
        assertThat(b.priceValuated[0]).isEqualTo(NO_AMOUNT);
        assertThat(b.approved[0]).isEqualTo(25_000_00);
        assertThat(b.status[0]).isEqualTo((byte) 8);
    }

    @Test
    void clm_best_a_line_excluded_from_the_ceiling_is_valued_2000_but_not_approved() {
        claim(KEMI, true, true, true, 'H')
                .policy(20, HOSP, 3, 0)
                .line(true, 1, 1_800_00, 2_000_00, 'P', 'C', 100_00, 'H')
                .run();

        assertThat(b.priceValuated[0]).isEqualTo(2_000_00);
        assertThat(b.approved[0]).isZero();
        assertThat(b.remunerated[0]).isZero();
        assertThat(b.status[0]).isEqualTo((byte) 16);
    }

    @Test
    void clm_own_the_provider_s_price_under_the_fixed_1500() {
        claim(MUSA, true, false, true, 'H')
                .policy(60, BASIC, 1, 100_00)
                .line(true, 1, 1_800_00, 2_000_00, 'O', 'F', 1_500_00, (char) 0)
                .run();

        assertThat(b.priceAdjusted[0]).isEqualTo(1_800_00);
        assertThat(b.approved[0]).isEqualTo(1_500_00);
    }

    @Test
    void clm_cons_max_the_first_consultation_pays_the_deductible_the_next_are_whole() {
        for (int i = 0; i < 3; i++)
            claim(MUSA, false, false, true, 'C')
                    .policy(60, BASIC, 1, 0)
                    .line(true, 1, 300_00, 300_00, 'P', 'C', 100_00, (char) 0);
        run();

        assertThat(new long[] {b.approved[0], b.approved[1], b.approved[2]}).containsExactly(200_00, 300_00, 300_00);
    }

    @Test
    void the_policy_ceiling_grows_with_members_over_the_threshold_and_cuts_the_rest() {
        // 8 members, threshold 6: 20000 + 2 × 2000 = 24000
        claim(KEMI, false, false, true, 'V')
                .policy(10, BASIC, 8, 100_00)
                .line(true, 1, 30_000_00, 30_000_00, 'P', 'C', 100_00, (char) 0)
                .run();

        assertThat(b.approved[0]).isEqualTo(24_000_00);
        assertThat(b.exceedCeiling[0]).isEqualTo(6_000_00);
    }

    @Test
    void modular_truncates_a_line_to_whole_units_and_legacy_rounds_it_to_cents() {
        claim(TOBI, false, false, false, 'V')
                .policy(10, BASIC, 3, 100_00)
                .line(false, 3, 3_33, 3_33, 'P', 'C', 100_00, (char) 0);
        ValuationStep.run(b, RuleSet.MODULAR);
        long modular = b.approved[0];
        ValuationStep.run(b, RuleSet.LEGACY);

        assertThat(modular).isEqualTo(9_00);
        assertThat(b.approved[0]).isEqualTo(9_99);
    }
}
