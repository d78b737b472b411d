package org.healthclaims.api.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.healthclaims.api.guard.ApiError;
import org.healthclaims.api.mutation.Locking;
import org.healthclaims.api.outbox.Outbox;
import org.healthclaims.api.relay.Conditions;
import org.healthclaims.api.relay.TotalCounts;
import org.healthclaims.api.security.Access;
import org.healthclaims.api.sql.History;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The claim writes of createClaim, updateClaim and deleteClaims, and the status changes of submission, review and
 * feedback. Every method runs inside the mutation's transaction ({@code Mutations.run}) and refuses with an
 * {@link ApiError} before or while writing: the transaction then rolls back, so a refused mutation leaves nothing.
 * Claims outside the caller's scope are not found.
 */
@Component
class ClaimWrites {

    /** The current state of a claim the mutation works on, locked for the transaction. */
    record Locked(
            long id,
            UUID uuid,
            String code,
            int status,
            int reviewStatus,
            int feedbackStatus,
            long insureeId,
            long partitionKey,
            boolean submitted) {}

    static final String LOCK = """
            select c.id, c.uuid, c.code, c.status, c.review_status, c.feedback_status, c.insuree_id,
                   coalesce(i.family_id, -i.id) as partition_key, c.submit_stamp is not null as submitted
              from claim c
              join insuree i on i.id = c.insuree_id
             where c.uuid = any(:uuids)
               and c.validity_to is null""";

    private static final RowMapper<Locked> LOCKED = (rs, n) -> new Locked(
            rs.getLong("id"),
            rs.getObject("uuid", UUID.class),
            rs.getString("code"),
            rs.getInt("status"),
            rs.getInt("review_status"),
            rs.getInt("feedback_status"),
            rs.getLong("insuree_id"),
            rs.getLong("partition_key"),
            rs.getBoolean("submitted"));

    static final String INSERT_CLAIM = """
            insert into claim (id, uuid, code, insuree_id, health_facility_id, claim_admin_id, date_from, date_to,
                               date_claimed, icd_id, icd_1_id, icd_2_id, icd_3_id, icd_4_id, visit_type, status,
                               claimed, explanation, guarantee_id, refer_from_id, refer_to_id, care_type,
                               pre_authorization, patient_condition, referral_code, json_ext, audit_user_id)
            values (:id, :uuid, :code, :insureeId, :healthFacilityId, :adminId, :dateFrom, :dateTo, :dateClaimed,
                    :icdId, :icd1, :icd2, :icd3, :icd4, coalesce(:visitType, 'O'), 2, :claimed, :explanation,
                    :guaranteeId, :referFromId, :referToId, :careType, :preAuthorization, :patientCondition,
                    :referralCode, cast(:jsonExt as jsonb), :user)""";

    static final String UPDATE_CLAIM = """
            update claim
               set code = :code, insuree_id = :insureeId, health_facility_id = :healthFacilityId,
                   claim_admin_id = :adminId, date_from = :dateFrom, date_to = :dateTo, date_claimed = :dateClaimed,
                   icd_id = :icdId, icd_1_id = :icd1, icd_2_id = :icd2, icd_3_id = :icd3, icd_4_id = :icd4,
                   visit_type = coalesce(:visitType, 'O'), claimed = :claimed, explanation = :explanation,
                   guarantee_id = :guaranteeId, refer_from_id = :referFromId, refer_to_id = :referToId,
                   care_type = :careType, pre_authorization = :preAuthorization,
                   patient_condition = :patientCondition, referral_code = :referralCode,
                   json_ext = cast(:jsonExt as jsonb),
                   -- the lines are new: what the engine and the reviewer said of the old ones no longer holds
                   status = 2, review_status = 1, feedback_status = 1, rejection_reason = 0, category = null,
                   approved = null, valuated = null, remunerated = null, submit_stamp = null, process_stamp = null,
                   version = version + 1, validity_from = now(), audit_user_id = :user
             where id = :id""";

