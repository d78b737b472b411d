package org.healthclaims.api.insuree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthclaims.api.insuree.Enrolment.ADMIN;
import static org.healthclaims.api.insuree.Enrolment.OFFICER;
import static org.healthclaims.api.insuree.Enrolment.VIEWER;
import static org.healthclaims.api.insuree.Enrolment.assertRefusal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.healthclaims.api.insuree.Enrolment.Family;
import org.healthclaims.api.testing.ApiTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** createInsuree, updateInsuree, deleteInsurees and insureeNumberValidity, over HTTP as a front-end calls them. */
class InsureeMutationsIT extends ApiTest {

    static final String INSUREES = """
            query($chfId: String!) {
              insurees(chfId: $chfId, showHistory: true) {
                edges { node { uuid chfId lastName otherNames head dob gender { code } marital phone email
                               currentAddress cardIssued status family { uuid } healthFacility { code }
                               currentVillage { code } validityTo } }
              }
            }""";

    static final String NUMBER_VALIDITY = """
            query($number: String!) { insureeNumberValidity(insureeNumber: $number) { isValid errorCode errorMessage } }""";

    /** A family of the officer's district the refusal tests add members to (none is ever added). */
    private static volatile @Nullable Family shared;

    Enrolment enrolment;

    @BeforeEach
    void connect() {
        enrolment = new Enrolment(client(), sql(), port);
        if (shared == null) shared = enrolment.newFamily("R1D1M1V1");
    }

