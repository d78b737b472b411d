package org.healthclaims.engine.kernel;

/**
 * One batch for the processing step (domain.md §4.2), column-wise: claims in order; per claim its policies (the
 * policies its passed lines were assigned to, each with its product's deductibles and ceilings and what the
 * policy and the insuree consumed before); per claim its passed lines. Money in cents, quantities in hundredths,
 * percentages in hundredths of a percent, {@link CheckBatch#NO_AMOUNT} for null (and, for money limits, zero: §4.7
 * "set" means non-null and non-zero). {@link ValuationStep} fills the outputs.
 */
public final class ValuationBatch {

    static final long NO_AMOUNT = CheckBatch.NO_AMOUNT;

    /** Deductible and ceiling levels, per treatment, per insuree, per policy; general, in-patient, out-patient. */
    public static final int TREATMENT = 0, INSUREE = 1, POLICY = 2;

    public static final int GENERAL = 0, IN_PATIENT = 1, OUT_PATIENT = 2;

    /** Claim categories with a maximum amount: S, D, A, H, C. */
    public static final int SURGERY = 0, DELIVERY = 1, ANTENATAL = 2, HOSPITALIZATION = 3, CONSULTATION = 4;

    // claims
    public final long[] claimId, insureeId;
    public final boolean[] hospitalisation, hospitalFacility, adult;
    public final byte[] category;
    public final int[] firstLine, endLine, firstPolicy, endPolicy;
    // claims: outputs
    public final long[] approved;
    public final byte[] status;

    // policies of a claim
    public final long[] policyId;
    /** 'I' (claim type) or 'H' (facility level). */
    public final byte[] ceilingInterpretation;

    public final int[] members, threshold;
    /** [kind GENERAL/IN/OUT][level TREATMENT/INSUREE/POLICY]. */
    public final long[][][] deductible, ceiling;

    public final long[][] extraMember, ceilingCap;
    public final long[][] maxAmount;
    /** Consumed by other claims: deductible and remunerated, of the insuree and of the policy, per kind. */
    public final long[][] previousDeductibleInsuree,
            previousDeductiblePolicy,
            previousRemuneratedInsuree,
            previousRemuneratedPolicy;
    // policies: outputs (the ledger row)
    public final long[] deducted, remunerated;
    public final boolean[] hospitalVisit;
    public final long[][] remuneratedByCategory;

    /**
     * The batch's own ledger, so that a claim sees what the claims before it in the batch consumed without walking
     * all of them: per policy row, the previous row of the same policy and of the same policy and insuree (-1:
     * none), and the running totals along each chain up to this row ([0] hospital visits, [1] other visits).
     */
    final int[] policyRowBefore, insureeRowBefore;

    final long[][] policyDeductedSoFar, policyRemuneratedSoFar, insureeDeductedSoFar, insureeRemuneratedSoFar;
    final LastIndex byPolicy, byPolicyAndInsuree;

    // lines (passed ones), in valuation order: items first, then services
    public final int[] lineClaim, linePolicy;
    public final long[] lineId;
    public final boolean[] service;
    public final long[] qty, priceAsked, priceApproved, priceList, limitationValue;
    public final byte[] priceOrigin, limitation, exclusionAdult, exclusionChild;
    /** Element-wise results ({@link LineValues}): unit price, value before the deductible, fixed cap (0: none). */
    final long[] unit, value, fixedLimit;

    // lines: outputs
    public final long[] priceAdjusted,
            priceValuated,
            deductedAmount,
            exceedCeiling,
            exceedCeilingCategory,
            remuneratedAmount;
    private int claims, policies, lines;

    public ValuationBatch(int claimCapacity, int policyCapacity, int lineCapacity) {
        claimId = new long[claimCapacity];
        insureeId = new long[claimCapacity];
        hospitalisation = new boolean[claimCapacity];
        hospitalFacility = new boolean[claimCapacity];
        adult = new boolean[claimCapacity];
        category = new byte[claimCapacity];
        firstLine = new int[claimCapacity];
        endLine = new int[claimCapacity];
        firstPolicy = new int[claimCapacity];
        endPolicy = new int[claimCapacity];
        approved = new long[claimCapacity];
        status = new byte[claimCapacity];

        policyId = new long[policyCapacity];
        ceilingInterpretation = new byte[policyCapacity];
        members = new int[policyCapacity];
        threshold = new int[policyCapacity];
        deductible = new long[3][3][policyCapacity];
        ceiling = new long[3][3][policyCapacity];
        extraMember = new long[3][policyCapacity];
        ceilingCap = new long[3][policyCapacity];
        maxAmount = new long[5][policyCapacity];
        previousDeductibleInsuree = new long[3][policyCapacity];
        previousDeductiblePolicy = new long[3][policyCapacity];
        previousRemuneratedInsuree = new long[3][policyCapacity];
        previousRemuneratedPolicy = new long[3][policyCapacity];
        deducted = new long[policyCapacity];
        remunerated = new long[policyCapacity];
        hospitalVisit = new boolean[policyCapacity];
        remuneratedByCategory = new long[5][policyCapacity];
        policyRowBefore = new int[policyCapacity];
        insureeRowBefore = new int[policyCapacity];
        policyDeductedSoFar = new long[2][policyCapacity];
        policyRemuneratedSoFar = new long[2][policyCapacity];
        insureeDeductedSoFar = new long[2][policyCapacity];
        insureeRemuneratedSoFar = new long[2][policyCapacity];
        byPolicy = new LastIndex(policyCapacity);
        byPolicyAndInsuree = new LastIndex(policyCapacity);

        lineClaim = new int[lineCapacity];
        linePolicy = new int[lineCapacity];
        lineId = new long[lineCapacity];
        service = new boolean[lineCapacity];
        qty = new long[lineCapacity];
        priceAsked = new long[lineCapacity];
        priceApproved = new long[lineCapacity];
        priceList = new long[lineCapacity];
        limitationValue = new long[lineCapacity];
        priceOrigin = new byte[lineCapacity];
        limitation = new byte[lineCapacity];
        exclusionAdult = new byte[lineCapacity];
        exclusionChild = new byte[lineCapacity];
        unit = new long[lineCapacity];
        value = new long[lineCapacity];
        fixedLimit = new long[lineCapacity];
        priceAdjusted = new long[lineCapacity];
        priceValuated = new long[lineCapacity];
        deductedAmount = new long[lineCapacity];
        exceedCeiling = new long[lineCapacity];
        exceedCeilingCategory = new long[lineCapacity];
        remuneratedAmount = new long[lineCapacity];
    }