    /** %1$s is item or service. */
    static final String INSERT_LINES = """
            insert into claim_%1$s (claim_id, %1$s_id, qty_provided, price_asked, explanation, audit_user_id)
            select :claimId, l.medical_id, l.qty, l.price, l.explanation, :user
              from unnest(cast(:medicalIds as bigint[]), cast(:qty as numeric[]), cast(:price as numeric[]),
                          cast(:explanation as text[])) as l(medical_id, qty, price, explanation)""";

    private final JdbcClient jdbc;
    private final History history;
    private final Outbox outbox;
    /** Every write here changes what some claims count counts: kept counts are dropped (TotalCounts). */
    private final TotalCounts counts;

    ClaimWrites(JdbcClient jdbc, History history, Outbox outbox, TotalCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.history = history;
        this.outbox = outbox;
    }

    boolean codeIsFree(String code) {
        return !jdbc.sql("select exists (select 1 from claim where code = :code and validity_to is null)")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    /** createClaim: the claim (status 2) and its lines; answers the claim's id. */
    long create(ClaimEntry entry, Access access) {
        counts.forget();
        Long admin = checkReferences(entry, access);
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('claim', 'id'))")
                .query(Long.class)
                .single();
        String code = entry.autogenerate() ? generatedCode(entry.healthFacilityId(), id) : entry.code();
        checkCodeFree(Objects.requireNonNull(code), null);
        header(INSERT_CLAIM, entry, code, admin, access)
                .param("id", id)
                .param("uuid", UUID.randomUUID())
                .update();
        insertLines(id, entry, access);
        return id;
    }

    /** updateClaim: history copy, then the header and lines replaced; only while Entered or Checked. */
    void update(ClaimEntry entry, Access access) {
        Locked claim = lockOne(Objects.requireNonNull(entry.uuid()), "uuid", access);
        if (claim.status() != 2 && claim.status() != 4)
            throw ApiError.conflict(
                    "CLAIM_NOT_EDITABLE",
                    "uuid",
                    "Claim " + claim.code() + " is " + statusName(claim.status())
                            + ": only entered or checked claims can be changed");
        Long admin = checkReferences(entry, access);
        String code = entry.autogenerate() ? claim.code() : Objects.requireNonNull(entry.code());
        checkCodeFree(code, claim.id());
        keepHistory(claim.id());
        for (String table : List.of("claim_item", "claim_service"))
            jdbc.sql("update " + table + " set validity_to = now() where claim_id = :id and validity_to is null")
                    .param("id", claim.id())
                    .update();
        header(UPDATE_CLAIM, entry, code, admin, access).param("id", claim.id()).update();
        insertLines(claim.id(), entry, access);
    }

    /** deleteClaims: logical deletes (history kept) of Entered claims. */
    void delete(List<UUID> uuids, Access access) {
        for (Locked claim : lock(uuids, access)) {
            if (claim.status() != 2)
                throw ApiError.conflict(
                        "CLAIM_NOT_DELETABLE",
                        "uuids",
                        "Claim " + claim.code() + " is " + statusName(claim.status())
                                + ": only entered claims can be deleted");
            history.delete("claim", claim.id(), access.userId());
        }
    }

    /**
     * submitClaims: each Entered claim not yet submitted gets its submit stamp and, in the same transaction, an
     * outbox row for the claims engine's check step.
     */
    void submit(List<UUID> uuids, Access access, UUID mutationLogId) {
        List<Locked> claims = lock(uuids, access);
        for (Locked claim : claims) {
            if (claim.status() != 2)
                throw ApiError.conflict(
                        "CLAIM_NOT_ENTERED",
                        "uuids",
                        "Claim " + claim.code() + " is " + statusName(claim.status())
                                + ": only entered claims are submitted");
            if (claim.submitted())
                throw ApiError.conflict(
                        "CLAIM_ALREADY_SUBMITTED",
                        "uuids",
                        "Claim " + claim.code() + " is already submitted and waits for its check");
        }
        long[] ids = claims.stream().mapToLong(Locked::id).toArray();
        jdbc.sql("update claim set submit_stamp = now(), audit_user_id_submit = :user where id = any(:ids)")
                .param("user", access.userId())
                .param("ids", ids)
                .update();
        handOff(claims, claim -> "claim.check", mutationLogId, access);
    }

