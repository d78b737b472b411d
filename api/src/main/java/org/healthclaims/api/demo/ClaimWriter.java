package org.healthclaims.api.demo;

import org.healthclaims.api.demo.Catalogue.ProductLine;
import org.healthclaims.api.demo.ClaimDraft.Answers;
import org.healthclaims.api.demo.ClaimDraft.DedRem;
import org.healthclaims.api.demo.ClaimDraft.Feedback;
import org.healthclaims.api.demo.ClaimDraft.Line;
import org.healthclaims.api.demo.Enrolment.Cover;

/**
 * Writes a finished {@link ClaimDraft}: the claim, its item and service lines, and where its status implies them its
 * ledger row, feedback prompt and feedback. Visit type is O on every claim (§9; the products define no R or E limits).
 */
final class ClaimWriter {

    static final String COPY_CLAIM = """
            copy claim (id, uuid, code, insuree_id, health_facility_id, claim_admin_id, date_from, date_to,
                        date_claimed, date_processed, icd_id, visit_type, category, status, review_status,
                        feedback_status, rejection_reason, claimed, approved, valuated, remunerated, adjustment,
                        adjuster_id, feedback_available, submit_stamp, process_stamp, validity_from_review,
                        audit_user_id_review, audit_user_id_submit, audit_user_id_process, validity_from,
                        audit_user_id) from stdin""";
    static final String COPY_CLAIM_ITEM = """
            copy claim_item (id, claim_id, item_id, product_id, policy_id, status, availability, qty_provided,
                             qty_approved, price_asked, price_adjusted, price_valuated, remunerated_amount,
                             deductable_amount, exceed_ceiling_amount, exceed_ceiling_amount_category, limitation,
                             limitation_value, price_origin, rejection_reason, explanation, justification,
                             validity_from, audit_user_id) from stdin""";
    static final String COPY_CLAIM_SERVICE = """
            copy claim_service (id, claim_id, service_id, product_id, policy_id, status, qty_provided, qty_approved,
                                price_asked, price_adjusted, price_valuated, remunerated_amount, deductable_amount,
                                exceed_ceiling_amount, exceed_ceiling_amount_category, limitation, limitation_value,
                                price_origin, rejection_reason, explanation, justification, validity_from,
                                audit_user_id) from stdin""";
    static final String COPY_CLAIM_DED_REM = """
            copy claim_ded_rem (id, policy_id, insuree_id, claim_id, ded_g, ded_op, ded_ip, rem_g, rem_op, rem_ip,
                                rem_consult, rem_surgery, rem_delivery, rem_hospitalization, rem_antenatal,
                                validity_from, audit_user_id) from stdin""";
    static final String COPY_FEEDBACK = """
            copy feedback (id, uuid, claim_id, care_rendered, payment_asked, drug_prescribed, drug_received,
                           asessment, chf_officer_code, feedback_date, validity_from, audit_user_id) from stdin""";
    static final String COPY_FEEDBACK_PROMPT = """
            copy feedback_prompt (id, feedback_prompt_date, claim_id, officer_id, phone_number, sms_status,
                                  validity_from, validity_to, audit_user_id) from stdin""";

    private final DemoRows rows;

    ClaimWriter(DemoRows rows) {
        this.rows = rows;
    }

    /** Hands out the next claim id; claims must then be written in id order. */
    long nextId() {
        return rows.claim.nextId();
    }