    public void clear() {
        claims = 0;
        policies = 0;
        lines = 0;
    }

    public int claims() {
        return claims;
    }

    public int policies() {
        return policies;
    }

    public int lines() {
        return lines;
    }

    public int claim(
            long id, long insuree, boolean hospitalisation, boolean hospitalFacility, boolean adult, char category) {
        int c = claims++;
        claimId[c] = id;
        insureeId[c] = insuree;
        this.hospitalisation[c] = hospitalisation;
        this.hospitalFacility[c] = hospitalFacility;
        this.adult[c] = adult;
        this.category[c] = (byte) category;
        firstLine[c] = lines;
        endLine[c] = lines;
        firstPolicy[c] = policies;
        endPolicy[c] = policies;
        return c;
    }

    /**
     * A policy of the last claim, with its product's settings: {@code deductible[kind][level]} and
     * {@code ceiling[kind][level]}, the extra-member amounts and caps per kind, the maximum amounts per category,
     * and what was consumed before ({@code [kind]}: general, in-patient, out-patient).
     */
    public int policy(
            long id,
            char ceilingInterpretation,
            int members,
            int threshold,
            long[][] deductible,
            long[][] ceiling,
            long[] extraMember,
            long[] ceilingCap,
            long[] maxAmount,
            long[] previousDeductibleInsuree,
            long[] previousDeductiblePolicy,
            long[] previousRemuneratedInsuree,
            long[] previousRemuneratedPolicy) {
        int p = policies++;
        endPolicy[claims - 1] = policies;
        policyId[p] = id;
        this.ceilingInterpretation[p] = (byte) ceilingInterpretation;
        this.members[p] = members;
        this.threshold[p] = threshold;
        for (int k = 0; k < 3; k++) {
            for (int level = 0; level < 3; level++) {
                this.deductible[k][level][p] = set(deductible[k][level]);
                this.ceiling[k][level][p] = set(ceiling[k][level]);
            }
            this.extraMember[k][p] = set(extraMember[k]);
            this.ceilingCap[k][p] = set(ceilingCap[k]);
            this.previousDeductibleInsuree[k][p] = previousDeductibleInsuree[k];
            this.previousDeductiblePolicy[k][p] = previousDeductiblePolicy[k];
            this.previousRemuneratedInsuree[k][p] = previousRemuneratedInsuree[k];
            this.previousRemuneratedPolicy[k][p] = previousRemuneratedPolicy[k];
        }
        for (int g = 0; g < 5; g++) this.maxAmount[g][p] = set(maxAmount[g]);
        return p;
    }

    /** A passed line of the last claim, assigned to its policy number {@code policyOfClaim} (0 = the first). */
    public int line(
            long id,
            boolean service,
            int policyOfClaim,
            long qty,
            long priceAsked,
            long priceApproved,
            long priceList,
            char priceOrigin,
            char limitation,
            long limitationValue,
            char exclusionAdult,
            char exclusionChild) {
        int l = lines++;
        int c = claims - 1;
        endLine[c] = lines;
        lineClaim[l] = c;
        linePolicy[l] = firstPolicy[c] + policyOfClaim;
        lineId[l] = id;
        this.service[l] = service;
        this.qty[l] = qty;
        this.priceAsked[l] = priceAsked;
        this.priceApproved[l] = priceApproved;
        this.priceList[l] = priceList;
        this.priceOrigin[l] = (byte) priceOrigin;
        this.limitation[l] = (byte) limitation;
        this.limitationValue[l] = limitationValue;
        this.exclusionAdult[l] = (byte) exclusionAdult;
        this.exclusionChild[l] = (byte) exclusionChild;
        this.fixedLimit[l] =
                limitation == 'F' && limitationValue != NO_AMOUNT && limitationValue > 0 ? limitationValue : 0;
        return l;
    }

    /** §4.7: a money setting is "set" when non-null and non-zero. */
    private static long set(long amount) {
        return amount == 0 ? NO_AMOUNT : amount;
    }
}