    /**
     * processClaims: Checked claims go to valuation; an Entered claim is checked first (domain.md §4.2), as
     * openIMIS does. Rejected, processed and valuated claims are refused.
     */
    void process(List<UUID> uuids, Access access, UUID mutationLogId) {
        List<Locked> claims = lock(uuids, access);
        List<Locked> toCheck = new ArrayList<>();
        List<Locked> toValue = new ArrayList<>();
        for (Locked claim : claims) {
            switch (claim.status()) {
                case 2 -> toCheck.add(claim);
                case 4 -> toValue.add(claim);
                default ->
                    throw ApiError.conflict(
                            "CLAIM_NOT_PROCESSABLE",
                            "uuids",
                            "Claim " + claim.code() + " is " + statusName(claim.status())
                                    + ": only entered or checked claims are processed");
            }
        }
        if (!toCheck.isEmpty())
            jdbc.sql("update claim set submit_stamp = coalesce(submit_stamp, now()),"
                            + " audit_user_id_submit = coalesce(audit_user_id_submit, :user) where id = any(:ids)")
                    .param("user", access.userId())
                    .param("ids", toCheck.stream().mapToLong(Locked::id).toArray())
                    .update();
        jdbc.sql("update claim set audit_user_id_process = :user where id = any(:ids)")
                .param("user", access.userId())
                .param("ids", claims.stream().mapToLong(Locked::id).toArray())
                .update();
        // in the claims' (id) order, whatever their step: a family's claims reach the engine in the order entered
        handOff(
                claims,
                claim -> claim.status() == 2 ? "claim.check-and-process" : "claim.process",
                mutationLogId,
                access);
    }

    /** select/skip/bypass for review: checked claims whose review is not delivered. */
    void setReviewStatus(List<UUID> uuids, int reviewStatus, Access access) {
        List<Locked> claims = lock(uuids, access);
        for (Locked claim : claims) {
            requireChecked(claim);
            if (claim.reviewStatus() == 8)
                throw ApiError.conflict(
                        "REVIEW_DELIVERED", "uuids", "The review of claim " + claim.code() + " is already delivered");
        }
        jdbc.sql("update claim set review_status = :status, audit_user_id_review = :user where id = any(:ids)")
                .param("status", reviewStatus)
                .param("user", access.userId())
                .param("ids", claims.stream().mapToLong(Locked::id).toArray())
                .update();
    }

    /**
     * deliverClaimsReview: review status 8 for claims selected for review, and the deductible/ceiling ledger re-run
     * with the reviewed lines (§4.4), by the claims engine under the family's partition lease so that it never races
     * an adjudication of the family.
     */
    void deliverReview(List<UUID> uuids, Access access, UUID mutationLogId) {
        List<Locked> claims = lock(uuids, access);
        for (Locked claim : claims) requireSelectedForReview(claim, "uuids");
        jdbc.sql("""
                        update claim set review_status = 8, audit_user_id_review = :user, validity_to_review = now()
                         where id = any(:ids)""")
                .param("user", access.userId())
                .param("ids", claims.stream().mapToLong(Locked::id).toArray())
                .update();
        handOff(claims, claim -> "claim.ledger", mutationLogId, access);
    }

    /** A reviewer's decision on one line. */
    record LineReview(
            String list,
            int index,
            long lineId,
            @Nullable BigDecimal qtyApproved,
            @Nullable BigDecimal priceApproved,
            @Nullable String justification,
            boolean rejected) {}

