package org.healthclaims.engine.kernel;

/**
 * One batch for the check step (domain.md §4.1), column-wise: claims in the order they were submitted, each claim's
 * lines contiguous, each line's candidate coverages contiguous. The loader appends with {@link #claim}, {@link #line}
 * and {@link #candidate}; {@link CheckStep} fills the output columns. Dates are epoch days; quantities are in
 * hundredths and money in cents, both exact; {@link #NONE} and {@link #NO_AMOUNT} stand for SQL's null. Allocated
 * once at the largest batch and reused ({@link #clear}).
 */
public final class CheckBatch {

    public static final int NONE = Integer.MIN_VALUE;
    public static final long NO_AMOUNT = Long.MIN_VALUE;

    /** Claim categories with a maximum number of claims per period (domain.md §2.5), as column indexes. */
    public static final int CONSULTATION = 0, SURGERY = 1, DELIVERY = 2, ANTENATAL = 3, HOSPITALIZATION = 4, VISIT = 5;

    public static final int CATEGORIES = 6;

    // claims: inputs
    public final long[] claimId;
    public final long[] insureeId;
    /** P1: the insuree is current and belongs to a current family. */
    public final boolean[] familyValid;
    /** Modular P1: a current insuree-policy with effective date ≤ dateFrom and expiry ≥ the target date. */
    public final boolean[] covered;

    public final int[] dateFrom, dateTo, dateClaimed;
    /** 'O', 'E' or 'R'. */
    public final byte[] visitType;
    /** The facility's care type 'I', 'O' or 'B' (null read as 'B'). */
    public final byte[] facilityCareType;
    /** The day the insuree turns 18 ({@link #NONE}: birth date unknown, counted as adult). */
    public final int[] adultFrom;
    /** Male or other (domain.md §3.5: other counts as male); unknown gender counts as female. */
    public final boolean[] male;

    public final int[] firstLine, endLine;

    /**
     * The insuree's previous claim in the batch (-1: none), so that the checks counting the insuree's claims checked
     * earlier in the batch walk only those, not every claim before.
     */
    final int[] insureeClaimBefore;

    final LastIndex byInsuree;

    // claims: outputs
    public final byte[] status;
    public final short[] claimRejection;
    public final byte[] category;
    /** Approved at check, in cents; {@link #NO_AMOUNT} where the legacy rules leave it untouched. */
    public final long[] approved;

    // lines: inputs
    public final int[] lineClaim;
    public final boolean[] service;
    public final long[] medicalId;
    /** C1: the item or service is a current register entry. */
    public final boolean[] registerValid;
    /** C2: it is in the facility's price list valid at the target date. */
    public final boolean[] inPriceList;

    public final byte[] careType;
    /** The service's category ('S', 'D', 'A', 'H', 'C', 'O', 'V'), 0 for items and services without one. */
    public final byte[] serviceCategory;

    public final int[] patientCategory, frequency;
    /**
     * The nearest target dates, at or before and after this claim's, of a passed line of the same item or service
     * in the insuree's other counted claims (current, status above 2), for the frequency check.
     */
    public final int[] otherTdBefore, otherTdAfter;

    public final long[] qtyProvided, qtyApproved, priceAsked, priceApproved;
    /** The facility's price-list price at the target date (the overruling price where set). */
    public final long[] priceListPrice;
    /** -1 for a line the medical officer rejected: it is neither checked nor valued again. */
    public final short[] priorRejection;

    public final int[] firstCandidate, endCandidate;

    // lines: outputs
    public final short[] rejection;
    public final byte[] lineStatus;
    public final long[] qtyApprovedOut;
    public final long[] productId, policyId;
    public final byte[] priceOrigin, limitation;
    /** Percent (co-insurance 'C', in hundredths of a percent) or amount in cents (fixed 'F'). */
    public final long[] limitationValue;

    // candidates: a product line of a product of a policy covering the insuree at the target date
    public final long[] candidatePolicy, candidateProduct;
    public final int[] candidateCoveredFrom, candidateCountTo, candidatePolicyEffective;
    /** Policy stage 'N' (new): waiting periods apply. */
    public final boolean[] candidateNewPolicy;

