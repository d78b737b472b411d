package org.healthclaims.api.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.healthclaims.api.demo.Catalogue.MedicalEntry;
import org.healthclaims.api.demo.Catalogue.ProductLine;
import org.healthclaims.api.demo.Enrolment.Cover;
import org.healthclaims.api.demo.Enrolment.Member;
import org.healthclaims.api.demo.Facilities.Facility;
import org.healthclaims.api.demo.Officers.Officer;
import org.jspecify.annotations.Nullable;

/**
 * A claim being generated. It is filled in stages, as openIMIS fills a claim (entered, checked, reviewed, processed),
 * and written once by {@link ClaimWriter}; it never leaves this package. Money is in cents, quantities are whole.
 */
final class ClaimDraft {

    static final int REJECTED = 1;
    static final int ENTERED = 2;
    static final int CHECKED = 4;
    static final int PROCESSED = 8;
    static final int VALUATED = 16;

    /** Review and feedback status (domain.md §3.2). */
    static final int IDLE = 1;

    static final int NOT_SELECTED = 2;
    static final int SELECTED = 4;
    static final int DELIVERED = 8;
    static final int BYPASSED = 16;

    long id;
    String code = "";
    final Member insuree;
    final Facility facility;
    final LocalDate dateFrom;
    final @Nullable LocalDate dateTo;
    LocalDate dateClaimed;
    final long icdId;
    final List<Line> lines;
    int status = ENTERED;

    @Nullable
    Character category;

    int reviewStatus = IDLE;
    int feedbackStatus = IDLE;
    int rejectionReason;

    @Nullable
    Long approvedCents;

    @Nullable
    Long valuatedCents;

    @Nullable
    Long remuneratedCents;

    @Nullable
    String adjustment;

    LocalDateTime enteredAt;
    long enteredBy;

    @Nullable
    LocalDateTime submitStamp;

    @Nullable
    Long submittedBy;

    @Nullable
    LocalDateTime reviewStamp;

    @Nullable
    Long reviewedBy;

    @Nullable
    LocalDateTime processStamp;

    @Nullable
    Long processedBy;
    /** The coverage its passed lines are paid under; null until checked. */
    @Nullable
    Cover cover;

    @Nullable
    Feedback feedback;

    @Nullable
    DedRem dedRem;

    /** The enrolment officer's feedback: the prompt sent to the officer and, once delivered, the patient's answers. */
    record Feedback(
            Officer officer,
            long selectedBy,
            LocalDateTime promptedAt,
            @Nullable LocalDateTime closedAt,
            @Nullable Answers answers) {}

    record Answers(
            LocalDateTime deliveredAt,
            boolean careRendered,
            boolean paymentAsked,
            boolean drugPrescribed,
            boolean drugReceived,
            int assessment) {}

    /** The claim's row of the deductible/remuneration ledger (claim_ded_rem), written at processing. */
    record DedRem(
            long policyId, long deductedCents, long remuneratedCents, boolean isHospitalVisit, LocalDateTime at) {}

    ClaimDraft(
            Member insuree,
            Facility facility,
            LocalDate dateFrom,
            @Nullable LocalDate dateTo,
            LocalDate dateClaimed,
            long icdId,
            List<Line> lines,
            LocalDateTime enteredAt,
            long enteredBy) {
        this.insuree = insuree;
        this.facility = facility;
        this.dateFrom = dateFrom;
        this.dateTo = dateTo;
        this.dateClaimed = dateClaimed;
        this.icdId = icdId;
        this.lines = List.copyOf(lines);
        this.enteredAt = enteredAt;
        this.enteredBy = enteredBy;
    }

    /** The target date: DateTo ?? DateFrom (domain.md §4). */
    LocalDate targetDate() {
        return dateTo != null ? dateTo : dateFrom;
    }

    /** In-patient: DateTo set and not DateFrom (domain.md §4). */
    boolean isHospitalisation() {
        return dateTo != null && !dateTo.equals(dateFrom);
    }

    long claimedCents() {
        long sum = 0;
        for (Line line : lines) sum += line.quantity * line.priceAskedCents;
        return sum;
    }

    /**
     * The claim category openIMIS stores at submit: the first of S, D, A (services), H (hospitalisation), C, O
     * (services), else V (domain.md §4.1, the modular precedence).
     */
    char computedCategory() {
        for (char wanted : new char[] {'S', 'D', 'A', 'H', 'C', 'O'}) {
            if (wanted == 'H') {
                if (isHospitalisation()) return 'H';
                continue;
            }
            for (Line line : lines) if (line.entry.isService() && line.entry.category() == wanted) return wanted;
        }
        return 'V';
    }

    boolean hasService() {
        for (Line line : lines) if (line.entry.isService()) return true;
        return false;
    }

    /** An item or service line. */
    static final class Line {
        final MedicalEntry entry;
        final long quantity;
        final long priceAskedCents;
        final @Nullable String explanation;
        int status = 1;
        int rejectionReason;

        @Nullable
        Long quantityApproved;

        @Nullable
        String justification;

        @Nullable
        ProductLine productLine;

        @Nullable
        Long limitationValue;

        @Nullable
        Long priceAdjustedCents;

        @Nullable
        Long priceValuatedCents;

        @Nullable
        Long remuneratedCents;

        @Nullable
        Long deductibleCents;

        @Nullable
        Long exceedCeilingCents;

        @Nullable
        Long exceedCategoryCents;

        Line(MedicalEntry entry, long quantity, long priceAskedCents, @Nullable String explanation) {
            this.entry = entry;
            this.quantity = quantity;
            this.priceAskedCents = priceAskedCents;
            this.explanation = explanation;
        }

        boolean isPassed() {
            return status == 1;
        }

        /** Rejected at check: status 2, QtyApproved 0 and the reason (domain.md §4.1, §4.7). */
        void reject(int reason) {
            status = 2;
            rejectionReason = reason;
            quantityApproved = 0L;
        }

        /**
         * Passed at check: the product line chosen, its limitation for the patient's age, and the unit price the
         * submit-time run writes (the asked price for origin O, the price-list price otherwise).
         */
        void pass(ProductLine chosen, boolean adult) {
            productLine = chosen;
            limitationValue = chosen.limit(adult);
            priceAdjustedCents = chosen.priceOrigin() == 'O' ? priceAskedCents : entry.listPrice();
        }

        long effectiveQuantity() {
            return quantityApproved != null ? quantityApproved : quantity;
        }
    }
}