    /**
     * saveClaimReview: history copy, then each reviewed line's approved quantity, price, justification and
     * rejection (-1); the claim's Approved recomputed from its passed lines; rejected (1) when no line passes.
     */
    void saveReview(
            UUID claimUuid,
            @Nullable String adjustment,
            List<LineReview> lines,
            boolean deliver,
            Access access,
            UUID mutationLogId) {
        Locked claim = lockOne(claimUuid, "claimUuid", access);
        requireSelectedForReview(claim, "claimUuid");
        // the claim's current lines, one statement for both tables: a reviewed line must be one of them
        Set<String> known = new HashSet<>(
                jdbc.sql("""
                        select 'items:' || id from claim_item where claim_id = :claimId and validity_to is null
                        union all
                        select 'services:' || id from claim_service where claim_id = :claimId and validity_to is null""").param("claimId", claim.id()).query(String.class).list());
        for (LineReview line : lines)
            if (!known.contains(line.list() + ":" + line.lineId()))
                throw ApiError.notFound(
                        "CLAIM_LINE_NOT_FOUND",
                        line.list() + "[" + line.index() + "].id",
                        "Claim " + claim.code() + " has no such " + (line.list().equals("items") ? "item" : "service")
                                + " line");
        keepHistory(claim.id());
        for (LineReview line : lines) {
            String table = line.list().equals("items") ? "claim_item" : "claim_service";
            jdbc.sql("update " + table + """
                             set qty_approved = case when :rejected then 0 else coalesce(:qty, qty_approved) end,
                                 price_approved = coalesce(:price, price_approved),
                                 justification = coalesce(:justification, justification),
                                 status = case when :rejected then 2 else status end,
                                 rejection_reason = case when :rejected then -1 else rejection_reason end,
                                 validity_from_review = now(), audit_user_id_review = :user
                           where id = :id""")
                    .param("rejected", line.rejected())
                    .param("qty", line.qtyApproved())
                    .param("price", line.priceApproved())
                    .param("justification", line.justification())
                    .param("user", access.userId())
                    .param("id", line.lineId())
                    .update();
        }
        jdbc.sql("""
                        with passed as (
                            select coalesce(qty_approved, qty_provided)
                                   * coalesce(price_approved, price_adjusted, price_asked) as amount
                              from claim_item where claim_id = :id and validity_to is null and status = 1
                            union all
                            select coalesce(qty_approved, qty_provided)
                                   * coalesce(price_approved, price_adjusted, price_asked)
                              from claim_service where claim_id = :id and validity_to is null and status = 1)
                        update claim
                           set approved = (select round(coalesce(sum(amount), 0), 2) from passed),
                               status = case when exists (select 1 from passed) then status else 1 end,
                               rejection_reason = case when exists (select 1 from passed) then rejection_reason
                                                       else 1 end,
                               adjustment = coalesce(:adjustment, adjustment), adjuster_id = :user,
                               audit_user_id_review = :user, validity_from_review = now(),
                               review_status = case when :deliver then 8 else review_status end,
                               version = version + 1
                         where id = :id""")
                .param("id", claim.id())
                .param("adjustment", adjustment)
                .param("user", access.userId())
                .param("deliver", deliver)
                .update();
        // delivered with the review: the ledger re-run, as deliverClaimsReview does (a claim left with no passed
        // line is rejected, and the engine drops its ledger rows)
        if (deliver) handOff(List.of(claim), c -> "claim.ledger", mutationLogId, access);
    }

    /** selectClaimsForFeedback: feedback status 4 and a prompt for an officer (with a phone) of the village. */
    void selectForFeedback(List<UUID> uuids, Access access) {
        List<Locked> claims = lock(uuids, access);
        for (Locked claim : claims) requireFeedbackOpen(claim);
        for (Locked claim : claims) {
            List<Map<String, Object>> officers =
                    jdbc.sql("""
                            select o.id, o.phone
                              from insuree i
                              left join family f on f.id = i.family_id
                              join officer_village ov on ov.validity_to is null
                                   and ov.location_id in (i.current_village_id, f.location_id)
                              join officer o on o.id = ov.officer_id and o.validity_to is null and o.phone is not null
                             where i.id = :insureeId
                             order by o.id
                             limit 1""").param("insureeId", claim.insureeId()).query().listOfRows();
            if (officers.isEmpty())
                throw ApiError.conflict(
                        "NO_FEEDBACK_OFFICER",
                        "uuids",
                        "No enrolment officer with a phone covers the village of claim " + claim.code() + "'s insuree");
            Map<String, Object> officer = officers.getFirst();
            jdbc.sql("""
                            insert into feedback_prompt (feedback_prompt_date, claim_id, officer_id, phone_number,
                                                         audit_user_id)
                            values (current_date, :claimId, :officerId, :phone, :user)""")
                    .param("claimId", claim.id())
                    .param("officerId", officer.get("id"))
                    .param("phone", officer.get("phone"))
                    .param("user", access.userId())
                    .update();
        }
        setFeedbackStatus(claims, 4);
    }

