package org.healthclaims.api.insuree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthclaims.api.insuree.Enrolment.ADMIN;
import static org.healthclaims.api.insuree.Enrolment.OFFICER;
import static org.healthclaims.api.insuree.Enrolment.VIEWER;
import static org.healthclaims.api.insuree.Enrolment.assertRefusal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.healthclaims.api.insuree.Enrolment.Family;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * createFamily, updateFamily, deleteFamilies, setFamilyHead and changeInsureeFamily, over HTTP as a front-end calls
 * them. Every test creates its own families; demo families are only read (FAM-D, for the officer's scope).
 */
class FamilyMutationsIT extends ApiTest {

    static final String FAMILY = """
            query($chfId: String!) {
              families(headInsuree_ChfId: $chfId) {
                edges { node { uuid poverty familyType address confirmationNo isOffline location { code }
                               headInsuree { chfId lastName otherNames head dob gender { code } family { uuid } } } }
              }
            }""";

    Enrolment enrolment;

    @BeforeEach
    void connect() {
        enrolment = new Enrolment(client(), sql(), port);
    }

    @Test
    void an_officer_creates_a_family_and_its_head_in_a_village_of_their_district() {
        String chfId = Enrolment.newChfId();
        Map<String, Object> input = enrolment.familyInput("R1D1M1V2", chfId);
        input.put("poverty", true);
        input.put("address", "Plot 12, Holoto");
        input.put("confirmationNo", "CN-0042");
        input.put("confirmationTypeId", "C");
        input.put("ethnicity", "B");
        input.put("isOffline", false);
        input.put("jsonExt", "{\"enrolledBy\": \"eo1\"}");

        String logId = enrolment.succeed(OFFICER, "createFamily", input);

        JsonNode family = onlyFamily(chfId);
        assertThat(family.path("poverty").asBoolean()).isTrue();
        assertThat(family.path("familyType").asString()).isEqualTo("H");
        assertThat(family.path("address").asString()).isEqualTo("Plot 12, Holoto");
        assertThat(family.path("confirmationNo").asString()).isEqualTo("CN-0042");
        assertThat(family.path("location").path("code").asString()).isEqualTo("R1D1M1V2");
        JsonNode head = family.path("headInsuree");
        assertThat(head.path("chfId").asString()).isEqualTo(chfId);
        assertThat(head.path("lastName").asString()).isEqualTo("Test");
        assertThat(head.path("otherNames").asString()).isEqualTo("Amina");
        assertThat(head.path("head").asBoolean()).isTrue();
        assertThat(head.path("dob").asString()).isEqualTo("1988-10-23");
        assertThat(head.path("gender").path("code").asString()).isEqualTo("F");
        assertThat(head.path("family").path("uuid").asString())
                .isEqualTo(family.path("uuid").asString());
        Map<String, Object> row = sql().sql("""
                        select f.confirmation_type, f.ethnicity, f.json_ext ->> 'enrolledBy' as enrolled_by,
                               f.audit_user_id as family_user, i.audit_user_id as head_user, i.family_id = f.id as member
                          from family f join insuree i on i.id = f.head_insuree_id
                         where i.chf_id = :chfId and f.validity_to is null""").param("chfId", chfId).query().singleRow();
        long officer = enrolment.userId(OFFICER);
        assertThat(row)
                .containsEntry("confirmation_type", "C")
                .containsEntry("ethnicity", "B")
                .containsEntry("enrolled_by", "eo1")
                .containsEntry("family_user", officer)
                .containsEntry("head_user", officer)
                .containsEntry("member", true);
        assertThat(logStatus(logId)).isEqualTo(2);
    }

    @Test
    void an_officer_cannot_create_a_family_in_a_village_of_another_district() {
        JsonNode refusal =
                enrolment.refuse(OFFICER, "createFamily", enrolment.familyInput("R2D1M1V1", Enrolment.newChfId()));

        assertRefusal(refusal, "NOT_FOUND", "VILLAGE_NOT_FOUND", "locationId");
    }

    @Test
    void a_viewer_may_not_add_families() {
        JsonNode refusal =
                enrolment.refuse(VIEWER, "createFamily", enrolment.familyInput("R1D1M1V1", Enrolment.newChfId()));

        assertRefusal(refusal, "FORBIDDEN", "MISSING_RIGHT", null);
    }

    @Test
    void the_same_client_mutation_id_twice_creates_one_family() {
        String chfId = Enrolment.newChfId();
        Map<String, Object> input = enrolment.familyInput("R1D1M1V1", chfId);
        input.put("clientMutationId", UUID.randomUUID().toString());

        Answer first = enrolment.run(ADMIN, "createFamily", input);
        Answer again = enrolment.run(ADMIN, "createFamily", input);

        assertThat(again.errors().isMissingNode()).as(again.body().toString()).isTrue();
        assertThat(again.data().path("createFamily").path("internalId").asString())
                .isEqualTo(first.data().path("createFamily").path("internalId").asString());
        assertThat(sql().sql("""
                        select count(*) from family f join insuree i on i.id = f.head_insuree_id
                         where i.chf_id = :chfId""").param("chfId", chfId).query(Integer.class).single())
                .isEqualTo(1);
    }

    /** One rule a family can break, and the refusal it gets. */
    record Rule(String name, Consumer<Map<String, Object>> breaks, String classification, String code, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rule> brokenRules() {
        String tomorrow = InsureeEntry.today().plusDays(1).toString();
        return Stream.of(
                badRequest("no village", m -> m.remove("locationId"), "REQUIRED", "locationId"),
                new Rule(
                        "an unknown village",
                        m -> m.put("locationId", 999_999_999),
                        "NOT_FOUND",
                        "VILLAGE_NOT_FOUND",
                        "locationId"),
                badRequest("family type Z", m -> m.put("familyTypeId", "Z"), "FAMILY_TYPE_NOT_FOUND", "familyTypeId"),
                badRequest(
                        "confirmation type Z",
                        m -> m.put("confirmationTypeId", "Z"),
                        "CONFIRMATION_TYPE_NOT_FOUND",
                        "confirmationTypeId"),
                badRequest("an address of 201", m -> m.put("address", "x".repeat(201)), "TEXT_TOO_LONG", "address"),
                badRequest("an ethnicity of 2", m -> m.put("ethnicity", "AB"), "TEXT_TOO_LONG", "ethnicity"),
                badRequest(
                        "a confirmation number of 13",
                        m -> m.put("confirmationNo", "1".repeat(13)),
                        "TEXT_TOO_LONG",
                        "confirmationNo"),
                badRequest("jsonExt that is not JSON", m -> m.put("jsonExt", "[1,"), "INVALID_JSON", "jsonExt"),
                badRequest("no head", m -> m.remove("headInsuree"), "REQUIRED", "headInsuree"),
                new Rule(
                        "a head whose number a current insuree has",
                        m -> head(m).put("chfId", "100000001"),
                        "CONFLICT",
                        "INSUREE_NUMBER_TAKEN",
                        "headInsuree.chfId"),
                badRequest(
                        "a head number of 10 digits",
                        m -> head(m).put("chfId", "1234567890"),
                        "INSUREE_NUMBER_LENGTH",
                        "headInsuree.chfId"),
                badRequest(
                        "a head without last name",
                        m -> head(m).remove("lastName"),
                        "REQUIRED",
                        "headInsuree.lastName"),
                badRequest(
                        "a head of gender X",
                        m -> head(m).put("genderId", "X"),
                        "GENDER_NOT_FOUND",
                        "headInsuree.genderId"),
                badRequest(
                        "a head born tomorrow", m -> head(m).put("dob", tomorrow), "DATE_IN_FUTURE", "headInsuree.dob"),
                badRequest(
                        "a head of status XX",
                        m -> head(m).put("status", "XX"),
                        "INVALID_STATUS",
                        "headInsuree.status"),
                badRequest(
                        "a head whose jsonExt is not JSON",
                        m -> head(m).put("jsonExt", "{"),
                        "INVALID_JSON",
                        "headInsuree.jsonExt"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("brokenRules")
    void refuses_a_family_that_breaks_a_rule(Rule rule) {
        Map<String, Object> input = enrolment.familyInput("R1D1M1V1", Enrolment.newChfId());
        rule.breaks().accept(input);

        JsonNode refusal = enrolment.refuse(ADMIN, "createFamily", input);

        assertRefusal(refusal, rule.classification(), rule.code(), rule.field());
    }

    @Test
    void refuses_a_district_as_the_village() {
        Map<String, Object> input = enrolment.familyInput("R1D1M1V1", Enrolment.newChfId());
        input.put("locationId", enrolment.locationId("R1D1"));

        JsonNode refusal = enrolment.refuse(ADMIN, "createFamily", input);

        assertRefusal(refusal, "NOT_FOUND", "VILLAGE_NOT_FOUND", "locationId");
    }

    @Test
    void an_update_replaces_the_details_and_keeps_the_previous_version() {
        Family family = enrolment.newFamily("R1D1M1V1");
        Map<String, Object> input = enrolment.familyInput("R1D1M1V2", family.headChfId());
        input.put("uuid", family.uuid().toString());
        input.put("poverty", true);
        input.put("address", "New plot");
        Map<String, Object> head = head(input);
        head.put("phone", "+255 700 000 003");

        enrolment.succeed(OFFICER, "updateFamily", input);

        JsonNode updated = onlyFamily(family.headChfId());
        assertThat(updated.path("uuid").asString()).isEqualTo(family.uuid().toString());
        assertThat(updated.path("poverty").asBoolean()).isTrue();
        assertThat(updated.path("address").asString()).isEqualTo("New plot");
        assertThat(updated.path("location").path("code").asString()).isEqualTo("R1D1M1V2");
        Map<String, Object> live =
                sql().sql("""
                        select f.audit_user_id, i.phone,
                               -- both are the update's now(): the live row is valid from when the copy closed
                               f.validity_from = (select h.validity_to from family h where h.legacy_id = f.id)
                                   as valid_from_update
                          from family f join insuree i on i.id = f.head_insuree_id
                         where f.id = :id""").param("id", family.id()).query().singleRow();
        assertThat(live)
                .containsEntry("audit_user_id", enrolment.userId(OFFICER))
                .containsEntry("valid_from_update", true)
                .containsEntry("phone", "+255 700 000 003");
        Map<String, Object> history = sql().sql("""
                        select location_id, poverty, address, uuid <> :uuid as own_uuid
                          from family where legacy_id = :id and validity_to is not null""")
                .param("id", family.id())
                .param("uuid", family.uuid())
                .query()
                .singleRow();
        assertThat(history)
                .containsEntry("location_id", (long) enrolment.locationId("R1D1M1V1"))
                .containsEntry("poverty", false)
                .containsEntry("address", null)
                .containsEntry("own_uuid", true);
        assertThat(sql().sql("select count(*) from insuree where legacy_id = :id and validity_to is not null")
                        .param("id", family.headId())
                        .query(Integer.class)
                        .single())
                .as("the head's previous version")
                .isEqualTo(1);
    }

    @Test
    void an_officer_cannot_update_a_family_of_another_district() {
        Family famD = enrolment.familyOf("100000006");
        Map<String, Object> input = enrolment.familyInput("R1D1M1V1", Enrolment.newChfId());
        input.remove("headInsuree");
        input.put("uuid", famD.uuid().toString());

        JsonNode refusal = enrolment.refuse(OFFICER, "updateFamily", input);

        assertRefusal(refusal, "NOT_FOUND", "FAMILY_NOT_FOUND", "uuid");
    }

    @Test
    void an_officer_cannot_move_a_family_to_a_village_of_another_district() {
        Family family = enrolment.newFamily("R1D1M1V1");
        Map<String, Object> input = enrolment.familyInput("R2D1M1V1", family.headChfId());
        input.put("uuid", family.uuid().toString());

        JsonNode refusal = enrolment.refuse(OFFICER, "updateFamily", input);

        assertRefusal(refusal, "NOT_FOUND", "VILLAGE_NOT_FOUND", "locationId");
    }

    @Test
    void an_update_refuses_a_head_number_taken_by_another_insuree() {
        Family family = enrolment.newFamily("R1D1M1V1");
        Map<String, Object> input = enrolment.familyInput("R1D1M1V1", "100000001");
        input.put("uuid", family.uuid().toString());

        JsonNode refusal = enrolment.refuse(ADMIN, "updateFamily", input);

        assertRefusal(refusal, "CONFLICT", "INSUREE_NUMBER_TAKEN", "headInsuree.chfId");
    }

    @Test
    void deleting_a_family_with_its_members_deletes_them_all() {
        Family family = enrolment.newFamily("R1D1M1V1");
        UUID member = enrolment.newMember(family, Enrolment.newChfId());

        enrolment.succeed(
                OFFICER, "deleteFamilies", Map.of("uuids", List.of(family.uuid().toString()), "deleteMembers", true));

        assertThat(deleted("family", family.uuid())).isTrue();
        assertThat(deleted("insuree", family.headUuid())).isTrue();
        assertThat(deleted("insuree", member)).isTrue();
        assertThat(historyRows("family", family.id())).isEqualTo(1);
        assertThat(enrolment
                        .query(ADMIN, FAMILY, Map.of("chfId", family.headChfId()))
                        .path("families")
                        .path("edges"))
                .isEmpty();
    }

    @Test
    void deleting_a_family_without_its_members_detaches_them() {
        Family family = enrolment.newFamily("R1D1M1V2");
        UUID member = enrolment.newMember(family, Enrolment.newChfId());

        enrolment.succeed(
                OFFICER, "deleteFamilies", Map.of("uuids", List.of(family.uuid().toString())));

        assertThat(deleted("family", family.uuid())).isTrue();
        assertThat(deleted("insuree", family.headUuid())).isTrue();
        Map<String, Object> detached =
                sql().sql("""
                        select i.family_id, i.validity_to, v.code as village
                          from insuree i join location v on v.id = i.current_village_id
                         where i.uuid = :uuid""").param("uuid", member).query().singleRow();
        assertThat(detached)
                .containsEntry("family_id", null)
                .containsEntry("validity_to", null)
                .containsEntry("village", "R1D1M1V2");
    }

    @Test
    void an_officer_cannot_delete_a_family_of_another_district() {
        Family famD = enrolment.familyOf("100000006");

        JsonNode refusal = enrolment.refuse(
                OFFICER, "deleteFamilies", Map.of("uuids", List.of(famD.uuid().toString())));

        assertRefusal(refusal, "NOT_FOUND", "FAMILY_NOT_FOUND", "uuids[0]");
    }

    @Test
    void a_viewer_may_not_delete_families() {
        Family family = enrolment.newFamily("R1D1M1V1");

        JsonNode refusal = enrolment.refuse(
                VIEWER, "deleteFamilies", Map.of("uuids", List.of(family.uuid().toString())));

        assertRefusal(refusal, "FORBIDDEN", "MISSING_RIGHT", null);
    }

    @Test
    void a_member_becomes_head_and_the_former_head_stays_a_member() {
        Family family = enrolment.newFamily("R1D1M1V1");
        String memberChfId = Enrolment.newChfId();
        UUID member = enrolment.newMember(family, memberChfId);

        enrolment.succeed(
                OFFICER, "setFamilyHead", Map.of("uuid", family.uuid().toString(), "insureeUuid", member.toString()));

        JsonNode updated = onlyFamily(memberChfId);
        assertThat(updated.path("uuid").asString()).isEqualTo(family.uuid().toString());
        assertThat(updated.path("headInsuree").path("head").asBoolean()).isTrue();
        Map<String, Object> former = sql().sql("select head, family_id, validity_to from insuree where uuid = :uuid")
                .param("uuid", family.headUuid())
                .query()
                .singleRow();
        assertThat(former)
                .containsEntry("head", false)
                .containsEntry("family_id", family.id())
                .containsEntry("validity_to", null);
        assertThat(historyRows("family", family.id())).isEqualTo(1);
    }

    @Test
    void only_a_member_of_the_family_can_become_its_head() {
        Family family = enrolment.newFamily("R1D1M1V1");
        Family other = enrolment.newFamily("R1D1M1V1");

        JsonNode refusal = enrolment.refuse(
                ADMIN,
                "setFamilyHead",
                Map.of(
                        "uuid",
                        family.uuid().toString(),
                        "insureeUuid",
                        other.headUuid().toString()));

        assertRefusal(refusal, "CONFLICT", "INSUREE_NOT_IN_FAMILY", "insureeUuid");
    }

    @Test
    void an_officer_cannot_set_the_head_of_a_family_of_another_district() {
        Family famD = enrolment.familyOf("100000006");

        JsonNode refusal = enrolment.refuse(
                OFFICER,
                "setFamilyHead",
                Map.of(
                        "uuid",
                        famD.uuid().toString(),
                        "insureeUuid",
                        famD.headUuid().toString()));

        assertRefusal(refusal, "NOT_FOUND", "FAMILY_NOT_FOUND", "uuid");
    }

    @Test
    void a_member_moves_to_another_family_and_their_coverage_ends_today() {
        Family from = enrolment.newFamily("R1D1M1V1");
        Family to = enrolment.newFamily("R1D1M1V2");
        UUID member = enrolment.newMember(from, Enrolment.newChfId());
        long coverage = cover(from, member);

        enrolment.succeed(
                OFFICER,
                "changeInsureeFamily",
                Map.of("familyUuid", to.uuid().toString(), "insureeUuid", member.toString(), "cancelPolicies", true));

        assertThat(sql().sql("select family_id from insuree where uuid = :uuid")
                        .param("uuid", member)
                        .query(Long.class)
                        .single())
                .isEqualTo(to.id());
        assertThat(sql().sql("select expiry_date from insuree_policy where id = :id")
                        .param("id", coverage)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(InsureeEntry.today());
        assertThat(historyRows("insuree_policy", coverage)).isEqualTo(1);
    }

    @Test
    void without_cancel_policies_a_member_keeps_their_coverage() {
        Family from = enrolment.newFamily("R1D1M1V1");
        Family to = enrolment.newFamily("R1D1M1V1");
        UUID member = enrolment.newMember(from, Enrolment.newChfId());
        long coverage = cover(from, member);

        enrolment.succeed(
                ADMIN,
                "changeInsureeFamily",
                Map.of("familyUuid", to.uuid().toString(), "insureeUuid", member.toString()));

        assertThat(sql().sql("select expiry_date from insuree_policy where id = :id")
                        .param("id", coverage)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(InsureeEntry.today().plusMonths(6));
        assertThat(historyRows("insuree_policy", coverage)).isZero();
    }

    @Test
    void a_head_cannot_change_family() {
        Family from = enrolment.newFamily("R1D1M1V1");
        Family to = enrolment.newFamily("R1D1M1V1");

        JsonNode refusal = enrolment.refuse(
                ADMIN,
                "changeInsureeFamily",
                Map.of(
                        "familyUuid",
                        to.uuid().toString(),
                        "insureeUuid",
                        from.headUuid().toString()));

        assertRefusal(refusal, "CONFLICT", "INSUREE_IS_HEAD", "insureeUuid");
    }

    @Test
    void an_officer_cannot_move_a_member_into_a_family_of_another_district() {
        Family from = enrolment.newFamily("R1D1M1V1");
        UUID member = enrolment.newMember(from, Enrolment.newChfId());
        Family famD = enrolment.familyOf("100000006");

        JsonNode refusal = enrolment.refuse(
                OFFICER,
                "changeInsureeFamily",
                Map.of("familyUuid", famD.uuid().toString(), "insureeUuid", member.toString()));

        assertRefusal(refusal, "NOT_FOUND", "FAMILY_NOT_FOUND", "familyUuid");
    }

    @Test
    void an_officer_cannot_move_a_member_of_another_district_into_their_family() {
        Family family = enrolment.newFamily("R1D1M1V1");
        UUID musa = enrolment.insureeUuid("100000006");

        JsonNode refusal = enrolment.refuse(
                OFFICER,
                "changeInsureeFamily",
                Map.of("familyUuid", family.uuid().toString(), "insureeUuid", musa.toString()));

        assertRefusal(refusal, "NOT_FOUND", "INSUREE_NOT_FOUND", "insureeUuid");
    }

    @Test
    void a_viewer_may_not_change_families() {
        Family family = enrolment.newFamily("R1D1M1V1");
        UUID member = enrolment.newMember(family, Enrolment.newChfId());
        Map<String, Object> update = enrolment.familyInput("R1D1M1V1", family.headChfId());
        update.put("uuid", family.uuid().toString());

        JsonNode updateRefusal = enrolment.refuse(VIEWER, "updateFamily", update);
        JsonNode headRefusal = enrolment.refuse(
                VIEWER, "setFamilyHead", Map.of("uuid", family.uuid().toString(), "insureeUuid", member.toString()));
        JsonNode moveRefusal = enrolment.refuse(
                VIEWER,
                "changeInsureeFamily",
                Map.of("familyUuid", family.uuid().toString(), "insureeUuid", member.toString()));

        assertRefusal(updateRefusal, "FORBIDDEN", "MISSING_RIGHT", null);
        assertRefusal(headRefusal, "FORBIDDEN", "MISSING_RIGHT", null);
        assertRefusal(moveRefusal, "FORBIDDEN", "MISSING_RIGHT", null);
    }

    /** An active PRD-BASIC policy of the family covering the member until six months from today; answers the row. */
    private long cover(Family family, UUID member) {
        LocalDate today = InsureeEntry.today();
        long policy = sql().sql("""
                        insert into policy (uuid, family_id, product_id, enroll_date, start_date, effective_date,
                                            expiry_date, status, stage)
                        select :uuid, :family, p.id, :start, :start, :start, :expiry, 2, 'N'
                          from product p where p.code = 'PRD-BASIC' and p.validity_to is null
                        returning id""")
                .param("uuid", UUID.randomUUID())
                .param("family", family.id())
                .param("start", today.minusMonths(6))
                .param("expiry", today.plusMonths(6))
                .query(Long.class)
                .single();
        return sql().sql("""
                        insert into insuree_policy (insuree_id, policy_id, enrollment_date, start_date, effective_date,
                                                    expiry_date)
                        select i.id, :policy, :start, :start, :start, :expiry from insuree i where i.uuid = :member
                        returning id""")
                .param("policy", policy)
                .param("member", member)
                .param("start", today.minusMonths(6))
                .param("expiry", today.plusMonths(6))
                .query(Long.class)
                .single();
    }

    private JsonNode onlyFamily(String headChfId) {
        JsonNode edges = enrolment
                .query(ADMIN, FAMILY, Map.of("chfId", headChfId))
                .path("families")
                .path("edges");
        assertThat(edges).hasSize(1);
        return edges.get(0).path("node");
    }

    /** Logically deleted, as openIMIS's delete_history leaves a row: validity_from = validity_to. */
    private boolean deleted(String table, UUID uuid) {
        return sql().sql("select validity_to is not null and validity_from = validity_to from " + table
                        + " where uuid = :uuid")
                .param("uuid", uuid)
                .query(Boolean.class)
                .single();
    }

    private int historyRows(String table, long id) {
        return sql().sql("select count(*) from " + table + " where legacy_id = :id and validity_to is not null")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private int logStatus(String logId) {
        return sql().sql("select status from mutation_log where id = cast(:id as uuid)")
                .param("id", logId)
                .query(Integer.class)
                .single();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> head(Map<String, Object> family) {
        return (Map<String, Object>) Objects.requireNonNull(family.get("headInsuree"));
    }

    private static Rule badRequest(String name, Consumer<Map<String, Object>> breaks, String code, String field) {
        return new Rule(name, breaks, "BAD_REQUEST", code, field);
    }
}
