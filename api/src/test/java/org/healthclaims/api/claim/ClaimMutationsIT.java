package org.healthclaims.api.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.healthclaims.api.testing.Mutating;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** createClaim, updateClaim and deleteClaims: what they write, and every rule that refuses them. */
class ClaimMutationsIT extends ApiTest {

    static final String CREATE = "CreateClaimMutationInput";
    static final String UPDATE = "UpdateClaimMutationInput";
    static final String UUIDS = "ClaimUuidsMutationInput";

    Mutating m;
    long kemi;
    long musa;
    long dispensary;
    long hospital;
    long cholera;
    long paracetamol;
    long oldDrug;
    long consultation;

    @BeforeEach
    void demoIds() {
        m = new Mutating(client(), sql());
        kemi = m.id("select id from insuree where chf_id = '100000001' and validity_to is null");
        musa = m.id("select id from insuree where chf_id = '100000006' and validity_to is null");
        dispensary = m.id("select id from health_facility where code = 'HF-D1' and validity_to is null");
        hospital = m.id("select id from health_facility where code = 'HF-H1' and validity_to is null");
        cholera = m.id("select id from diagnosis where code = 'A00' and validity_to is null");
        paracetamol = m.id("select id from medical_item where code = 'I0001' and validity_to is null");
        oldDrug = m.id("select id from medical_item where code = 'I0004'");
        consultation = m.id("select id from medical_service where code = 'S0001' and validity_to is null");
    }

    /** A valid claim of HF-D1 for Kemi Doe: two items and a service; claimed 10×10 + 2×10 + 500 = 620. */
    Map<String, Object> claim(String code) {
        Map<String, Object> input = new HashMap<>();
        input.put("code", code);
        input.put("insureeId", (int) kemi);
        input.put("healthFacilityId", (int) dispensary);
        input.put("icdId", (int) cholera);
        String today = LocalDate.now().toString();
        input.put("dateFrom", today);
        input.put("dateClaimed", today);
        input.put("visitType", "O");
        input.put(
                "items",
                List.of(
                        Map.of("itemId", (int) paracetamol, "qtyProvided", "10", "priceAsked", "10"),
                        Map.of("itemId", (int) paracetamol, "qtyProvided", "2", "priceAsked", "10.00")));
        input.put(
                "services", List.of(Map.of("serviceId", (int) consultation, "qtyProvided", "1", "priceAsked", "500")));
        return input;
    }