    /** skip (2) or bypass (16) feedback: the claim's open prompt is closed. */
    void closeFeedback(List<UUID> uuids, int feedbackStatus, Access access) {
        List<Locked> claims = lock(uuids, access);
        for (Locked claim : claims) requireFeedbackOpen(claim);
        long[] ids = claims.stream().mapToLong(Locked::id).toArray();
        jdbc.sql("update feedback_prompt set validity_to = now() where claim_id = any(:ids) and validity_to is null")
                .param("ids", ids)
                .update();
        setFeedbackStatus(claims, feedbackStatus);
    }

    /** The patient's answers, as deliverClaimFeedback gives them. */
    record Feedback(
            @Nullable Boolean careRendered,
            @Nullable Boolean paymentAsked,
            @Nullable Boolean drugPrescribed,
            @Nullable Boolean drugReceived,
            @Nullable Integer asessment,
            @Nullable Long officerId,
            java.time.@Nullable OffsetDateTime feedbackDate) {}

    /** deliverClaimFeedback: the feedback row, linked to the claim; feedback status 8; the prompt closed. */
    void deliverFeedback(UUID claimUuid, Feedback feedback, Access access) {
        Locked claim = lockOne(claimUuid, "claimUuid", access);
        if (claim.feedbackStatus() != 4)
            throw ApiError.conflict(
                    "CLAIM_NOT_SELECTED_FOR_FEEDBACK",
                    "claimUuid",
                    "Claim " + claim.code() + " is not selected for feedback");
        if (feedback.officerId() != null
                && !jdbc.sql("select exists (select 1 from officer where id = :id and validity_to is null)")
                        .param("id", feedback.officerId())
                        .query(Boolean.class)
                        .single())
            throw ApiError.notFound("OFFICER_NOT_FOUND", "feedback.officerId", "No such enrolment officer");
        long feedbackId = jdbc.sql("""
                        insert into feedback (uuid, claim_id, care_rendered, payment_asked, drug_prescribed,
                                              drug_received, asessment, chf_officer_code, feedback_date,
                                              audit_user_id)
                        values (:uuid, :claimId, :careRendered, :paymentAsked, :drugPrescribed, :drugReceived,
                                :asessment, :officerId, coalesce(:feedbackDate, now()), :user)
                        returning id""")
                .param("uuid", UUID.randomUUID())
                .param("claimId", claim.id())
                .param("careRendered", feedback.careRendered())
                .param("paymentAsked", feedback.paymentAsked())
                .param("drugPrescribed", feedback.drugPrescribed())
                .param("drugReceived", feedback.drugReceived())
                .param("asessment", feedback.asessment())
                .param("officerId", feedback.officerId())
                .param("feedbackDate", feedback.feedbackDate())
                .param("user", access.userId())
                .query(Long.class)
                .single();
        jdbc.sql("""
                        update claim set feedback_id = :feedbackId, feedback_available = true, feedback_status = 8
                         where id = :id""").param("feedbackId", feedbackId).param("id", claim.id()).update();
        jdbc.sql("update feedback_prompt set validity_to = now() where claim_id = :id and validity_to is null")
                .param("id", claim.id())
                .update();
    }

