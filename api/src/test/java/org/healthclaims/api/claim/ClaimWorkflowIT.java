package org.healthclaims.api.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.Mutating;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Submission and processing (handed to the claims engine through the outbox), review and feedback. The engine is
 * not part of this server yet: where a test needs a checked claim, it sets status 4 in SQL, as the check step will.
 */
class ClaimWorkflowIT extends ApiTest {

    static final String CREATE = "CreateClaimMutationInput";
    static final String UUIDS = "ClaimUuidsMutationInput";
    static final String REVIEW = "SaveClaimReviewMutationInput";
    static final String FEEDBACK = "DeliverClaimFeedbackMutationInput";

    Mutating m;

    @BeforeEach
    void users() {
        m = new Mutating(client(), sql());
    }

    /** A claim entered through the API as {@code user}: two Paracetamol lines and an OPD consultation (620). */
    String entered(String user, String chfId, String facility) {
        Map<String, Object> input = new HashMap<>();
        String code = "W" + UUID.randomUUID().toString().substring(0, 12);
        input.put("code", code);
        input.put("insureeId", (int) m.id("select id from insuree where chf_id = ? and validity_to is null", chfId));
        input.put("healthFacilityId", (int)
                m.id("select id from health_facility where code = ? and validity_to is null", facility));
        input.put("icdId", (int) m.id("select id from diagnosis where code = 'A00'"));
        input.put("dateFrom", LocalDate.now().toString());
        input.put("dateClaimed", LocalDate.now().toString());
        int paracetamol = (int) m.id("select id from medical_item where code = 'I0001' and validity_to is null");
        input.put(
                "items",
                List.of(
                        Map.of("itemId", paracetamol, "qtyProvided", "10", "priceAsked", "10"),
                        Map.of("itemId", paracetamol, "qtyProvided", "2", "priceAsked", "10")));
        input.put(
                "services",
                List.of(Map.of(
                        "serviceId",
                        (int) m.id("select id from medical_service where code = 'S0001' and validity_to is null"),
                        "qtyProvided",
                        "1",
                        "priceAsked",
                        "500")));
        m.ok(m.send(user, "createClaim", CREATE, input), "createClaim");
        return sql().sql("select uuid::text from claim where code = :code and validity_to is null")
                .param("code", code)
                .query(String.class)
                .single();
    }

    /** What the engine's check step will do: the claim becomes checked (4). */
    String checked(String user, String chfId, String facility) {
        String uuid = entered(user, chfId, facility);
        sql().sql("update claim set status = 4, submit_stamp = now() where uuid = cast(:uuid as uuid)")
                .param("uuid", uuid)
                .update();
        return uuid;
    }

    Map<String, Object> claimRow(String uuid) {
        return sql().sql("""
                        select status, review_status, feedback_status, approved, rejection_reason, feedback_available,
                               submit_stamp is not null as submitted
                          from claim where uuid = cast(:uuid as uuid) and validity_to is null""").param("uuid", uuid).query().singleRow();
    }

    static String text(Map<String, Object> row, String column) {
        return String.valueOf(row.get(column));
    }

    @Test
    void submitting_hands_each_claim_to_the_engine_in_the_same_transaction_and_the_log_waits() {
        String uuid = entered("claimadmin", "100000001", "HF-D1");
        String log = m.ok(m.send("claimadmin", "submitClaims", UUIDS, Map.of("uuids", List.of(uuid))), "submitClaims");

        Map<String, Object> outbox = sql().sql("""
                        select o.event_type, o.partition_key, o.payload->>'mutationLogId' as log, o.published_at
                          from outbox o join claim c on c.id = o.aggregate_id
                         where o.aggregate_type = 'claim' and c.uuid = cast(:uuid as uuid)""").param("uuid", uuid).query().singleRow();
        assertThat(outbox.get("event_type")).isEqualTo("claim.check");
        assertThat(outbox.get("log")).isEqualTo(log);
        // routed by the family (per-policy limits are the family's)
        assertThat(Long.parseLong(text(outbox, "partition_key")))
                .isEqualTo(m.id("select family_id from insuree where chf_id = '100000001' and validity_to is null"));
        assertThat(text(claimRow(uuid), "submitted")).isEqualTo("true");
        assertThat(text(claimRow(uuid), "status")).isEqualTo("2");
        // the log stays 0 (received) until the engine has a result for every claim in it
        JsonNode poll = m.query("claimadmin", "{ mutationLogs(id: \"" + log + "\") { edges { node { status } } } }")
                .data();
        assertThat(poll.path("mutationLogs")
                        .path("edges")
                        .get(0)
                        .path("node")
                        .path("status")
                        .asInt())
                .isZero();

        m.refused(
                "claimadmin",
                "submitClaims",
                UUIDS,
                Map.of("uuids", List.of(uuid)),
                "CONFLICT",
                "CLAIM_ALREADY_SUBMITTED",
                "uuids");
    }

