package org.healthclaims.api.demo;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.healthclaims.api.demo.Catalogue.Product;
import org.healthclaims.api.demo.Catalogue.ProductLine;
import org.healthclaims.api.demo.ClaimDraft.DedRem;
import org.healthclaims.api.demo.ClaimDraft.Line;
import org.healthclaims.api.demo.Enrolment.Cover;
import org.jspecify.annotations.Nullable;

/**
 * Processing (domain.md §4.2, modular rules, §4.7 readings) of the generated claims that the demo shows as processed
 * or valuated, so their stored amounts are the ones the rules give. It knows only the settings the two demo products
 * set: DedInsuree; MaxPolicy with its extra-member rule and cap; MaxIPInsuree; the surgery amount cap; co-insurance,
 * fixed limits, price origins and the adult ceiling exclusion. Claims must be given in processing order: each one
 * consumes the deductibles and ceilings of those before it, as the claim_ded_rem ledger records.
 */
final class Valuation {

    /** Ledger sums of one insuree under one policy. */
    private static final class InsureeLedger {
        long deducted;
        long remuneratedInPatient;
    }

    private record Holder(long policyId, long insureeId) {}

    private final Map<Holder, InsureeLedger> insurees = new HashMap<>();
    private final Map<Long, long[]> policyRemunerated = new HashMap<>();

    /** Values the claim's passed lines and sets its approved (and, without relative prices, valuated) amounts. */
    void process(ClaimDraft claim) {
        Cover cover = claim.cover;
        LocalDateTime processed = claim.processStamp;
        if (cover == null || processed == null)
            throw new IllegalStateException("claim " + claim.code + " was never checked or processed");
        Product product = cover.policy().product();
        long policyId = cover.policy().id();
        InsureeLedger ledger =
                insurees.computeIfAbsent(new Holder(policyId, claim.insuree.id()), h -> new InsureeLedger());
        long[] policyTotal = policyRemunerated.computeIfAbsent(policyId, id -> new long[1]);

        boolean hospitalVisit = (product.ceilingInterpretation() == 'I' && claim.isHospitalisation())
                || (product.ceilingInterpretation() == 'H' && claim.facility.level() == 'H');
        // money settings are "set" when non-null and non-zero (domain.md §4.7): as amounts, when above zero
        long deductible = Math.max(0, setOrZero(product.dedInsureeCents()) - ledger.deducted);
        long maxPolicy = setOrZero(product.maxPolicyCents());
        long maxInPatientInsuree = setOrZero(product.maxIpInsureeCents());
        long ceiling;
        long previouslyRemunerated;
        if (maxPolicy > 0) {
            ceiling = policyCeiling(maxPolicy, product, cover.policy().members());
            previouslyRemunerated = policyTotal[0];
        } else if (hospitalVisit && maxInPatientInsuree > 0) {
            ceiling = maxInPatientInsuree;
            previouslyRemunerated = ledger.remuneratedInPatient;
        } else {
            ceiling = 0;
            previouslyRemunerated = 0;
        }
        char category = claim.computedCategory();
        Long categoryCap =
                category == 'V' ? null : product.maxAmountPerCategoryCents().get(category);
        boolean adult = claim.insuree.isAdultOn(claim.targetDate());

        long deducted = 0;
        long remunerated = 0;
        long categoryRemunerated = 0;
        boolean relative = false;
        // items first, then services (domain.md §4.2 step 6)
        for (boolean services : new boolean[] {false, true}) {
            for (Line line : claim.lines) {
                ProductLine productLine = line.productLine;
                if (!line.isPassed() || line.entry.isService() != services || productLine == null) continue;
                long quantity = line.effectiveQuantity();
                long unit = productLine.priceOrigin() == 'O' ? line.priceAskedCents : line.entry.listPrice();
                long value = truncatedToUnits(quantity * unit);
                Long limit = productLine.limit(adult);
                if (productLine.limitationType() == 'F' && limit != null && limit != 0 && quantity * limit < value) {
                    value = quantity * limit;
                }
                long lineDeductible = 0;
                if (deductible - deducted > 0) {
                    lineDeductible = Math.min(value, deductible - deducted);
                    value -= lineDeductible;
                    deducted += lineDeductible;
                }
                if (productLine.limitationType() == 'C' && limit != null && limit != 0) value = percentOf(value, limit);
                long exceedCategory = 0;
                if (categoryCap != null) {
                    if (value + categoryRemunerated <= categoryCap) {
                        categoryRemunerated += value;
                    } else if (categoryRemunerated >= categoryCap) {
                        exceedCategory = value;
                        value = 0;
                    } else {
                        exceedCategory = value + categoryRemunerated - categoryCap;
                        value -= exceedCategory;
                        categoryRemunerated += value;
                    }
                }
                long approved;
                long exceedCeiling = 0;
                if (isExcludedFromCeiling(productLine, adult, hospitalVisit)) {
                    // valued, but neither in Approved nor in the ledger (domain.md §4.7)
                    approved = value;
                } else if (ceiling > 0) {
                    long left = ceiling - previouslyRemunerated - remunerated;
                    approved = Math.max(0, Math.min(left, value));
                    exceedCeiling = value - approved;
                    remunerated += approved;
                } else {
                    approved = value;
                    remunerated += value;
                }
                line.priceAdjustedCents = unit;
                line.deductibleCents = lineDeductible;
                line.exceedCeilingCents = exceedCeiling;
                line.exceedCategoryCents = exceedCategory;
                if (productLine.priceOrigin() == 'R') {
                    // valued by the monthly batch (domain.md §4.3)
                    relative = true;
                    line.priceValuatedCents = null;
                    line.remuneratedCents = null;
                } else {
                    line.priceValuatedCents = approved;
                    line.remuneratedCents = approved;
                }
            }
        }
        ledger.deducted += deducted;
        if (hospitalVisit) ledger.remuneratedInPatient += remunerated;
        policyTotal[0] += remunerated;

        // a relative price leaves the claim processed until the batch values it; otherwise it is valuated now
        if (relative != (claim.status == ClaimDraft.PROCESSED))
            throw new IllegalStateException("claim " + claim.code + " planned with status " + claim.status + " but "
                    + (relative ? "has" : "has no") + " relative-price line");
        claim.approvedCents = remunerated;
        if (!relative) {
            claim.valuatedCents = remunerated;
            claim.remuneratedCents = remunerated;
        }
        claim.dedRem = new DedRem(policyId, deducted, remunerated, hospitalVisit, processed);
    }