    private void setFeedbackStatus(List<Locked> claims, int feedbackStatus) {
        jdbc.sql("update claim set feedback_status = :status where id = any(:ids)")
                .param("status", feedbackStatus)
                .param("ids", claims.stream().mapToLong(Locked::id).toArray())
                .update();
    }

    private static void requireFeedbackOpen(Locked claim) {
        if (claim.status() < 4)
            throw ApiError.conflict(
                    "CLAIM_NOT_CHECKED",
                    "uuids",
                    "Claim " + claim.code() + " is " + statusName(claim.status()) + ": feedback is for checked claims");
        if (claim.feedbackStatus() == 8)
            throw ApiError.conflict(
                    "FEEDBACK_DELIVERED", "uuids", "The feedback on claim " + claim.code() + " is already delivered");
    }

    private static void requireChecked(Locked claim) {
        if (claim.status() != 4)
            throw ApiError.conflict(
                    "CLAIM_NOT_CHECKED",
                    "uuids",
                    "Claim " + claim.code() + " is " + statusName(claim.status())
                            + ": only checked claims are reviewed");
    }

    private static void requireSelectedForReview(Locked claim, String field) {
        if (claim.status() != 4 || claim.reviewStatus() != 4)
            throw ApiError.conflict(
                    "CLAIM_NOT_SELECTED_FOR_REVIEW",
                    field,
                    "Claim " + claim.code() + " is not a checked claim selected for review");
    }

    /** One outbox row per claim, for the claims engine, routed by the insuree's family. */
    /** One outbox event per claim ({@code event} names its step), in the claims' order, in one statement. */
    private void handOff(
            List<Locked> claims, java.util.function.Function<Locked, String> event, UUID mutationLogId, Access access) {
        List<Outbox.Event> events = new ArrayList<>(claims.size());
        for (Locked claim : claims)
            events.add(new Outbox.Event(
                    claim.id(),
                    event.apply(claim),
                    claim.partitionKey(),
                    Map.of(
                            "claimId", claim.id(),
                            "claimUuid", claim.uuid().toString(),
                            "mutationLogId", mutationLogId.toString(),
                            "userId", access.userId())));
        outbox.addAll("claim", mutationLogId, events);
    }

    /** The claims, locked in id order (so two mutations on overlapping claims cannot deadlock); all must exist. */
    private List<Locked> lock(List<UUID> uuids, Access access) {
        counts.forget();
        return Locking.lock(
                jdbc,
                LOCK,
                access.claims(new Conditions(), "c"),
                "order by c.id for update of c",
                LOCKED,
                Locked::uuid,
                uuids,
                "uuids",
                "CLAIM_NOT_FOUND",
                "claim");
    }

    private Locked lockOne(UUID uuid, String field, Access access) {
        try {
            return lock(List.of(uuid), access).getFirst();
        } catch (ApiError e) {
            if (e.code().equals("CLAIM_NOT_FOUND")) throw ApiError.notFound("CLAIM_NOT_FOUND", field, e.text());
            throw e;
        }
    }

    private void keepHistory(long claimId) {
        long copy = history.keep("claim", claimId);
        history.keepChildren("claim_item", "claim_id", claimId, copy);
        history.keepChildren("claim_service", "claim_id", claimId, copy);
    }

    private void checkCodeFree(String code, @Nullable Long except) {
        boolean taken = jdbc.sql("select exists (select 1 from claim where code = :code and validity_to is null"
                        + (except == null ? ")" : " and id <> :except)"))
                .param("code", code)
                .params(except == null ? Map.of() : Map.of("except", except))
                .query(Boolean.class)
                .single();
        if (taken) throw ApiError.conflict("CLAIM_CODE_TAKEN", "code", "Another current claim has the code " + code);
    }

