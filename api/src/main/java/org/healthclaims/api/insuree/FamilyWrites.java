package org.healthclaims.api.insuree;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.healthclaims.api.guard.ApiError;
import org.healthclaims.api.insuree.InsureeWrites.LockedInsuree;
import org.healthclaims.api.mutation.Locking;
import org.healthclaims.api.relay.Conditions;
import org.healthclaims.api.security.Access;
import org.healthclaims.api.sql.History;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writes of createFamily, updateFamily, deleteFamilies, setFamilyHead and changeInsureeFamily. Like
 * {@link InsureeWrites}, each runs inside the mutation's transaction and refuses by throwing, which rolls it back.
 * A family is in the caller's scope when its village lies in one of their districts; a family outside is not found.
 * Locks are taken family first, then insurees, in every mutation, so two of them cannot deadlock.
 */
@Component
class FamilyWrites {

    /** The current state of a family a mutation works on, locked for the transaction. */
    record LockedFamily(
            long id,
            UUID uuid,
            @Nullable Long headInsureeId,
            @Nullable Long locationId) {}

    static final String LOCK = """
            select f.id, f.uuid, f.head_insuree_id, f.location_id
              from family f
             where f.validity_to is null
               and f.uuid = any(:uuids)""";

    static final String INSERT = """
            insert into family (uuid, location_id, poverty, family_type, address, is_offline, ethnicity,
                                confirmation_no, confirmation_type, json_ext, audit_user_id)
            values (:uuid, :locationId, :poverty, :familyType, :address, :isOffline, :ethnicity, :confirmationNo,
                    :confirmationType, cast(:jsonExt as jsonb), :user)
            returning id""";

    static final String UPDATE = """
            update family
               set location_id = :locationId, poverty = :poverty, family_type = :familyType, address = :address,
                   is_offline = :isOffline, ethnicity = :ethnicity, confirmation_no = :confirmationNo,
                   confirmation_type = :confirmationType, json_ext = cast(:jsonExt as jsonb),
                   validity_from = now(), audit_user_id = :user
             where id = :id""";

    /** %s: the caller's scope on column v.id. */
    static final String VILLAGE_IN_SCOPE =
            "select exists (select 1 from location v where v.id = :id and v.type = 'V' and v.validity_to is null%s)";

    private static final RowMapper<LockedFamily> LOCKED = (rs, n) -> new LockedFamily(
            rs.getLong("id"),
            rs.getObject("uuid", UUID.class),
            rs.getObject("head_insuree_id", Long.class),
            rs.getObject("location_id", Long.class));

    private final JdbcClient jdbc;
    private final History history;
    private final InsureeWrites insurees;

    FamilyWrites(JdbcClient jdbc, History history, InsureeWrites insurees) {
        this.jdbc = jdbc;
        this.history = history;
        this.insurees = insurees;
    }

    /** createFamily: the family and its head (head = true, family.head_insuree_id set); answers the family's id. */
    long create(FamilyEntry entry, Access access) {
        check(entry, access);
        InsureeWrites.Checked head = insurees.check(Objects.requireNonNull(entry.head()), null, access);
        long familyId = details(jdbc.sql(INSERT), entry, access)
                .param("uuid", UUID.randomUUID())
                .query(Long.class)
                .single();
        // the family and its head point at each other: the head is written second, then named
        long headId = insurees.insert(head, familyId, true, access);
        jdbc.sql("update family set head_insuree_id = :head where id = :id")
                .param("head", headId)
                .param("id", familyId)
                .update();
        return familyId;
    }

    /** updateFamily: history copies, then the family's details and, when given, its head's replaced. */
    void update(UUID uuid, FamilyEntry entry, Access access) {
        LockedFamily family = lockOne(uuid, "uuid", access);
        check(entry, access);
        InsureeEntry headEntry = entry.head();
        Long headId = family.headInsureeId();
        if (headEntry != null) {
            if (headId == null)
                throw ApiError.conflict(
                        "FAMILY_WITHOUT_HEAD", "headInsuree", "The family has no head to update: set one first");
            LockedInsuree head = insurees.lockById(headId);
            insurees.replace(head, insurees.check(headEntry, head, access), access);
        }
        history.keep("family", family.id());
        details(jdbc.sql(UPDATE), entry, access).param("id", family.id()).update();
    }

    /**
     * deleteFamilies: logical deletes (history kept) of each family and its head. The other members are deleted too
     * with deleteMembers; without it they leave the family (family_id null) and stay insured persons: openIMIS's
     * choice, since a member may join another family. A member who leaves keeps the family's village as their
     * current village when they had none, so the officers who saw them still see them.
     */
    void delete(List<UUID> uuids, boolean deleteMembers, Access access) {
        for (LockedFamily family : lock(uuids, "uuids", access)) {
            for (LockedInsuree member : insurees.membersOf(family.id())) {
                if (deleteMembers || Objects.equals(family.headInsureeId(), member.id()))
                    history.delete("insuree", member.id(), access.userId());
                else insurees.moveTo(member, null, family.locationId(), access);
            }
            history.delete("family", family.id(), access.userId());
        }
    }