    /** MaxPolicy, raised per member above the threshold and capped (domain.md §4.2 step 5). */
    private static long policyCeiling(long maxPolicy, Product product, int members) {
        long ceiling = maxPolicy;
        Integer threshold = product.threshold();
        long extraMember = setOrZero(product.maxPolicyExtraMemberCents());
        long cap = setOrZero(product.maxCeilingPolicyCents());
        if (threshold != null && members > threshold && extraMember > 0) {
            ceiling += (members - threshold) * extraMember;
            if (cap > 0) ceiling = Math.min(ceiling, cap);
        }
        return ceiling;
    }

    private static boolean isExcludedFromCeiling(ProductLine line, boolean adult, boolean hospitalVisit) {
        Character exclusion = adult ? line.ceilingExclusionAdult() : null;
        if (exclusion == null) return false;
        return exclusion == 'B' || exclusion == (hospitalVisit ? 'H' : 'N');
    }

    private static long setOrZero(@Nullable Long cents) {
        return cents == null ? 0 : cents;
    }

    /** The modular rules truncate qty × price to a whole amount (domain.md §4.2, §4.7). */
    static long truncatedToUnits(long cents) {
        return cents / 100 * 100;
    }

    /** Co-insurance: {@code percentHundredths} of the value, rounded half-up to cents (domain.md §4.7). */
    static long percentOf(long cents, long percentHundredths) {
        return (cents * percentHundredths + 5_000) / 10_000;
    }
}