    @Test
    void submission_is_refused_for_claims_not_entered_out_of_scope_or_without_the_right() {
        String checked = checked("claimadmin", "100000001", "HF-D1");
        m.refused(
                "claimadmin",
                "submitClaims",
                UUIDS,
                Map.of("uuids", List.of(checked)),
                "CONFLICT",
                "CLAIM_NOT_ENTERED",
                "uuids");
        String elsewhere = entered("Admin", "100000006", "HF-C2");
        m.refused(
                "claimadmin",
                "submitClaims",
                UUIDS,
                Map.of("uuids", List.of(elsewhere)),
                "NOT_FOUND",
                "CLAIM_NOT_FOUND",
                "uuids[0]");
        m.refused(
                "medofficer",
                "submitClaims",
                UUIDS,
                Map.of("uuids", List.of(elsewhere)),
                "FORBIDDEN",
                "MISSING_RIGHT",
                null);
        m.refused("claimadmin", "submitClaims", UUIDS, Map.of("uuids", List.of()), "BAD_REQUEST", "REQUIRED", "uuids");
    }

    @Test
    void processing_checks_an_entered_claim_first_and_values_a_checked_one() {
        String entered = entered("claimadmin", "100000001", "HF-D1");
        String checked = checked("claimadmin", "100000001", "HF-D1");
        m.ok(m.send("accountant", "processClaims", UUIDS, Map.of("uuids", List.of(entered, checked))), "processClaims");

        List<String> events = sql().sql("""
                        select c.uuid::text || ' ' || o.event_type from outbox o join claim c on c.id = o.aggregate_id
                         where c.uuid in (cast(:a as uuid), cast(:b as uuid)) order by o.id""")
                .param("a", entered)
                .param("b", checked)
                .query(String.class)
                .list();
        assertThat(events).containsExactlyInAnyOrder(entered + " claim.check-and-process", checked + " claim.process");
    }

    @Test
    void processing_refuses_rejected_processed_and_valuated_claims_and_claims_outside_the_region() {
        for (int status : new int[] {1, 8, 16}) {
            String uuid = entered("claimadmin", "100000001", "HF-D1");
            sql().sql("update claim set status = :status where uuid = cast(:uuid as uuid)")
                    .param("status", status)
                    .param("uuid", uuid)
                    .update();
            m.refused(
                    "accountant",
                    "processClaims",
                    UUIDS,
                    Map.of("uuids", List.of(uuid)),
                    "CONFLICT",
                    "CLAIM_NOT_PROCESSABLE",
                    "uuids");
        }
        String r2 = checked("Admin", "100000006", "HF-C2");
        m.refused(
                "accountant",
                "processClaims",
                UUIDS,
                Map.of("uuids", List.of(r2)),
                "NOT_FOUND",
                "CLAIM_NOT_FOUND",
                "uuids[0]");
        m.refused(
                "claimadmin", "processClaims", UUIDS, Map.of("uuids", List.of(r2)), "FORBIDDEN", "MISSING_RIGHT", null);
    }