    void write(ClaimDraft claim) {
        Character category = claim.category;
        rows.claim
                .number(claim.id)
                .uuid()
                .text(claim.code)
                .number(claim.insuree.id())
                .number(claim.facility.id())
                .number(claim.facility.admin().id())
                .date(claim.dateFrom)
                .date(claim.dateTo)
                .date(claim.dateClaimed)
                .date(claim.processStamp == null ? null : claim.processStamp.toLocalDate())
                .number(claim.icdId)
                .text('O')
                .text(category == null ? null : category.toString())
                .number(claim.status)
                .number(claim.reviewStatus)
                .number(claim.feedbackStatus)
                .number(claim.rejectionReason)
                .money(claim.claimedCents())
                .money(claim.approvedCents)
                .money(claim.valuatedCents)
                .money(claim.remuneratedCents)
                .text(claim.adjustment)
                .number(claim.reviewStamp == null ? null : claim.reviewedBy)
                .flag(claim.feedback != null && claim.feedback.answers() != null)
                .time(claim.submitStamp)
                .time(claim.processStamp)
                .time(claim.reviewStamp)
                .number(claim.reviewedBy)
                .number(claim.submittedBy)
                .number(claim.processedBy)
                .time(claim.enteredAt)
                .number(claim.enteredBy)
                .endRow();
        for (Line line : claim.lines) line(claim, line);
        DedRem dedRem = claim.dedRem;
        if (dedRem != null) dedRem(claim, dedRem);
        Feedback feedback = claim.feedback;
        if (feedback != null) feedback(claim, feedback);
    }

    private void line(ClaimDraft claim, Line line) {
        CopyTable table = line.entry.isService() ? rows.claimService : rows.claimItem;
        ProductLine productLine = line.productLine;
        Cover cover = claim.cover;
        table.number(table.nextId())
                .number(claim.id)
                .number(line.entry.id())
                .number(productLine == null ? null : productLine.product().id())
                .number(
                        productLine == null || cover == null
                                ? null
                                : cover.policy().id());
        table.number(line.status);
        // claim_item.availability: the item was available at the facility (openIMIS's default)
        if (!line.entry.isService()) table.flag(true);
        table.number(line.quantity)
                .number(line.quantityApproved)
                .money(line.priceAskedCents)
                .money(line.priceAdjustedCents)
                .money(line.priceValuatedCents)
                .money(line.remuneratedCents)
                .money(line.deductibleCents)
                .money(line.exceedCeilingCents)
                .money(line.exceedCategoryCents)
                .text(productLine == null ? null : String.valueOf(productLine.limitationType()))
                .money(line.limitationValue)
                .text(productLine == null ? null : String.valueOf(productLine.priceOrigin()))
                .number(line.rejectionReason)
                .text(line.explanation)
                .text(line.justification)
                .time(claim.enteredAt)
                .number(claim.enteredBy)
                .endRow();
    }

    private void dedRem(ClaimDraft claim, DedRem dedRem) {
        boolean hospital = dedRem.isHospitalVisit();
        long deducted = dedRem.deductedCents();
        long remunerated = dedRem.remuneratedCents();
        Character category = claim.category;
        char c = category == null ? 'V' : category;
        rows.claimDedRem
                .number(rows.claimDedRem.nextId())
                .number(dedRem.policyId())
                .number(claim.insuree.id())
                .number(claim.id)
                .money(deducted)
                .money(hospital ? null : deducted)
                .money(hospital ? deducted : null)
                .money(remunerated)
                .money(hospital ? null : remunerated)
                .money(hospital ? remunerated : null)
                .money(c == 'C' ? remunerated : null)
                .money(c == 'S' ? remunerated : null)
                .money(c == 'D' ? remunerated : null)
                .money(c == 'H' ? remunerated : null)
                .money(c == 'A' ? remunerated : null)
                .time(dedRem.at())
                .number(claim.processedBy)
                .endRow();
    }

    private void feedback(ClaimDraft claim, Feedback feedback) {
        rows.feedbackPrompt
                .number(rows.feedbackPrompt.nextId())
                .date(feedback.promptedAt().toLocalDate())
                .number(claim.id)
                .number(feedback.officer().id())
                .text(feedback.officer().phone())
                .number(0)
                .time(feedback.promptedAt())
                .time(feedback.closedAt())
                .number(feedback.selectedBy())
                .endRow();
        Answers answers = feedback.answers();
        if (answers == null) return;
        rows.feedback
                .number(rows.feedback.nextId())
                .uuid()
                .number(claim.id)
                .flag(answers.careRendered())
                .flag(answers.paymentAsked())
                .flag(answers.drugPrescribed())
                .flag(answers.drugReceived())
                .number(answers.assessment())
                .number(feedback.officer().id())
                .time(answers.deliveredAt())
                .time(answers.deliveredAt())
                .number(feedback.selectedBy())
                .endRow();
    }
}