    /**
     * The insuree (current, in scope, alive on the dates), the facility (in scope; a claim administrator's own),
     * the diagnoses, the referral facilities, the claim administrator and the register rows of the lines. Answers
     * the claim administrator to record.
     */
    private @Nullable Long checkReferences(ClaimEntry entry, Access access) {
        Conditions insureeScope = access.insurees(new Conditions(), "i");
        record Insuree(
                @Nullable LocalDate dob,
                @Nullable String status,
                @Nullable LocalDate statusDate) {}
        Insuree insuree = jdbc.sql("select i.dob, i.status, i.status_date from insuree i where i.id = :id"
                        + " and i.validity_to is null" + insureeScope.sql())
                .params(insureeScope.params())
                .param("id", entry.insureeId())
                .query((rs, n) -> new Insuree(
                        rs.getObject("dob", LocalDate.class),
                        rs.getString("status"),
                        rs.getObject("status_date", LocalDate.class)))
                .optional()
                .orElseThrow(() -> ApiError.notFound("INSUREE_NOT_FOUND", "insureeId", "No such insuree"));
        if (insuree.dob() != null && entry.dateFrom().isBefore(insuree.dob()))
            throw ApiError.badRequest(
                    "DATE_BEFORE_BIRTH", "dateFrom", "The insuree was born on " + insuree.dob() + ", after dateFrom");
        if ("DE".equals(insuree.status())
                && insuree.statusDate() != null
                && entry.dateFrom().isAfter(insuree.statusDate()))
            throw ApiError.badRequest(
                    "DATE_AFTER_DEATH",
                    "dateFrom",
                    "The insuree died on " + insuree.statusDate() + ", before dateFrom");

        Long facilityDistrict = jdbc.sql(
                        "select location_id from health_facility where id = :id and validity_to is null")
                .param("id", entry.healthFacilityId())
                .query(Long.class)
                .optional()
                .orElseThrow(() ->
                        ApiError.notFound("HEALTH_FACILITY_NOT_FOUND", "healthFacilityId", "No such health facility"));
        boolean allowed = access.unrestricted()
                || (access.healthFacilityId() != null
                        ? access.healthFacilityId() == entry.healthFacilityId()
                        : access.inDistricts(facilityDistrict));
        if (!allowed)
            throw ApiError.forbidden(
                    "HEALTH_FACILITY_NOT_ALLOWED",
                    "healthFacilityId",
                    "You may not enter claims for this health facility");
        for (String field : new String[] {"referFromId", "referToId"}) {
            Long referral = field.equals("referFromId") ? entry.referFromId() : entry.referToId();
            if (referral != null && !exists("health_facility", referral, true))
                throw ApiError.notFound("HEALTH_FACILITY_NOT_FOUND", field, "No such health facility");
        }
        if (!exists("diagnosis", entry.icdId(), true))
            throw ApiError.badRequest("DIAGNOSIS_NOT_FOUND", "icdId", "No such diagnosis in the current ICD list");
        for (int i = 0; i < entry.secondaryIcdIds().size(); i++) {
            Long icd = entry.secondaryIcdIds().get(i);
            if (icd != null && !exists("diagnosis", icd, true))
                throw ApiError.badRequest(
                        "DIAGNOSIS_NOT_FOUND", "icd" + (i + 1) + "Id", "No such diagnosis in the current ICD list");
        }
        // deleted or unlisted register rows are accepted here: the check step rejects them (reasons 1 and 2)
        missingRegisterRow("medical_item", entry.items(), "items", "itemId");
        missingRegisterRow("medical_service", entry.services(), "services", "serviceId");

        Long admin = entry.adminId() != null ? entry.adminId() : access.claimAdminId();
        if (admin != null) {
            Long adminFacility = jdbc.sql(
                            "select health_facility_id from claim_admin where id = :id and validity_to is null")
                    .param("id", admin)
                    .query(Long.class)
                    .optional()
                    .orElseThrow(
                            () -> ApiError.notFound("CLAIM_ADMIN_NOT_FOUND", "adminId", "No such claim administrator"));
            if (access.claimAdminId() != null && !admin.equals(access.claimAdminId()))
                throw ApiError.forbidden(
                        "CLAIM_ADMIN_NOT_ALLOWED",
                        "adminId",
                        "A claim administrator enters claims under their own name");
            if (adminFacility != entry.healthFacilityId())
                throw ApiError.badRequest(
                        "CLAIM_ADMIN_OF_OTHER_FACILITY",
                        "adminId",
                        "The claim administrator belongs to another health facility");
        }
        return admin;
    }