    @Test
    void a_medical_officer_selects_reviews_and_delivers() {
        String uuid = checked("claimadmin", "100000001", "HF-D1");
        m.ok(
                m.send("medofficer", "selectClaimsForReview", UUIDS, Map.of("uuids", List.of(uuid))),
                "selectClaimsForReview");
        assertThat(text(claimRow(uuid), "review_status")).isEqualTo("4");

        List<Long> items = sql().sql("select ci.id from claim_item ci join claim c on c.id = ci.claim_id"
                        + " where c.uuid = cast(:uuid as uuid) and ci.validity_to is null order by ci.id")
                .param("uuid", uuid)
                .query(Long.class)
                .list();
        Map<String, Object> review = new HashMap<>();
        review.put("claimUuid", uuid);
        review.put("adjustment", "ten tablets are enough for five days");
        review.put(
                "items",
                List.of(
                        Map.of("id", items.get(0).toString(), "qtyApproved", "5", "justification", "five days"),
                        Map.of("id", items.get(1).toString(), "status", 2, "rejectionReason", -1)));
        m.ok(m.send("medofficer", "saveClaimReview", REVIEW, review), "saveClaimReview");

        Map<String, Object> row = claimRow(uuid);
        // 5 × 10 + the consultation's 500; the rejected line counts for nothing
        assertThat(text(row, "approved")).isEqualTo("550.00");
        assertThat(text(row, "status")).isEqualTo("4");
        Map<String, Object> rejected = sql().sql(
                        "select status, rejection_reason, qty_approved from claim_item where id = :id")
                .param("id", items.get(1))
                .query()
                .singleRow();
        assertThat(text(rejected, "status")).isEqualTo("2");
        assertThat(text(rejected, "rejection_reason")).isEqualTo("-1");
        assertThat(text(rejected, "qty_approved")).isEqualTo("0.00");
        assertThat(m.id(
                        "select count(*) from claim where legacy_id = (select id from claim where uuid = cast(? as uuid))",
                        uuid))
                .isEqualTo(1);

        m.ok(m.send("medofficer", "deliverClaimsReview", UUIDS, Map.of("uuids", List.of(uuid))), "deliverClaimsReview");
        assertThat(text(claimRow(uuid), "review_status")).isEqualTo("8");
        m.refused(
                "medofficer",
                "selectClaimsForReview",
                UUIDS,
                Map.of("uuids", List.of(uuid)),
                "CONFLICT",
                "REVIEW_DELIVERED",
                "uuids");
        m.refused(
                "medofficer",
                "deliverClaimsReview",
                UUIDS,
                Map.of("uuids", List.of(uuid)),
                "CONFLICT",
                "CLAIM_NOT_SELECTED_FOR_REVIEW",
                "uuids");
    }

    @Test
    void rejecting_every_line_rejects_the_claim() {
        String uuid = checked("claimadmin", "100000001", "HF-D1");
        m.ok(
                m.send("medofficer", "selectClaimsForReview", UUIDS, Map.of("uuids", List.of(uuid))),
                "selectClaimsForReview");
        List<Long> items = sql().sql(
                        "select ci.id from claim_item ci join claim c on c.id = ci.claim_id where c.uuid = cast(:uuid as uuid)")
                .param("uuid", uuid)
                .query(Long.class)
                .list();
        long service = m.id(
                "select cs.id from claim_service cs join claim c on c.id = cs.claim_id where c.uuid = cast(? as uuid)",
                uuid);
        Map<String, Object> review = new HashMap<>();
        review.put("claimUuid", uuid);
        review.put(
                "items",
                items.stream()
                        .map(id -> Map.of("id", id.toString(), "status", 2))
                        .toList());
        review.put("services", List.of(Map.of("id", Long.toString(service), "rejectionReason", -1)));
        review.put("submitReview", true);
        m.ok(m.send("medofficer", "saveClaimReview", REVIEW, review), "saveClaimReview");

        Map<String, Object> row = claimRow(uuid);
        assertThat(text(row, "status")).isEqualTo("1");
        assertThat(text(row, "approved")).isEqualTo("0.00");
        assertThat(text(row, "review_status")).isEqualTo("8");
    }

    @Test
    void skipping_and_bypassing_review() {
        String skipped = checked("claimadmin", "100000001", "HF-D1");
        String bypassed = checked("claimadmin", "100000001", "HF-D1");
        m.ok(m.send("medofficer", "skipClaimsReview", UUIDS, Map.of("uuids", List.of(skipped))), "skipClaimsReview");
        m.ok(
                m.send("medofficer", "bypassClaimsReview", UUIDS, Map.of("uuids", List.of(bypassed))),
                "bypassClaimsReview");
        assertThat(text(claimRow(skipped), "review_status")).isEqualTo("2");
        assertThat(text(claimRow(bypassed), "review_status")).isEqualTo("16");
    }

