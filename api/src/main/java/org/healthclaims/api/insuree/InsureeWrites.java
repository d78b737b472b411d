package org.healthclaims.api.insuree;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.healthclaims.api.guard.ApiError;
import org.healthclaims.api.mutation.Locking;
import org.healthclaims.api.relay.Conditions;
import org.healthclaims.api.security.Access;
import org.healthclaims.api.sql.History;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writes of createInsuree, updateInsuree and deleteInsurees, and the insuree half of the family mutations (a
 * family's head, its members). Every method runs inside the mutation's transaction ({@code Mutations.run}); a
 * refusal, thrown before or while writing, rolls the transaction back, so a refused mutation leaves nothing.
 * Insurees and families outside the caller's scope (domain.md §6.3) are not found, as if they did not exist.
 */
@Component
class InsureeWrites {

    static final String NUMBER_TAKEN = "INSUREE_NUMBER_TAKEN";

    /** The current state of an insuree a mutation works on, locked for the transaction. */
    record LockedInsuree(
            long id,
            UUID uuid,
            @Nullable String chfId,
            @Nullable Long familyId,
            boolean head) {}

    /** An entry whose references were all found; only such an entry is written. */
    record Checked(InsureeEntry entry, @Nullable Long statusReasonId) {}

    /** Whether an insuree heads a family is the family's word (family.head_insuree_id), the flag follows it. */
    static final String LOCK = """
            select i.id, i.uuid, i.chf_id, i.family_id,
                   exists (select 1 from family fh where fh.head_insuree_id = i.id and fh.validity_to is null)
                       as heads_family
              from insuree i
             where i.validity_to is null""";

    static final String INSERT = """
            insert into insuree (uuid, family_id, chf_id, last_name, other_names, gender, dob, head, marital, passport,
                                 phone, email, current_address, geolocation, current_village_id, card_issued,
                                 relationship_id, profession_id, education_id, type_of_id, health_facility_id,
                                 is_offline, status, status_date, status_reason_id, json_ext, audit_user_id)
            values (:uuid, :familyId, :chfId, :lastName, :otherNames, :gender, :dob, :head, :marital, :passport,
                    :phone, :email, :currentAddress, :geolocation, :currentVillageId, :cardIssued,
                    :relationshipId, :professionId, :educationId, :typeOfId, :healthFacilityId,
                    :isOffline, :status, :statusDate, :statusReasonId, cast(:jsonExt as jsonb), :user)
            returning id""";

    /** Every column an entry carries; the family and the head flag change through their own mutations. */
    static final String UPDATE = """
            update insuree
               set chf_id = :chfId, last_name = :lastName, other_names = :otherNames, gender = :gender, dob = :dob,
                   marital = :marital, passport = :passport, phone = :phone, email = :email,
                   current_address = :currentAddress, geolocation = :geolocation,
                   current_village_id = :currentVillageId, card_issued = :cardIssued,
                   relationship_id = :relationshipId, profession_id = :professionId, education_id = :educationId,
                   type_of_id = :typeOfId, health_facility_id = :healthFacilityId, is_offline = :isOffline,
                   status = :status, status_date = :statusDate, status_reason_id = :statusReasonId,
                   json_ext = cast(:jsonExt as jsonb), validity_from = now(), audit_user_id = :user
             where id = :id""";

    static final String NUMBER_IN_USE =
            "select exists (select 1 from insuree where chf_id = :chfId and validity_to is null)";

    static final String FAMILY_IN_SCOPE = "select f.id from family f where f.id = :id and f.validity_to is null";

    static final String VILLAGE =
            "select exists (select 1 from location v where v.id = :id and v.type = 'V' and v.validity_to is null)";

    static final String FACILITY =
            "select exists (select 1 from health_facility where id = :id and validity_to is null)";

    static final String STATUS_REASON = """
            select id from insuree_status_reason
             where code = :code and status_type = :status and validity_to is null""";

    private static final RowMapper<LockedInsuree> LOCKED = (rs, n) -> new LockedInsuree(
            rs.getLong("id"),
            rs.getObject("uuid", UUID.class),
            rs.getString("chf_id"),
            rs.getObject("family_id", Long.class),
            rs.getBoolean("heads_family"));

    private final JdbcClient jdbc;
    private final History history;
    private final InsureeNumberRules rules;

    InsureeWrites(JdbcClient jdbc, History history, InsureeNumberRules rules) {
        this.jdbc = jdbc;
        this.history = history;
        this.rules = rules;
    }

    /** insureeNumberValidity: the number's format, then whether a current insuree already has it. */
    NumberValidity numberValidity(@Nullable String number) {
        NumberValidity format = rules.check(number);
        if (!format.isValid()) return format;
        boolean taken = jdbc.sql(NUMBER_IN_USE)
                .param("chfId", number)
                .query(Boolean.class)
                .single();
        return taken ? NumberValidity.invalid(NUMBER_TAKEN, "Another current insuree has this number") : format;
    }

    /** createInsuree: a member (not the head) of a family in the caller's scope; answers the insuree's id. */
    long create(InsureeEntry entry, Access access) {
        Long familyId = entry.familyId();
        if (familyId == null) throw ApiError.badRequest("REQUIRED", "familyId", "familyId is required");
        Conditions scope = access.villages(new Conditions(), "f.location_id");
        // locked: a family being deleted cannot gain a member meanwhile
        boolean found = jdbc.sql(FAMILY_IN_SCOPE + scope.sql() + " for update of f")
                .params(scope.params())
                .param("id", familyId)
                .query(Long.class)
                .optional()
                .isPresent();
        if (!found) throw ApiError.notFound("FAMILY_NOT_FOUND", "familyId", "No such family");
        if (Boolean.TRUE.equals(entry.head())) throw headChange(entry);
        return insert(check(entry, null, access), familyId, false, access);
    }

    /** updateInsuree: a history copy, then every detail replaced by the entry's. */
    void update(UUID uuid, InsureeEntry entry, Access access) {
        LockedInsuree insuree = lockOne(uuid, "uuid", access);
        Long familyId = entry.familyId();
        Boolean head = entry.head();
        if (familyId != null && !familyId.equals(insuree.familyId()))
            throw ApiError.conflict(
                    "FAMILY_CHANGE_NOT_ALLOWED",
                    "familyId",
                    "An insuree moves to another family through changeInsureeFamily");
        if (head != null && head.booleanValue() != insuree.head()) throw headChange(entry);
        replace(insuree, check(entry, insuree, access), access);
    }

    /** deleteInsurees: logical deletes (history kept); a family's head goes only with the family. */
    void delete(List<UUID> uuids, Access access) {
        List<LockedInsuree> insurees = lock(uuids, "uuids", access);
        for (LockedInsuree insuree : insurees)
            if (insuree.head())
                throw ApiError.conflict(
                        "INSUREE_IS_HEAD",
                        "uuids[" + uuids.indexOf(insuree.uuid()) + "]",
                        "The head of a family cannot be deleted alone: delete the family (deleteFamilies), or name"
                                + " another head first (setFamilyHead)");
        for (LockedInsuree insuree : insurees) history.delete("insuree", insuree.id(), access.userId());
    }

    /**
     * The entry's references: a new or changed number valid and free (a number already on a card stays valid when
     * the rules change later), the lookup codes, the facility, the current village, the status reason.
     */
    Checked check(InsureeEntry entry, @Nullable LockedInsuree current, Access access) {
        if (current == null || !Objects.equals(current.chfId(), entry.chfId())) {
            NumberValidity validity = numberValidity(entry.chfId());
            if (!validity.isValid()) throw validity.refusal(entry.at("chfId"));
        }
        LookupList.GENDER.requireKnown(jdbc, entry.genderId(), entry.at("genderId"));
        LookupList.RELATION.requireKnown(jdbc, entry.relationshipId(), entry.at("relationshipId"));
        LookupList.PROFESSION.requireKnown(jdbc, entry.professionId(), entry.at("professionId"));
        LookupList.EDUCATION.requireKnown(jdbc, entry.educationId(), entry.at("educationId"));
        LookupList.IDENTIFICATION_TYPE.requireKnown(jdbc, entry.typeOfIdId(), entry.at("typeOfIdId"));
        if (entry.healthFacilityId() != null && !exists(FACILITY, entry.healthFacilityId()))
            throw ApiError.notFound(
                    "HEALTH_FACILITY_NOT_FOUND", entry.at("healthFacilityId"), "No such health facility");
        // where the insuree lives now may lie outside the caller's districts (people move); it must be a village
        if (entry.currentVillageId() != null && !exists(VILLAGE, entry.currentVillageId()))
            throw ApiError.notFound("VILLAGE_NOT_FOUND", entry.at("currentVillageId"), "No such village");
        Long statusReasonId = null;
        if (entry.statusReason() != null)
            statusReasonId = jdbc.sql(STATUS_REASON)
                    .param("code", entry.statusReason())
                    .param("status", entry.status())
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> ApiError.badRequest(
                            "STATUS_REASON_NOT_FOUND",
                            entry.at("statusReason"),
                            "There is no reason " + entry.statusReason() + " for status " + entry.status()));
        return new Checked(entry, statusReasonId);
    }

    /** A new insuree in family {@code familyId}; answers its id. */
    long insert(Checked checked, long familyId, boolean head, Access access) {
        try {
            return details(jdbc.sql(INSERT), checked, access)
                    .param("uuid", UUID.randomUUID())
                    .param("familyId", familyId)
                    .param("head", head)
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw numberTakenMeanwhile(checked.entry());
        }
    }

    /** A history copy of the insuree, then its details replaced. */
    void replace(LockedInsuree insuree, Checked checked, Access access) {
        history.keep("insuree", insuree.id());
        try {
            details(jdbc.sql(UPDATE), checked, access).param("id", insuree.id()).update();
        } catch (DuplicateKeyException e) {
            throw numberTakenMeanwhile(checked.entry());
        }
    }

    /** The current insuree {@code uuid} in the caller's scope, locked; NOT_FOUND on {@code field} otherwise. */
    LockedInsuree lockOne(UUID uuid, String field, Access access) {
        Conditions scope = access.insurees(new Conditions(), "i");
        return jdbc.sql(LOCK + " and i.uuid = :uuid" + scope.sql() + " for update of i")
                .params(scope.params())
                .param("uuid", uuid)
                .query(LOCKED)
                .optional()
                .orElseThrow(() -> ApiError.notFound("INSUREE_NOT_FOUND", field, "No insuree " + uuid));
    }

    /** A current insuree reached through a family already in the caller's scope (its head), locked. */
    LockedInsuree lockById(long id) {
        return jdbc.sql(LOCK + " and i.id = :id for update of i")
                .param("id", id)
                .query(LOCKED)
                .single();
    }

    /** The current members of a family, head included, locked in id order. */
    List<LockedInsuree> membersOf(long familyId) {
        return jdbc.sql(LOCK + " and i.family_id = :familyId order by i.id for update of i")
                .param("familyId", familyId)
                .query(LOCKED)
                .list();
    }

    /** The head flag of one insuree, history kept; the family's head_insuree_id is the caller's to set. */
    void setHeadFlag(long insureeId, boolean head, Access access) {
        history.keep("insuree", insureeId);
        jdbc.sql("update insuree set head = :head, validity_from = now(), audit_user_id = :user where id = :id")
                .param("head", head)
                .param("user", access.userId())
                .param("id", insureeId)
                .update();
    }

    /** Moves an insuree to another family (or out of any, with null), history kept. */
    void moveTo(LockedInsuree insuree, @Nullable Long familyId, @Nullable Long village, Access access) {
        history.keep("insuree", insuree.id());
        // a member who leaves a family keeps its village as theirs, so the officers who saw them still do
        jdbc.sql("""
                        update insuree
                           set family_id = :familyId, current_village_id = coalesce(current_village_id, :village),
                               validity_from = now(), audit_user_id = :user
                         where id = :id""")
                .param("familyId", familyId)
                .param("village", village)
                .param("user", access.userId())
                .param("id", insuree.id())
                .update();
    }

    /** Ends today the insuree's current coverage rows that run past today; history kept for each. */
    void endCoverage(long insureeId, LocalDate today, Access access) {
        List<Long> rows = jdbc.sql("""
                        select id from insuree_policy
                         where insuree_id = :id and validity_to is null
                           and (expiry_date is null or expiry_date > :today)
                         order by id
                           for update""")
                .param("id", insureeId)
                .param("today", today)
                .query(Long.class)
                .list();
        if (rows.isEmpty()) return;
        for (long row : rows) history.keep("insuree_policy", row);
        jdbc.sql("""
                        update insuree_policy set expiry_date = :today, validity_from = now(), audit_user_id = :user
                         where id = any(:ids)""")
                .param("today", today)
                .param("user", access.userId())
                .param("ids", rows.stream().mapToLong(Long::longValue).toArray())
                .update();
    }

    /** The insurees, locked in id order (two mutations on overlapping insurees cannot deadlock); all must exist. */
    private List<LockedInsuree> lock(List<UUID> uuids, String field, Access access) {
        return Locking.lock(
                jdbc,
                LOCK + " and i.uuid = any(:uuids)",
                access.insurees(new Conditions(), "i"),
                "order by i.id for update of i",
                LOCKED,
                LockedInsuree::uuid,
                uuids,
                field,
                "INSUREE_NOT_FOUND",
                "insuree");
    }

    private JdbcClient.StatementSpec details(JdbcClient.StatementSpec statement, Checked checked, Access access) {
        InsureeEntry entry = checked.entry();
        return statement
                .param("chfId", entry.chfId())
                .param("lastName", entry.lastName())
                .param("otherNames", entry.otherNames())
                .param("gender", entry.genderId())
                .param("dob", entry.dob())
                .param("marital", entry.marital())
                .param("passport", entry.passport())
                .param("phone", entry.phone())
                .param("email", entry.email())
                .param("currentAddress", entry.currentAddress())
                .param("geolocation", entry.geolocation())
                .param("currentVillageId", entry.currentVillageId())
                .param("cardIssued", entry.cardIssued())
                .param("relationshipId", entry.relationshipId())
                .param("professionId", entry.professionId())
                .param("educationId", entry.educationId())
                .param("typeOfId", entry.typeOfIdId())
                .param("healthFacilityId", entry.healthFacilityId())
                .param("isOffline", entry.offline())
                .param("status", entry.status())
                .param("statusDate", entry.statusDate())
                .param("statusReasonId", checked.statusReasonId())
                .param("jsonExt", entry.jsonExt())
                .param("user", access.userId());
    }

    private boolean exists(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Boolean.class).single();
    }

    /** insuree_chf_id_current_ux is the only unique key an insuree write can hit (uuids are random). */
    private static ApiError numberTakenMeanwhile(InsureeEntry entry) {
        return ApiError.conflict(NUMBER_TAKEN, entry.at("chfId"), "Another current insuree has this number");
    }

    private static ApiError headChange(InsureeEntry entry) {
        return ApiError.conflict(
                "HEAD_CHANGE_NOT_ALLOWED",
                entry.at("head"),
                "A family has one head, changed only through setFamilyHead");
    }
}