    @Test
    void an_officer_adds_a_member_to_a_family_of_their_district() {
        Family family = enrolment.newFamily("R1D1M1V2");
        String chfId = Enrolment.newChfId();
        Map<String, Object> input = Enrolment.member(family, chfId);
        input.put("marital", "S");
        input.put("phone", "+255 700 000 001");
        input.put("email", "juma@example.org");
        input.put("currentAddress", "Plot 7, Holoto");
        input.put("relationshipId", 4);
        input.put("professionId", 3);
        input.put("educationId", 2);
        input.put("typeOfIdId", "N");
        input.put("passport", "N-123456");
        input.put("healthFacilityId", facilityId("HF-D1"));
        input.put("currentVillageId", enrolment.locationId("R1D1M1V2"));
        input.put("cardIssued", true);
        input.put("jsonExt", "{\"source\": \"test\"}");

        String logId = enrolment.succeed(OFFICER, "createInsuree", input);

        JsonNode node = onlyRow(chfId);
        assertThat(node.path("lastName").asString()).isEqualTo("Test");
        assertThat(node.path("otherNames").asString()).isEqualTo("Juma");
        assertThat(node.path("head").asBoolean()).isFalse();
        assertThat(node.path("dob").asString()).isEqualTo("1988-10-23");
        assertThat(node.path("gender").path("code").asString()).isEqualTo("M");
        assertThat(node.path("marital").asString()).isEqualTo("S");
        assertThat(node.path("phone").asString()).isEqualTo("+255 700 000 001");
        assertThat(node.path("email").asString()).isEqualTo("juma@example.org");
        assertThat(node.path("currentAddress").asString()).isEqualTo("Plot 7, Holoto");
        assertThat(node.path("cardIssued").asBoolean()).isTrue();
        assertThat(node.path("status").asString()).isEqualTo("AC");
        assertThat(node.path("family").path("uuid").asString())
                .isEqualTo(family.uuid().toString());
        assertThat(node.path("healthFacility").path("code").asString()).isEqualTo("HF-D1");
        assertThat(node.path("currentVillage").path("code").asString()).isEqualTo("R1D1M1V2");
        Map<String, Object> row = sql().sql("""
                        select relationship_id, profession_id, education_id, type_of_id, passport,
                               json_ext ->> 'source' as source, audit_user_id
                          from insuree where chf_id = :chfId and validity_to is null""").param("chfId", chfId).query().singleRow();
        assertThat(row)
                .containsEntry("relationship_id", 4)
                .containsEntry("profession_id", 3)
                .containsEntry("education_id", 2)
                .containsEntry("type_of_id", "N")
                .containsEntry("passport", "N-123456")
                .containsEntry("source", "test")
                .containsEntry("audit_user_id", enrolment.userId(OFFICER));
        assertThat(sql().sql("select status from mutation_log where id = cast(:id as uuid)")
                        .param("id", logId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    /** One rule an insuree can break, and the refusal it gets. */
    record Rule(String name, Consumer<Map<String, Object>> breaks, String classification, String code, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rule> brokenRules() {
        String tomorrow = InsureeEntry.today().plusDays(1).toString();
        return Stream.of(
                badRequest("no last name", m -> m.remove("lastName"), "REQUIRED", "lastName"),
                badRequest("blank other names", m -> m.put("otherNames", "   "), "REQUIRED", "otherNames"),
                badRequest("a last name of 101", m -> m.put("lastName", "x".repeat(101)), "TEXT_TOO_LONG", "lastName"),
                badRequest(
                        "other names of 101", m -> m.put("otherNames", "x".repeat(101)), "TEXT_TOO_LONG", "otherNames"),
                badRequest("no birth date", m -> m.remove("dob"), "REQUIRED", "dob"),
                badRequest("born tomorrow", m -> m.put("dob", tomorrow), "DATE_IN_FUTURE", "dob"),
                badRequest("gender X", m -> m.put("genderId", "X"), "GENDER_NOT_FOUND", "genderId"),
                badRequest("marital Q", m -> m.put("marital", "Q"), "INVALID_MARITAL", "marital"),
                badRequest("status XX", m -> m.put("status", "XX"), "INVALID_STATUS", "status"),
                badRequest("an email of 101", m -> m.put("email", "x".repeat(101)), "TEXT_TOO_LONG", "email"),
                badRequest("a phone of 51", m -> m.put("phone", "1".repeat(51)), "TEXT_TOO_LONG", "phone"),
                badRequest("a passport of 26", m -> m.put("passport", "P".repeat(26)), "TEXT_TOO_LONG", "passport"),
                badRequest(
                        "an address of 201",
                        m -> m.put("currentAddress", "x".repeat(201)),
                        "TEXT_TOO_LONG",
                        "currentAddress"),
                badRequest(
                        "a geolocation of 251",
                        m -> m.put("geolocation", "1".repeat(251)),
                        "TEXT_TOO_LONG",
                        "geolocation"),
                badRequest("no insurance number", m -> m.remove("chfId"), "INSUREE_NUMBER_REQUIRED", "chfId"),
                badRequest("a number of 8 digits", m -> m.put("chfId", "12345678"), "INSUREE_NUMBER_LENGTH", "chfId"),
                badRequest(
                        "a number with a letter",
                        m -> m.put("chfId", "12345678A"),
                        "INSUREE_NUMBER_NOT_DIGITS",
                        "chfId"),
                new Rule(
                        "a number a current insuree has",
                        m -> m.put("chfId", "100000001"),
                        "CONFLICT",
                        "INSUREE_NUMBER_TAKEN",
                        "chfId"),
                badRequest("relation 999", m -> m.put("relationshipId", 999), "RELATION_NOT_FOUND", "relationshipId"),
                badRequest("profession 999", m -> m.put("professionId", 999), "PROFESSION_NOT_FOUND", "professionId"),
                badRequest("education 999", m -> m.put("educationId", 999), "EDUCATION_NOT_FOUND", "educationId"),
                badRequest(
                        "identification type Z",
                        m -> m.put("typeOfIdId", "Z"),
                        "IDENTIFICATION_TYPE_NOT_FOUND",
                        "typeOfIdId"),
                new Rule(
                        "an unknown health facility",
                        m -> m.put("healthFacilityId", 999_999_999),
                        "NOT_FOUND",
                        "HEALTH_FACILITY_NOT_FOUND",
                        "healthFacilityId"),
                new Rule(
                        "an unknown current village",
                        m -> m.put("currentVillageId", 999_999_999),
                        "NOT_FOUND",
                        "VILLAGE_NOT_FOUND",
                        "currentVillageId"),
                badRequest("jsonExt that is not JSON", m -> m.put("jsonExt", "{not json"), "INVALID_JSON", "jsonExt"),
                badRequest(
                        "an unknown status reason",
                        m -> {
                            m.put("status", "IN");
                            m.put("statusReason", "NOPE");
                        },
                        "STATUS_REASON_NOT_FOUND",
                        "statusReason"),
                badRequest(
                        "a status date tomorrow", m -> m.put("statusDate", tomorrow), "DATE_IN_FUTURE", "statusDate"),
                badRequest("no family", m -> m.remove("familyId"), "REQUIRED", "familyId"),
                new Rule(
                        "an unknown family",
                        m -> m.put("familyId", 999_999_999),
                        "NOT_FOUND",
                        "FAMILY_NOT_FOUND",
                        "familyId"),
                new Rule("a second head", m -> m.put("head", true), "CONFLICT", "HEAD_CHANGE_NOT_ALLOWED", "head"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("brokenRules")
    void refuses_an_insuree_that_breaks_a_rule(Rule rule) {
        Map<String, Object> input = Enrolment.member(sharedFamily(), Enrolment.newChfId());
        rule.breaks().accept(input);

        JsonNode refusal = enrolment.refuse(ADMIN, "createInsuree", input);

        assertRefusal(refusal, rule.classification(), rule.code(), rule.field());
    }

    @Test
    void an_officer_cannot_add_a_member_to_a_family_of_another_district() {
        long famD = enrolment.familyOf("100000006").id();
        Map<String, Object> input = Enrolment.member(sharedFamily(), Enrolment.newChfId());
        input.put("familyId", (int) famD);

        JsonNode refusal = enrolment.refuse(OFFICER, "createInsuree", input);

        assertRefusal(refusal, "NOT_FOUND", "FAMILY_NOT_FOUND", "familyId");
    }

    @Test
    void a_viewer_may_not_add_insurees() {
        JsonNode refusal =
                enrolment.refuse(VIEWER, "createInsuree", Enrolment.member(sharedFamily(), Enrolment.newChfId()));

        assertRefusal(refusal, "FORBIDDEN", "MISSING_RIGHT", null);
    }

    @Test
    void an_update_keeps_the_previous_version_as_a_closed_history_row() {
        Family family = enrolment.newFamily("R1D1M1V1");
        String chfId = Enrolment.newChfId();
        UUID uuid = enrolment.newMember(family, chfId);
        long id = insureeId(uuid);
        Map<String, Object> input = Enrolment.member(family, chfId);
        input.put("uuid", uuid.toString());
        input.put("lastName", "Renamed");
        input.put("phone", "+255 700 000 002");

        enrolment.succeed(OFFICER, "updateInsuree", input);

        Map<String, Object> live = sql().sql("""
                        select id, uuid, last_name, phone, audit_user_id, validity_to
                          from insuree where uuid = :uuid""").param("uuid", uuid).query().singleRow();
        assertThat(live)
                .containsEntry("id", id)
                .containsEntry("last_name", "Renamed")
                .containsEntry("phone", "+255 700 000 002")
                .containsEntry("audit_user_id", enrolment.userId(OFFICER))
                .containsEntry("validity_to", null);
        List<Map<String, Object>> history =
                sql().sql("""
                        select last_name, phone, uuid from insuree
                         where legacy_id = :id and validity_to is not null""").param("id", id).query().listOfRows();
        assertThat(history).hasSize(1);
        assertThat(history.getFirst()).containsEntry("last_name", "Test").containsEntry("phone", null);
        assertThat(history.getFirst().get("uuid")).isNotEqualTo(uuid);
        JsonNode rows = enrolment
                .query(ADMIN, INSUREES, Map.of("chfId", chfId))
                .path("insurees")
                .path("edges");
        assertThat(rows).hasSize(2);
        assertThat(rows)
                .anySatisfy(edge -> {
                    assertThat(edge.path("node").path("uuid").asString()).isEqualTo(uuid.toString());
                    assertThat(edge.path("node").path("lastName").asString()).isEqualTo("Renamed");
                    assertThat(edge.path("node").path("validityTo").isNull()).isTrue();
                })
                .anySatisfy(edge -> {
                    assertThat(edge.path("node").path("lastName").asString()).isEqualTo("Test");
                    assertThat(edge.path("node").path("validityTo").isNull()).isFalse();
                });
    }

    @Test
    void an_update_may_give_a_free_number_but_not_a_taken_one() {
        Family family = enrolment.newFamily("R1D1M1V1");
        String chfId = Enrolment.newChfId();
        UUID uuid = enrolment.newMember(family, chfId);
        Map<String, Object> taken = Enrolment.member(family, "100000001");
        taken.put("uuid", uuid.toString());
        String free = Enrolment.newChfId();
        Map<String, Object> renumbered = Enrolment.member(family, free);
        renumbered.put("uuid", uuid.toString());

        JsonNode refusal = enrolment.refuse(ADMIN, "updateInsuree", taken);
        enrolment.succeed(ADMIN, "updateInsuree", renumbered);

        assertRefusal(refusal, "CONFLICT", "INSUREE_NUMBER_TAKEN", "chfId");
        assertThat(enrolment.insureeUuid(free)).isEqualTo(uuid);
    }

    @Test
    void an_officer_cannot_update_an_insuree_of_another_district() {
        UUID musa = enrolment.insureeUuid("100000006");
        Map<String, Object> input = Enrolment.person("100000006");
        input.put("uuid", musa.toString());

        JsonNode refusal = enrolment.refuse(OFFICER, "updateInsuree", input);

        assertRefusal(refusal, "NOT_FOUND", "INSUREE_NOT_FOUND", "uuid");
    }

    @Test
    void an_update_neither_moves_an_insuree_nor_makes_a_head() {
        Family family = enrolment.newFamily("R1D1M1V1");
        String chfId = Enrolment.newChfId();
        UUID uuid = enrolment.newMember(family, chfId);
        Map<String, Object> moved = Enrolment.member(sharedFamily(), chfId);
        moved.put("uuid", uuid.toString());
        Map<String, Object> promoted = Enrolment.member(family, chfId);
        promoted.put("uuid", uuid.toString());
        promoted.put("head", true);

        JsonNode moveRefusal = enrolment.refuse(ADMIN, "updateInsuree", moved);
        JsonNode headRefusal = enrolment.refuse(ADMIN, "updateInsuree", promoted);

        assertRefusal(moveRefusal, "CONFLICT", "FAMILY_CHANGE_NOT_ALLOWED", "familyId");
        assertRefusal(headRefusal, "CONFLICT", "HEAD_CHANGE_NOT_ALLOWED", "head");
    }

    @Test
    void a_viewer_may_not_update_insurees() {
        Map<String, Object> input = Enrolment.member(sharedFamily(), Enrolment.newChfId());
        input.put("uuid", sharedFamily().headUuid().toString());

        JsonNode refusal = enrolment.refuse(VIEWER, "updateInsuree", input);

        assertRefusal(refusal, "FORBIDDEN", "MISSING_RIGHT", null);
    }

    @Test
    void deletes_members_and_keeps_their_history() {
        Family family = enrolment.newFamily("R1D1M1V1");
        String chfId = Enrolment.newChfId();
        UUID uuid = enrolment.newMember(family, chfId);
        long id = insureeId(uuid);

        enrolment.succeed(OFFICER, "deleteInsurees", Map.of("uuids", List.of(uuid.toString())));

        Map<String, Object> row = sql().sql("""
                        select validity_to is not null as closed, validity_from = validity_to as deleted,
                               audit_user_id
                          from insuree where id = :id""").param("id", id).query().singleRow();
        assertThat(row)
                .containsEntry("closed", true)
                .containsEntry("deleted", true)
                .containsEntry("audit_user_id", enrolment.userId(OFFICER));
        assertThat(sql().sql("select count(*) from insuree where legacy_id = :id and validity_to is not null")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(enrolment
                        .query(
                                ADMIN,
                                "query($c: String!) { insurees(chfId: $c) { edges { node { uuid } } } }",
                                Map.of("c", chfId))
                        .path("insurees")
                        .path("edges"))
                .isEmpty();
        assertThat(validity(chfId).path("isValid").asBoolean())
                .as("a deleted insuree's number is free again")
                .isTrue();
    }

    @Test
    void the_head_of_a_family_cannot_be_deleted_alone() {
        Family family = enrolment.newFamily("R1D1M1V1");
        UUID member = enrolment.newMember(family, Enrolment.newChfId());

        JsonNode refusal = enrolment.refuse(
                ADMIN,
                "deleteInsurees",
                Map.of("uuids", List.of(member.toString(), family.headUuid().toString())));

        assertRefusal(refusal, "CONFLICT", "INSUREE_IS_HEAD", "uuids[1]");
    }

    @Test
    void an_officer_cannot_delete_an_insuree_of_another_district() {
        JsonNode refusal = enrolment.refuse(
                OFFICER,
                "deleteInsurees",
                Map.of("uuids", List.of(enrolment.insureeUuid("100000006").toString())));

        assertRefusal(refusal, "NOT_FOUND", "INSUREE_NOT_FOUND", "uuids[0]");
    }

    @Test
    void a_viewer_may_not_delete_insurees() {
        JsonNode refusal = enrolment.refuse(
                VIEWER,
                "deleteInsurees",
                Map.of("uuids", List.of(sharedFamily().headUuid().toString())));

        assertRefusal(refusal, "FORBIDDEN", "MISSING_RIGHT", null);
    }

    @Test
    void insurance_numbers_are_checked_as_the_mutations_check_them() {
        assertThat(validity(Enrolment.newChfId()).path("isValid").asBoolean()).isTrue();
        assertThat(validity(Enrolment.newChfId()).path("errorCode").isNull()).isTrue();
        assertThat(validity("100000001").path("errorCode").asString()).isEqualTo("INSUREE_NUMBER_TAKEN");
        assertThat(validity("1234").path("errorCode").asString()).isEqualTo("INSUREE_NUMBER_LENGTH");
        assertThat(validity("12345678A").path("errorCode").asString()).isEqualTo("INSUREE_NUMBER_NOT_DIGITS");
        assertThat(validity("  ").path("errorCode").asString()).isEqualTo("INSUREE_NUMBER_REQUIRED");
        assertThat(validity("100000001").path("isValid").asBoolean()).isFalse();
        assertThat(validity("100000001").path("errorMessage").asString()).isNotBlank();
    }

    private JsonNode validity(String number) {
        return enrolment
                .query(VIEWER, NUMBER_VALIDITY, Map.of("number", number))
                .path("insureeNumberValidity");
    }

    private JsonNode onlyRow(String chfId) {
        JsonNode edges = enrolment
                .query(ADMIN, INSUREES, Map.of("chfId", chfId))
                .path("insurees")
                .path("edges");
        assertThat(edges).hasSize(1);
        return edges.get(0).path("node");
    }

    private static Family sharedFamily() {
        Family family = shared;
        if (family == null) throw new IllegalStateException("connect() creates the shared family");
        return family;
    }

    private static Rule badRequest(String name, Consumer<Map<String, Object>> breaks, String code, String field) {
        return new Rule(name, breaks, "BAD_REQUEST", code, field);
    }

    private int facilityId(String code) {
        return sql().sql("select id from health_facility where code = :code and validity_to is null")
                .param("code", code)
                .query(Integer.class)
                .single();
    }

    private long insureeId(UUID uuid) {
        return sql().sql("select id from insuree where uuid = :uuid")
                .param("uuid", uuid)
                .query(Long.class)
                .single();
    }
}