    static String code() {
        return "T" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void a_claim_administrator_enters_a_claim_of_their_facility() {
        String code = code();
        String log = m.ok(m.send("claimadmin", "createClaim", CREATE, claim(code)), "createClaim");

        Map<String, Object> row = sql().sql("""
                        select c.status, c.claimed, c.health_facility_id, ca.code as admin, c.audit_user_id,
                               (select count(*) from claim_item ci where ci.claim_id = c.id and ci.validity_to is null) as items,
                               (select count(*) from claim_service cs where cs.claim_id = c.id and cs.validity_to is null) as services
                          from claim c left join claim_admin ca on ca.id = c.claim_admin_id
                         where c.code = :code and c.validity_to is null""").param("code", code).query().singleRow();
        assertThat(Integer.parseInt(String.valueOf(row.get("status")))).isEqualTo(2);
        assertThat(String.valueOf(row.get("claimed"))).isEqualTo("620.00");
        assertThat(Long.parseLong(String.valueOf(row.get("health_facility_id"))))
                .isEqualTo(dispensary);
        assertThat(row.get("admin")).isEqualTo("CA-D1");
        assertThat(Integer.parseInt(String.valueOf(row.get("items")))).isEqualTo(2);
        assertThat(Integer.parseInt(String.valueOf(row.get("services")))).isEqualTo(1);
        assertThat(m.id("select status from mutation_log where id = cast(? as uuid)", log))
                .isEqualTo(2);

        JsonNode page = m.query(
                        "claimadmin",
                        "{ claims(code: \"" + code + "\") { edges { node { code status claimed"
                                + " items { qtyProvided priceAsked } } } } }")
                .data();
        assertThat(page.path("claims")
                        .path("edges")
                        .get(0)
                        .path("node")
                        .path("claimed")
                        .asString())
                .isEqualTo("620.00");
    }

    @Test
    void a_deleted_register_item_is_accepted_at_entry_for_the_check_step_to_reject() {
        Map<String, Object> input = claim(code());
        input.put("items", List.of(Map.of("itemId", (int) oldDrug, "qtyProvided", "1", "priceAsked", "20")));
        m.ok(m.send("claimadmin", "createClaim", CREATE, input), "createClaim");
    }

    @Test
    void autogenerate_gives_the_claim_a_code_of_its_facility() {
        Map<String, Object> input = claim("ignored");
        input.remove("code");
        input.put("autogenerate", true);
        m.ok(m.send("claimadmin", "createClaim", CREATE, input), "createClaim");
        Map<String, Object> newest = sql().sql(
                        "select id, code from claim where code like 'HF-D1-%' order by id desc limit 1")
                .query()
                .singleRow();
        String code = (String) newest.get("code");
        assertThat(code).isEqualTo("HF-D1-" + newest.get("id"));
    }

    static Stream<Arguments> badClaims() {
        String today = LocalDate.now().toString();
        String tomorrow = LocalDate.now().plusDays(1).toString();
        String yesterday = LocalDate.now().minusDays(1).toString();
        return Stream.of(
                bad("no code", i -> i.remove("code"), "BAD_REQUEST", "REQUIRED", "code"),
                bad(
                        "code of 21 characters",
                        i -> i.put("code", "C".repeat(21)),
                        "BAD_REQUEST",
                        "CLAIM_CODE_TOO_LONG",
                        "code"),
                bad(
                        "dateTo before dateFrom",
                        i -> i.put("dateTo", yesterday),
                        "BAD_REQUEST",
                        "DATE_TO_BEFORE_DATE_FROM",
                        "dateTo"),
                bad(
                        "dateFrom in the future",
                        i -> i.put("dateFrom", tomorrow),
                        "BAD_REQUEST",
                        "DATE_IN_FUTURE",
                        "dateFrom"),
                bad(
                        "dateClaimed in the future",
                        i -> i.put("dateClaimed", tomorrow),
                        "BAD_REQUEST",
                        "DATE_IN_FUTURE",
                        "dateClaimed"),
                bad(
                        "before the insuree's birth",
                        i -> {
                            i.put("dateFrom", "1980-01-01");
                            i.put("dateTo", today);
                        },
                        "BAD_REQUEST",
                        "DATE_BEFORE_BIRTH",
                        "dateFrom"),
                bad(
                        "no line",
                        i -> {
                            i.remove("items");
                            i.remove("services");
                        },
                        "BAD_REQUEST",
                        "CLAIM_WITHOUT_LINES",
                        "items"),
                bad(
                        "quantity 0",
                        i -> i.put("items", List.of(line("itemId", 0, "0", "10"))),
                        "BAD_REQUEST",
                        "QUANTITY_NOT_POSITIVE",
                        "items[0].qtyProvided"),
                bad(
                        "negative quantity",
                        i -> i.put("items", List.of(line("itemId", 0, "-1", "10"))),
                        "BAD_REQUEST",
                        "QUANTITY_NOT_POSITIVE",
                        "items[0].qtyProvided"),
                bad(
                        "negative price",
                        i -> i.put("items", List.of(line("itemId", 0, "1", "-0.01"))),
                        "BAD_REQUEST",
                        "PRICE_NEGATIVE",
                        "items[0].priceAsked"),
                bad(
                        "price with 3 decimals",
                        i -> i.put("items", List.of(line("itemId", 0, "1", "10.005"))),
                        "BAD_REQUEST",
                        "PRICE_PRECISION",
                        "items[0].priceAsked"),
                bad(
                        "price over numeric(18,2)",
                        i -> i.put("items", List.of(line("itemId", 0, "1", "10000000000000000"))),
                        "BAD_REQUEST",
                        "PRICE_TOO_LARGE",
                        "items[0].priceAsked"),
                bad(
                        "unknown item",
                        i -> i.put("items", List.of(line("itemId", 999_999_999, "1", "10"))),
                        "BAD_REQUEST",
                        "ITEM_NOT_FOUND",
                        "items[0].itemId"),
                bad(
                        "unknown service",
                        i -> i.put("services", List.of(line("serviceId", 999_999_999, "1", "10"))),
                        "BAD_REQUEST",
                        "SERVICE_NOT_FOUND",
                        "services[0].serviceId"),
                bad(
                        "a service twice without explanation",
                        i -> i.put("services", List.of(line("serviceId", -1, "2", "500"))),
                        "BAD_REQUEST",
                        "EXPLANATION_REQUIRED",
                        "services[0].explanation"),
                bad(
                        "unknown visit type",
                        i -> i.put("visitType", "X"),
                        "BAD_REQUEST",
                        "INVALID_VISIT_TYPE",
                        "visitType"),
                bad(
                        "guarantee id of 51 characters",
                        i -> i.put("guaranteeId", "G".repeat(51)),
                        "BAD_REQUEST",
                        "TEXT_TOO_LONG",
                        "guaranteeId"),
                bad(
                        "unknown diagnosis",
                        i -> i.put("icdId", 999_999_999),
                        "BAD_REQUEST",
                        "DIAGNOSIS_NOT_FOUND",
                        "icdId"),
                bad(
                        "unknown secondary diagnosis",
                        i -> i.put("icd2Id", 999_999_999),
                        "BAD_REQUEST",
                        "DIAGNOSIS_NOT_FOUND",
                        "icd2Id"),
                bad(
                        "unknown insuree",
                        i -> i.put("insureeId", 999_999_999),
                        "NOT_FOUND",
                        "INSUREE_NOT_FOUND",
                        "insureeId"),
                bad(
                        "unknown facility",
                        i -> i.put("healthFacilityId", 999_999_999),
                        "NOT_FOUND",
                        "HEALTH_FACILITY_NOT_FOUND",
                        "healthFacilityId"),
                bad(
                        "unknown referral facility",
                        i -> i.put("referToId", 999_999_999),
                        "NOT_FOUND",
                        "HEALTH_FACILITY_NOT_FOUND",
                        "referToId"));
    }

    /** A line; {@code id} 0 stands for Paracetamol, -1 for the OPD consultation (ids differ per database). */
    static Map<String, Object> line(String idField, int id, String qty, String price) {
        return Map.of(idField, id, "qtyProvided", qty, "priceAsked", price);
    }

    static Arguments bad(
            String name, Consumer<Map<String, Object>> change, String classification, String code, String field) {
        return Arguments.of(name, change, classification, code, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badClaims")
    void a_bad_claim_is_refused_with_a_typed_error_and_changes_nothing(
            String name, Consumer<Map<String, Object>> change, String classification, String code, String field) {
        Map<String, Object> input = claim(code());
        change.accept(input);
        for (String list : new String[] {"items", "services"}) {
            if (!(input.get(list) instanceof List<?> lines)) continue;
            List<Map<String, Object>> resolved = new ArrayList<>();
            for (Object o : lines) {
                @SuppressWarnings("unchecked")
                Map<String, Object> l = new HashMap<>((Map<String, Object>) o);
                l.computeIfPresent("itemId", (k, v) -> (Integer) v == 0 ? (int) paracetamol : v);
                l.computeIfPresent("serviceId", (k, v) -> (Integer) v == -1 ? (int) consultation : v);
                resolved.add(l);
            }
            input.put(list, resolved);
        }
        m.refused("claimadmin", "createClaim", CREATE, input, classification, code, field);
    }

    @Test
    void a_date_that_does_not_parse_is_a_typed_bad_request_and_runs_nothing() {
        Map<String, Long> before = org.healthclaims.api.testing.RowCounts.of(sql());
        Map<String, Object> input = claim(code());
        input.put("dateFrom", "2025-02-30");
        Answer answer = m.send("claimadmin", "createClaim", CREATE, input);

        JsonNode error = answer.errors().path(0);
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("INVALID_DOCUMENT");
        assertThat(error.path("message").asString()).contains("2025-02-30");
        assertThat(org.healthclaims.api.testing.RowCounts.of(sql())).isEqualTo(before);
    }

    @Test
    void a_code_taken_by_a_current_claim_is_a_conflict() {
        String code = code();
        m.ok(m.send("claimadmin", "createClaim", CREATE, claim(code)), "createClaim");
        m.refused("claimadmin", "createClaim", CREATE, claim(code), "CONFLICT", "CLAIM_CODE_TAKEN", "code");
        assertThat(m.query(
                                "claimadmin",
                                "{ taken: validateClaimCode(claimCode: \"" + code + "\")"
                                        + " free: validateClaimCode(claimCode: \"" + code() + "\") }")
                        .data()
                        .toString())
                .isEqualTo("{\"taken\":false,\"free\":true}");
    }

    @Test
    void a_claim_administrator_enters_claims_only_for_their_own_facility_and_insurees_in_scope() {
        Map<String, Object> otherFacility = claim(code());
        otherFacility.put("healthFacilityId", (int) hospital);
        m.refused(
                "claimadmin",
                "createClaim",
                CREATE,
                otherFacility,
                "FORBIDDEN",
                "HEALTH_FACILITY_NOT_ALLOWED",
                "healthFacilityId");
        // Musa Dee lives in R2: outside the region of HF-D1, so as if he did not exist
        Map<String, Object> otherRegion = claim(code());
        otherRegion.put("insureeId", (int) musa);
        m.refused("claimadmin", "createClaim", CREATE, otherRegion, "NOT_FOUND", "INSUREE_NOT_FOUND", "insureeId");
    }

    @Test
    void roles_without_the_right_to_enter_claims_are_forbidden() {
        for (String user : List.of("medofficer", "viewer", "accountant", "enrolment"))
            m.refused(user, "createClaim", CREATE, claim(code()), "FORBIDDEN", "MISSING_RIGHT", null);
    }

    @Test
    void the_same_client_mutation_id_twice_leaves_one_claim_and_answers_the_first_result() {
        String code = code();
        Map<String, Object> input = claim(code);
        input.put("clientMutationId", UUID.randomUUID().toString());
        String first = m.ok(m.send("claimadmin", "createClaim", CREATE, input), "createClaim");
        // the repeat is not refused for its code: it is recognised, and does nothing
        String second = m.ok(m.send("claimadmin", "createClaim", CREATE, input), "createClaim");

        assertThat(second).isEqualTo(first);
        assertThat(m.id("select count(*) from claim where code = ?", code)).isEqualTo(1);
    }

    @Test
    void the_same_client_mutation_id_sent_concurrently_leaves_one_claim() throws Exception {
        String code = code();
        Map<String, Object> input = claim(code);
        input.put("clientMutationId", UUID.randomUUID().toString());
        m.as("claimadmin");
        List<Callable<Answer>> sends = new ArrayList<>();
        for (int i = 0; i < 6; i++) sends.add(() -> m.send("claimadmin", "createClaim", CREATE, input));
        List<String> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Answer> answer : pool.invokeAll(sends)) ids.add(m.ok(answer.get(), "createClaim"));
        }

        assertThat(ids).hasSize(6).containsOnly(ids.getFirst());
        assertThat(m.id("select count(*) from claim where code = ?", code)).isEqualTo(1);
        assertThat(m.id(
                        "select count(*) from mutation_log where client_mutation_id = ?",
                        input.get("clientMutationId")))
                .isEqualTo(1);
    }

    @Test
    void a_client_mutation_id_reused_for_another_mutation_is_a_conflict() {
        String clientMutationId = UUID.randomUUID().toString();
        Map<String, Object> input = claim(code());
        input.put("clientMutationId", clientMutationId);
        m.ok(m.send("claimadmin", "createClaim", CREATE, input), "createClaim");
        Answer reused = m.send(
                "claimadmin",
                "deleteClaims",
                UUIDS,
                Map.of(
                        "clientMutationId",
                        clientMutationId,
                        "uuids",
                        List.of(UUID.randomUUID().toString())));
        assertThat(reused.errors().path(0).path("extensions").path("code").asString())
                .isEqualTo("CLIENT_MUTATION_ID_REUSED");
    }

    @Test
    void mutation_logs_answer_the_status_and_error_to_their_own_user_only() {
        String clientMutationId = UUID.randomUUID().toString();
        Map<String, Object> bad = claim("C".repeat(21));
        bad.put("clientMutationId", clientMutationId);
        m.send("claimadmin", "createClaim", CREATE, bad);
        String poll = "{ mutationLogs(clientMutationId: \"" + clientMutationId + "\") { totalCount edges { node {"
                + " id status error clientMutationId mutationName requestDateTime } } } }";

        JsonNode mine = m.query("claimadmin", poll).data().path("mutationLogs");
        assertThat(mine.path("totalCount").asInt()).isEqualTo(1);
        JsonNode node = mine.path("edges").get(0).path("node");
        assertThat(node.path("status").asInt()).isEqualTo(1);
        assertThat(node.path("error").asString()).contains("CLAIM_CODE_TOO_LONG");
        assertThat(node.path("mutationName").asString()).isEqualTo("createClaim");
        assertThat(m.query("medofficer", poll)
                        .data()
                        .path("mutationLogs")
                        .path("totalCount")
                        .asInt())
                .isZero();
    }

    @Test
    void an_update_keeps_the_previous_version_as_a_history_row_and_replaces_the_lines() {
        String code = code();
        m.ok(m.send("claimadmin", "createClaim", CREATE, claim(code)), "createClaim");
        long id = m.id("select id from claim where code = ? and validity_to is null", code);
        String uuid = sql().sql("select uuid::text from claim where id = :id")
                .param("id", id)
                .query(String.class)
                .single();

        Map<String, Object> update = claim(code);
        update.put("uuid", uuid);
        update.put("items", List.of(Map.of("itemId", (int) paracetamol, "qtyProvided", "3", "priceAsked", "10")));
        update.put("explanation", "one item fewer");
        m.ok(m.send("Admin", "updateClaim", UPDATE, update), "updateClaim");

        Map<String, Object> live = sql().sql(
                        "select claimed, explanation, uuid::text as uuid from claim where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(String.valueOf(live.get("claimed"))).isEqualTo("530.00");
        assertThat(live.get("uuid")).isEqualTo(uuid);
        Map<String, Object> kept = sql().sql("""
                        select h.claimed, h.validity_to is not null as closed,
                               (select count(*) from claim_item ci where ci.claim_id = h.id) as items
                          from claim h where h.legacy_id = :id""").param("id", id).query().singleRow();
        assertThat(String.valueOf(kept.get("claimed"))).isEqualTo("620.00");
        assertThat(kept.get("closed")).isEqualTo(true);
        assertThat(Integer.parseInt(String.valueOf(kept.get("items")))).isEqualTo(2);
        assertThat(m.id("select count(*) from claim_item where claim_id = ? and validity_to is null", id))
                .isEqualTo(1);
        JsonNode both = m.query("Admin", "{ claims(code: \"" + code + "\", showHistory: true) { totalCount } }")
                .data();
        assertThat(both.path("claims").path("totalCount").asInt()).isEqualTo(2);
    }

    @Test
    void only_entered_or_checked_claims_can_be_changed_and_only_entered_ones_deleted() {
        long valuated = m.id("""
                select c.id from claim c join health_facility hf on hf.id = c.health_facility_id
                 where c.status = 16 and c.validity_to is null and hf.code = 'HF-D1' order by c.id limit 1""");
        String uuid = sql().sql("select uuid::text from claim where id = :id")
                .param("id", valuated)
                .query(String.class)
                .single();
        Map<String, Object> update = claim(code());
        update.put("uuid", uuid);
        m.refused("Admin", "updateClaim", UPDATE, update, "CONFLICT", "CLAIM_NOT_EDITABLE", "uuid");
        m.refused(
                "Admin",
                "deleteClaims",
                UUIDS,
                Map.of("uuids", List.of(uuid)),
                "CONFLICT",
                "CLAIM_NOT_DELETABLE",
                "uuids");
        Map<String, Object> missing = claim(code());
        missing.put("uuid", UUID.randomUUID().toString());
        m.refused("Admin", "updateClaim", UPDATE, missing, "NOT_FOUND", "CLAIM_NOT_FOUND", "uuid");
    }

    @Test
    void deleting_an_entered_claim_closes_it_and_frees_its_code() {
        String code = code();
        m.ok(m.send("claimadmin", "createClaim", CREATE, claim(code)), "createClaim");
        String uuid = sql().sql("select uuid::text from claim where code = :code and validity_to is null")
                .param("code", code)
                .query(String.class)
                .single();
        m.ok(m.send("claimadmin", "deleteClaims", UUIDS, Map.of("uuids", List.of(uuid))), "deleteClaims");

        assertThat(m.query("claimadmin", "{ claim(uuid: \"" + uuid + "\") { code } }")
                        .data()
                        .path("claim")
                        .isNull())
                .isTrue();
        assertThat(m.id("select count(*) from claim where code = ? and validity_to is not null", code))
                .isEqualTo(2);
        m.ok(m.send("claimadmin", "createClaim", CREATE, claim(code)), "createClaim");
    }

    @Test
    void one_missing_claim_refuses_the_whole_delete() {
        String code = code();
        m.ok(m.send("claimadmin", "createClaim", CREATE, claim(code)), "createClaim");
        String uuid = sql().sql("select uuid::text from claim where code = :code and validity_to is null")
                .param("code", code)
                .query(String.class)
                .single();
        m.refused(
                "claimadmin",
                "deleteClaims",
                UUIDS,
                Map.of("uuids", List.of(uuid, UUID.randomUUID().toString())),
                "NOT_FOUND",
                "CLAIM_NOT_FOUND",
                "uuids[1]");
        assertThat(m.id("select count(*) from claim where code = ? and validity_to is null", code))
                .isEqualTo(1);
    }
}