    private void missingRegisterRow(String table, List<ClaimEntry.Line> lines, String list, String idField) {
        if (lines.isEmpty()) return;
        long[] ids = lines.stream().mapToLong(ClaimEntry.Line::medicalId).toArray();
        List<Long> known = jdbc.sql("select id from " + table + " where id = any(:ids)")
                .param("ids", ids)
                .query(Long.class)
                .list();
        for (int i = 0; i < ids.length; i++)
            if (!known.contains(ids[i]))
                throw ApiError.badRequest(
                        table.equals("medical_item") ? "ITEM_NOT_FOUND" : "SERVICE_NOT_FOUND",
                        list + "[" + i + "]." + idField,
                        "No " + (table.equals("medical_item") ? "item" : "service") + " with id " + ids[i]);
    }

    private boolean exists(String table, long id, boolean current) {
        return jdbc.sql("select exists (select 1 from " + table + " where id = :id"
                        + (current ? " and validity_to is null)" : ")"))
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    private JdbcClient.StatementSpec header(
            String sql, ClaimEntry entry, String code, @Nullable Long admin, Access access) {
        List<@Nullable Long> icds = entry.secondaryIcdIds();
        return jdbc.sql(sql)
                .param("code", code)
                .param("insureeId", entry.insureeId())
                .param("healthFacilityId", entry.healthFacilityId())
                .param("adminId", admin)
                .param("dateFrom", entry.dateFrom())
                .param("dateTo", entry.dateTo())
                .param("dateClaimed", entry.dateClaimed())
                .param("icdId", entry.icdId())
                .param("icd1", icds.get(0))
                .param("icd2", icds.get(1))
                .param("icd3", icds.get(2))
                .param("icd4", icds.get(3))
                .param("visitType", entry.visitType())
                .param("claimed", entry.claimed())
                .param("explanation", entry.explanation())
                .param("guaranteeId", entry.guaranteeId())
                .param("referFromId", entry.referFromId())
                .param("referToId", entry.referToId())
                .param("careType", entry.careType())
                .param("preAuthorization", entry.preAuthorization())
                .param("patientCondition", entry.patientCondition())
                .param("referralCode", entry.referralCode())
                .param("jsonExt", entry.jsonExt())
                .param("user", access.userId());
    }

    private void insertLines(long claimId, ClaimEntry entry, Access access) {
        insertLines("item", claimId, entry.items(), access);
        insertLines("service", claimId, entry.services(), access);
    }

    private void insertLines(String kind, long claimId, List<ClaimEntry.Line> lines, Access access) {
        if (lines.isEmpty()) return;
        jdbc.sql(INSERT_LINES.formatted(kind))
                .param("claimId", claimId)
                .param("user", access.userId())
                .param(
                        "medicalIds",
                        lines.stream().mapToLong(ClaimEntry.Line::medicalId).toArray())
                .param(
                        "qty",
                        lines.stream().map(l -> l.qtyProvided().toPlainString()).toArray(String[]::new))
                .param(
                        "price",
                        lines.stream().map(l -> l.priceAsked().toPlainString()).toArray(String[]::new))
                .param(
                        "explanation",
                        lines.stream().map(ClaimEntry.Line::explanation).toArray(String[]::new))
                .update();
    }

    private String generatedCode(long facilityId, long claimId) {
        String facility = jdbc.sql("select code from health_facility where id = :id")
                .param("id", facilityId)
                .query(String.class)
                .optional()
                .orElse("HF");
        // a facility code has at most 8 characters and the id at most 11 digits: within the 20 of a claim code
        return facility + "-" + claimId;
    }

    static String statusName(int status) {
        return switch (status) {
            case 1 -> "rejected";
            case 2 -> "entered";
            case 4 -> "checked";
            case 8 -> "processed";
            case 16 -> "valuated";
            default -> "in status " + status;
        };
    }
}