    public final int[] waitingAdult, waitingChild, limitNoAdult, limitNoChild;
    /** The product's maximum number of claims per category in the period ({@link #NONE}: no maximum). */
    public final int[][] maxClaims;
    /** The insuree's counted claims of each category in the candidate's period, outside this batch. */
    public final int[][] claimsCounted;
    /** Quantity (hundredths) of this item or service in the insuree's counted claims of the period, outside the batch. */
    public final long[] usedQuantity;

    /** Scratch: each candidate's coverage start plus waiting months, the product loop's ordering key. */
    final int[] waitingEnd;

    public final byte[] candidatePriceOrigin;
    /** Limitation type per visit type (index 0 'O', 1 'E', 2 'R'): 'C', 'F' or 0. */
    public final byte[][] limitationType;
    /** Limit per visit type, adult and child: hundredths of a percent for 'C', cents for 'F'; {@link #NO_AMOUNT}. */
    public final long[][] limitAdult, limitChild;

    private int claims, lines, candidates;

    public CheckBatch(int claimCapacity, int lineCapacity, int candidateCapacity) {
        claimId = new long[claimCapacity];
        insureeId = new long[claimCapacity];
        familyValid = new boolean[claimCapacity];
        covered = new boolean[claimCapacity];
        dateFrom = new int[claimCapacity];
        dateTo = new int[claimCapacity];
        dateClaimed = new int[claimCapacity];
        visitType = new byte[claimCapacity];
        facilityCareType = new byte[claimCapacity];
        adultFrom = new int[claimCapacity];
        male = new boolean[claimCapacity];
        firstLine = new int[claimCapacity];
        endLine = new int[claimCapacity];
        insureeClaimBefore = new int[claimCapacity];
        byInsuree = new LastIndex(claimCapacity);
        status = new byte[claimCapacity];
        claimRejection = new short[claimCapacity];
        category = new byte[claimCapacity];
        approved = new long[claimCapacity];

        lineClaim = new int[lineCapacity];
        service = new boolean[lineCapacity];
        medicalId = new long[lineCapacity];
        registerValid = new boolean[lineCapacity];
        inPriceList = new boolean[lineCapacity];
        careType = new byte[lineCapacity];
        serviceCategory = new byte[lineCapacity];
        patientCategory = new int[lineCapacity];
        frequency = new int[lineCapacity];
        otherTdBefore = new int[lineCapacity];
        otherTdAfter = new int[lineCapacity];
        qtyProvided = new long[lineCapacity];
        qtyApproved = new long[lineCapacity];
        priceAsked = new long[lineCapacity];
        priceApproved = new long[lineCapacity];
        priceListPrice = new long[lineCapacity];
        priorRejection = new short[lineCapacity];
        firstCandidate = new int[lineCapacity];
        endCandidate = new int[lineCapacity];
        rejection = new short[lineCapacity];
        lineStatus = new byte[lineCapacity];
        qtyApprovedOut = new long[lineCapacity];
        productId = new long[lineCapacity];
        policyId = new long[lineCapacity];
        priceOrigin = new byte[lineCapacity];
        limitation = new byte[lineCapacity];
        limitationValue = new long[lineCapacity];

        candidatePolicy = new long[candidateCapacity];
        candidateProduct = new long[candidateCapacity];
        candidateCoveredFrom = new int[candidateCapacity];
        candidateCountTo = new int[candidateCapacity];
        candidatePolicyEffective = new int[candidateCapacity];
        candidateNewPolicy = new boolean[candidateCapacity];
        waitingAdult = new int[candidateCapacity];
        waitingChild = new int[candidateCapacity];
        limitNoAdult = new int[candidateCapacity];
        limitNoChild = new int[candidateCapacity];
        maxClaims = new int[CATEGORIES][candidateCapacity];
        claimsCounted = new int[CATEGORIES][candidateCapacity];
        usedQuantity = new long[candidateCapacity];
        waitingEnd = new int[candidateCapacity];
        candidatePriceOrigin = new byte[candidateCapacity];
        limitationType = new byte[3][candidateCapacity];
        limitAdult = new long[3][candidateCapacity];
        limitChild = new long[3][candidateCapacity];
    }

    public void clear() {
        claims = 0;
        lines = 0;
        candidates = 0;
    }

    public int claims() {
        return claims;
    }

    public int lines() {
        return lines;
    }