    /** setFamilyHead: a member of the family becomes its head; the former head stays a member. */
    void setHead(UUID familyUuid, UUID insureeUuid, Access access) {
        LockedFamily family = lockOne(familyUuid, "uuid", access);
        LockedInsuree insuree = insurees.lockOne(insureeUuid, "insureeUuid", access);
        if (!Objects.equals(insuree.familyId(), family.id()))
            throw ApiError.conflict(
                    "INSUREE_NOT_IN_FAMILY", "insureeUuid", "The insuree is not a member of the family");
        Long formerHead = family.headInsureeId();
        // already the head: the wanted state holds, nothing to write
        if (Objects.equals(formerHead, insuree.id())) return;
        if (formerHead != null) {
            insurees.lockById(formerHead);
            insurees.setHeadFlag(formerHead, false, access);
        }
        insurees.setHeadFlag(insuree.id(), true, access);
        history.keep("family", family.id());
        jdbc.sql("update family set head_insuree_id = :head, validity_from = now(), audit_user_id = :user"
                        + " where id = :id")
                .param("head", insuree.id())
                .param("user", access.userId())
                .param("id", family.id())
                .update();
    }

    /**
     * changeInsureeFamily: a member moves to another family. A head cannot move (the family would be left without
     * one). With cancelPolicies the member's current coverage rows end today; without, they keep the coverage of the
     * policies of the family they leave until those end, as openIMIS does.
     */
    void changeFamily(UUID familyUuid, UUID insureeUuid, boolean cancelPolicies, LocalDate today, Access access) {
        LockedFamily family = lockOne(familyUuid, "familyUuid", access);
        LockedInsuree insuree = insurees.lockOne(insureeUuid, "insureeUuid", access);
        if (insuree.head())
            throw ApiError.conflict(
                    "INSUREE_IS_HEAD",
                    "insureeUuid",
                    "The head of a family cannot move: name another head first (setFamilyHead)");
        // already a member: the wanted state holds, nothing to write (nor any coverage to end)
        if (Objects.equals(insuree.familyId(), family.id())) return;
        insurees.moveTo(insuree, family.id(), null, access);
        if (cancelPolicies) insurees.endCoverage(insuree.id(), today, access);
    }

    /** The village (a current one, in the caller's scope) and the lookup codes. */
    private void check(FamilyEntry entry, Access access) {
        Conditions scope = access.villages(new Conditions(), "v.id");
        boolean village = jdbc.sql(VILLAGE_IN_SCOPE.formatted(scope.sql()))
                .params(scope.params())
                .param("id", entry.locationId())
                .query(Boolean.class)
                .single();
        // outside the caller's districts is answered as absent: a caller learns nothing of other districts
        if (!village) throw ApiError.notFound("VILLAGE_NOT_FOUND", "locationId", "No such village");
        LookupList.FAMILY_TYPE.requireKnown(jdbc, entry.familyTypeId(), "familyTypeId");
        LookupList.CONFIRMATION_TYPE.requireKnown(jdbc, entry.confirmationTypeId(), "confirmationTypeId");
    }

    private LockedFamily lockOne(UUID uuid, String field, Access access) {
        try {
            return lock(List.of(uuid), field, access).getFirst();
        } catch (ApiError e) {
            if (e.code().equals("FAMILY_NOT_FOUND")) throw ApiError.notFound("FAMILY_NOT_FOUND", field, e.text());
            throw e;
        }
    }

    /** The families, in the caller's scope, locked in id order; all must exist. */
    private List<LockedFamily> lock(List<UUID> uuids, String field, Access access) {
        return Locking.lock(
                jdbc,
                LOCK,
                access.villages(new Conditions(), "f.location_id"),
                "order by f.id for update of f",
                LOCKED,
                LockedFamily::uuid,
                uuids,
                field,
                "FAMILY_NOT_FOUND",
                "family");
    }

    private JdbcClient.StatementSpec details(JdbcClient.StatementSpec statement, FamilyEntry entry, Access access) {
        return statement
                .param("locationId", entry.locationId())
                .param("poverty", entry.poverty())
                .param("familyType", entry.familyTypeId())
                .param("address", entry.address())
                .param("isOffline", entry.isOffline())
                .param("ethnicity", entry.ethnicity())
                .param("confirmationNo", entry.confirmationNo())
                .param("confirmationType", entry.confirmationTypeId())
                .param("jsonExt", entry.jsonExt())
                .param("user", access.userId());
    }
}