    @Test
    void review_is_refused_for_unchecked_or_unselected_claims_bad_decisions_and_other_roles() {
        String entered = entered("claimadmin", "100000001", "HF-D1");
        m.refused(
                "medofficer",
                "selectClaimsForReview",
                UUIDS,
                Map.of("uuids", List.of(entered)),
                "CONFLICT",
                "CLAIM_NOT_CHECKED",
                "uuids");
        m.refused(
                "medofficer",
                "skipClaimsReview",
                UUIDS,
                Map.of("uuids", List.of(entered)),
                "CONFLICT",
                "CLAIM_NOT_CHECKED",
                "uuids");
        String checked = checked("claimadmin", "100000001", "HF-D1");
        long item = m.id(
                "select ci.id from claim_item ci join claim c on c.id = ci.claim_id where c.uuid = cast(? as uuid) order by ci.id limit 1",
                checked);
        Map<String, Object> review = new HashMap<>();
        review.put("claimUuid", checked);
        review.put("items", List.of(Map.of("id", Long.toString(item), "qtyApproved", "1")));
        m.refused(
                "medofficer",
                "saveClaimReview",
                REVIEW,
                review,
                "CONFLICT",
                "CLAIM_NOT_SELECTED_FOR_REVIEW",
                "claimUuid");
        m.refused(
                "claimadmin",
                "selectClaimsForReview",
                UUIDS,
                Map.of("uuids", List.of(checked)),
                "FORBIDDEN",
                "MISSING_RIGHT",
                null);
        m.refused("claimadmin", "saveClaimReview", REVIEW, review, "FORBIDDEN", "MISSING_RIGHT", null);

        m.ok(
                m.send("medofficer", "selectClaimsForReview", UUIDS, Map.of("uuids", List.of(checked))),
                "selectClaimsForReview");
        review.put("items", List.of(Map.of("id", "999999999", "qtyApproved", "1")));
        m.refused("medofficer", "saveClaimReview", REVIEW, review, "NOT_FOUND", "CLAIM_LINE_NOT_FOUND", "items[0].id");
        review.put("items", List.of(Map.of("id", Long.toString(item), "qtyApproved", "-1")));
        m.refused(
                "medofficer",
                "saveClaimReview",
                REVIEW,
                review,
                "BAD_REQUEST",
                "QUANTITY_INVALID",
                "items[0].qtyApproved");
        review.put("items", List.of(Map.of("id", Long.toString(item), "priceApproved", "1.001")));
        m.refused(
                "medofficer",
                "saveClaimReview",
                REVIEW,
                review,
                "BAD_REQUEST",
                "PRICE_PRECISION",
                "items[0].priceApproved");
        review.put("items", List.of(Map.of("id", Long.toString(item), "status", 2, "rejectionReason", 5)));
        m.refused(
                "medofficer",
                "saveClaimReview",
                REVIEW,
                review,
                "BAD_REQUEST",
                "INVALID_REJECTION_REASON",
                "items[0].rejectionReason");
        review.put("items", List.of(Map.of("id", Long.toString(item), "status", 3)));
        m.refused(
                "medofficer",
                "saveClaimReview",
                REVIEW,
                review,
                "BAD_REQUEST",
                "INVALID_LINE_STATUS",
                "items[0].status");
        review.put("items", List.of(Map.of("id", "not-an-id", "qtyApproved", "1")));
        m.refused("medofficer", "saveClaimReview", REVIEW, review, "BAD_REQUEST", "INVALID_ID", "items[0].id");
        review.put("items", List.of());
        review.put("claimUuid", UUID.randomUUID().toString());
        m.refused("medofficer", "saveClaimReview", REVIEW, review, "NOT_FOUND", "CLAIM_NOT_FOUND", "claimUuid");
    }