    public int candidates() {
        return candidates;
    }

    /** Appends a claim; its lines follow with {@link #line}. Answers its index. */
    public int claim(
            long id,
            long insuree,
            boolean familyValid,
            boolean covered,
            int dateFrom,
            int dateTo,
            int dateClaimed,
            char visitType,
            char facilityCareType,
            int adultFrom,
            boolean male) {
        int c = claims++;
        claimId[c] = id;
        insureeId[c] = insuree;
        this.familyValid[c] = familyValid;
        this.covered[c] = covered;
        this.dateFrom[c] = dateFrom;
        this.dateTo[c] = dateTo;
        this.dateClaimed[c] = dateClaimed;
        this.visitType[c] = (byte) visitType;
        this.facilityCareType[c] = (byte) facilityCareType;
        this.adultFrom[c] = adultFrom;
        this.male[c] = male;
        firstLine[c] = lines;
        endLine[c] = lines;
        return c;
    }

    /** Appends a line to the last claim; its candidates follow with {@link #candidate}. Answers its index. */
    public int line(
            boolean service,
            long medicalId,
            boolean registerValid,
            boolean inPriceList,
            char careType,
            char serviceCategory,
            int patientCategory,
            int frequency,
            int otherTdBefore,
            int otherTdAfter,
            long qtyProvided,
            long qtyApproved,
            long priceAsked,
            long priceApproved,
            long priceListPrice,
            int priorRejection) {
        int l = lines++;
        int c = claims - 1;
        lineClaim[l] = c;
        endLine[c] = lines;
        this.service[l] = service;
        this.medicalId[l] = medicalId;
        this.registerValid[l] = registerValid;
        this.inPriceList[l] = inPriceList;
        this.careType[l] = (byte) careType;
        this.serviceCategory[l] = (byte) serviceCategory;
        this.patientCategory[l] = patientCategory;
        this.frequency[l] = frequency;
        this.otherTdBefore[l] = otherTdBefore;
        this.otherTdAfter[l] = otherTdAfter;
        this.qtyProvided[l] = qtyProvided;
        this.qtyApproved[l] = qtyApproved;
        this.priceAsked[l] = priceAsked;
        this.priceApproved[l] = priceApproved;
        this.priceListPrice[l] = priceListPrice;
        this.priorRejection[l] = (short) priorRejection;
        firstCandidate[l] = candidates;
        endCandidate[l] = candidates;
        return l;
    }

    /**
     * Appends a candidate coverage of the last line: the policy and product, the insuree's coverage period (from,
     * and the end used for counting), the product line's waiting periods, quantity limits, price origin and
     * limitations, the product's maximum claims per category and what the insuree already used in the period.
     */
    public int candidate(
            long policy,
            long product,
            int coveredFrom,
            int countTo,
            int policyEffective,
            boolean newPolicy,
            int waitingAdult,
            int waitingChild,
            int limitNoAdult,
            int limitNoChild,
            int[] maxClaims,
            int[] claimsCounted,
            long usedQuantity,
            char priceOrigin,
            char[] limitationType,
            long[] limitAdult,
            long[] limitChild) {
        int k = candidates++;
        endCandidate[lines - 1] = candidates;
        candidatePolicy[k] = policy;
        candidateProduct[k] = product;
        candidateCoveredFrom[k] = coveredFrom;
        candidateCountTo[k] = countTo;
        candidatePolicyEffective[k] = policyEffective;
        candidateNewPolicy[k] = newPolicy;
        this.waitingAdult[k] = waitingAdult;
        this.waitingChild[k] = waitingChild;
        this.limitNoAdult[k] = limitNoAdult;
        this.limitNoChild[k] = limitNoChild;
        for (int g = 0; g < CATEGORIES; g++) {
            this.maxClaims[g][k] = maxClaims[g];
            this.claimsCounted[g][k] = claimsCounted[g];
        }
        this.usedQuantity[k] = usedQuantity;
        candidatePriceOrigin[k] = (byte) priceOrigin;
        for (int v = 0; v < 3; v++) {
            this.limitationType[v][k] = (byte) limitationType[v];
            this.limitAdult[v][k] = limitAdult[v];
            this.limitChild[v][k] = limitChild[v];
        }
        return k;
    }
}