    @Test
    void feedback_is_selected_with_a_prompt_to_the_village_officer_then_delivered() {
        String uuid = checked("claimadmin", "100000001", "HF-D1");
        m.ok(
                m.send("medofficer", "selectClaimsForFeedback", UUIDS, Map.of("uuids", List.of(uuid))),
                "selectClaimsForFeedback");
        assertThat(text(claimRow(uuid), "feedback_status")).isEqualTo("4");
        Map<String, Object> prompt = sql().sql("""
                        select o.code, p.phone_number, p.validity_to is null as open from feedback_prompt p
                          join officer o on o.id = p.officer_id join claim c on c.id = p.claim_id
                         where c.uuid = cast(:uuid as uuid)""").param("uuid", uuid).query().singleRow();
        assertThat(prompt.get("code")).isEqualTo("eo1");
        assertThat(prompt.get("phone_number")).isNotNull();

        Map<String, Object> feedback = new HashMap<>();
        feedback.put("claimUuid", uuid);
        feedback.put(
                "feedback",
                Map.of(
                        "careRendered",
                        true,
                        "paymentAsked",
                        false,
                        "drugPrescribed",
                        true,
                        "drugReceived",
                        true,
                        "asessment",
                        4));
        m.refused(
                "enrolment",
                "deliverClaimFeedback",
                FEEDBACK,
                Map.of("claimUuid", uuid, "feedback", Map.of("asessment", 7)),
                "BAD_REQUEST",
                "ASSESSMENT_OUT_OF_RANGE",
                "feedback.asessment");
        m.refused(
                "enrolment",
                "deliverClaimFeedback",
                FEEDBACK,
                Map.of("claimUuid", uuid, "feedback", Map.of("officerId", 999_999_999)),
                "NOT_FOUND",
                "OFFICER_NOT_FOUND",
                "feedback.officerId");
        // the enrolment officer collects feedback (111009) but does not select claims for it (111010)
        m.ok(m.send("enrolment", "deliverClaimFeedback", FEEDBACK, feedback), "deliverClaimFeedback");
        Map<String, Object> row = claimRow(uuid);
        assertThat(text(row, "feedback_status")).isEqualTo("8");
        assertThat(text(row, "feedback_available")).isEqualTo("true");
        assertThat(m.id(
                        "select f.asessment from feedback f join claim c on c.feedback_id = f.id where c.uuid = cast(? as uuid)",
                        uuid))
                .isEqualTo(4);
        assertThat(m.id(
                        "select count(*) from feedback_prompt p join claim c on c.id = p.claim_id"
                                + " where c.uuid = cast(? as uuid) and p.validity_to is null",
                        uuid))
                .isZero();
        m.refused(
                "enrolment",
                "deliverClaimFeedback",
                FEEDBACK,
                feedback,
                "CONFLICT",
                "CLAIM_NOT_SELECTED_FOR_FEEDBACK",
                "claimUuid");
        m.refused(
                "medofficer",
                "skipClaimsFeedback",
                UUIDS,
                Map.of("uuids", List.of(uuid)),
                "CONFLICT",
                "FEEDBACK_DELIVERED",
                "uuids");
        m.refused(
                "enrolment",
                "selectClaimsForFeedback",
                UUIDS,
                Map.of("uuids", List.of(uuid)),
                "FORBIDDEN",
                "MISSING_RIGHT",
                null);
    }

    @Test
    void skipping_or_bypassing_feedback_closes_the_prompt() {
        String skipped = checked("claimadmin", "100000001", "HF-D1");
        String bypassed = checked("claimadmin", "100000001", "HF-D1");
        m.ok(
                m.send("medofficer", "selectClaimsForFeedback", UUIDS, Map.of("uuids", List.of(skipped, bypassed))),
                "selectClaimsForFeedback");
        m.ok(
                m.send("medofficer", "skipClaimsFeedback", UUIDS, Map.of("uuids", List.of(skipped))),
                "skipClaimsFeedback");
        m.ok(
                m.send("medofficer", "bypassClaimsFeedback", UUIDS, Map.of("uuids", List.of(bypassed))),
                "bypassClaimsFeedback");
        assertThat(text(claimRow(skipped), "feedback_status")).isEqualTo("2");
        assertThat(text(claimRow(bypassed), "feedback_status")).isEqualTo("16");
        assertThat(m.id(
                        "select count(*) from feedback_prompt p join claim c on c.id = p.claim_id"
                                + " where c.uuid in (cast(? as uuid), cast(? as uuid)) and p.validity_to is null",
                        skipped,
                        bypassed))
                .isZero();
    }

    @Test
    void feedback_needs_a_checked_claim_and_an_officer_for_the_village() {
        String entered = entered("claimadmin", "100000001", "HF-D1");
        m.refused(
                "medofficer",
                "selectClaimsForFeedback",
                UUIDS,
                Map.of("uuids", List.of(entered)),
                "CONFLICT",
                "CLAIM_NOT_CHECKED",
                "uuids");
        // no officer covers Musa Dee's village R2D1M1V1 (domain.md §9)
        String musa = checked("Admin", "100000006", "HF-C2");
        m.refused(
                "Admin",
                "selectClaimsForFeedback",
                UUIDS,
                Map.of("uuids", List.of(musa)),
                "CONFLICT",
                "NO_FEEDBACK_OFFICER",
                "uuids");
        m.refused(
                "medofficer",
                "selectClaimsForFeedback",
                UUIDS,
                Map.of("uuids", List.of(musa)),
                "NOT_FOUND",
                "CLAIM_NOT_FOUND",
                "uuids[0]");
    }
}
