package org.healthclaims.api.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The filters front-ends use, each checked against the same question asked of PostgreSQL directly. */
class FiltersIT extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    GraphQlClient client;
    Map<String, String> auth;

    @BeforeEach
    void logIn() {
        client = client();
        auth = GraphQlClient.bearer(client.login("Admin", "admin123"));
    }

    @Test
    void insurees_below_a_location_at_any_level() {
        String tahida = uuidOfLocation("R2");
        String rachla = uuidOfLocation("R1D1M1V1");

        JsonNode inTahida = page("insurees", "parentLocation: \"" + tahida + "\", parentLocationLevel: 0", "chfId");
        JsonNode inRachla = page("insurees", "parentLocation: \"" + rachla + "\", parentLocationLevel: 3", "chfId");

        assertThat(inTahida.path("totalCount").asInt()).isEqualTo(count("""
                select count(*) from insuree i join family f on f.id = i.family_id
                  join location v on v.id = f.location_id join location w on w.id = v.parent_location_id
                  join location d on d.id = w.parent_location_id join location r on r.id = d.parent_location_id
                 where i.validity_to is null and r.code = 'R2'"""));
        assertThat(chfIds(inTahida)).contains("100000006").doesNotContain("100000001");
        assertThat(chfIds(inRachla))
                .contains("100000001", "100000002", "100000003")
                .doesNotContain("100000006");
    }

    @Test
    void insurees_with_or_without_an_active_policy_today() {
        assertThat(chfIds(page("insurees", "chfId: \"100000001\", activePolicy: true", "chfId")))
                .containsExactly("100000001");
        assertThat(chfIds(page("insurees", "chfId: \"100000004\", activePolicy: true", "chfId")))
                .isEmpty();
        assertThat(chfIds(page("insurees", "chfId: \"100000004\", activePolicy: false", "chfId")))
                .containsExactly("100000004");
        assertThat(chfIds(page("insurees", "chfId: \"100000005\", activePolicy: false", "chfId")))
                .containsExactly("100000005");
    }

    @Test
    void claims_in_any_of_several_statuses_and_in_a_claimed_range() {
        JsonNode rejectedOrValuated = page("claims", "status_In: [1, 16]", "status");
        JsonNode midRange = page("claims", "claimed_Gte: \"1000\", claimed_Lte: \"2000.50\"", "claimed");

        assertThat(rejectedOrValuated.path("totalCount").asInt())
                .isEqualTo(count("select count(*) from claim where validity_to is null and status in (1, 16)"));
        for (JsonNode e : rejectedOrValuated.path("edges"))
            assertThat(e.path("node").path("status").asInt()).isIn(1, 16);
        assertThat(midRange.path("totalCount").asInt())
                .isEqualTo(count(
                        "select count(*) from claim where validity_to is null and claimed between 1000 and 2000.50"));
        for (JsonNode e : midRange.path("edges"))
            assertThat(new java.math.BigDecimal(e.path("node").path("claimed").asString()))
                    .isBetween(new java.math.BigDecimal("1000"), new java.math.BigDecimal("2000.50"));
    }

    @Test
    void claims_of_the_facilities_below_a_location_by_diagnosis_and_administrator() {
        JsonNode inTahida =
                page("claims", "parentLocation: \"" + uuidOfLocation("R2") + "\"", "healthFacility { code }");
        JsonNode deliveries = page("claims", "icd_Code: \"O80\", code_Istartswith: \"CLM-\"", "code");
        JsonNode byAdmin = page("claims", "admin_Code: \"CA-H1\"", "admin { code }");

        assertThat(inTahida.path("totalCount").asInt()).isEqualTo(count("""
                select count(*) from claim c join health_facility hf on hf.id = c.health_facility_id
                  join location d on d.id = hf.location_id join location r on r.id = d.parent_location_id
                 where c.validity_to is null and r.code = 'R2'"""));
        assertThat(codes(deliveries)).contains("CLM-DELIV", "CLM-DELIV-2");
        for (JsonNode e : byAdmin.path("edges"))
            assertThat(e.path("node").path("admin").path("code").asString()).isEqualTo("CA-H1");
    }

    @Test
    void claims_by_visit_dates_and_by_diagnosis_variance() {
        JsonNode window = page("claims", "dateFrom_Lte: \"2100-01-01\", dateTo_Gte: \"1900-01-01\", status: 4", "code");
        JsonNode unusual = page("claims", "diagnosisVariance: 50", "code claimed icd { code }");

        assertThat(window.path("totalCount").asInt())
                .isEqualTo(count("select count(*) from claim where validity_to is null and status = 4"));
        int expected = count("""
                select count(*) from claim c
                 where c.validity_to is null
                   and c.claimed > 1.5 * (select avg(o.approved) from claim o where o.icd_id = c.icd_id
                                          and o.validity_to is null and o.date_claimed >= current_date - 365)""");
        assertThat(expected).isPositive();
        assertThat(unusual.path("totalCount").asInt()).isEqualTo(expected);
    }

    @Test
    void filters_by_uuid_of_the_claim_facility_administrator_family_and_location() {
        String hfH1 = uuid("select uuid::text from health_facility where code = 'HF-H1' and validity_to is null");
        String caD1 = uuid("select uuid::text from claim_admin where code = 'CA-D1' and validity_to is null");
        String surgery = uuid("select uuid::text from claim where code = 'CLM-SURG' and validity_to is null");
        String kemi = uuid("select uuid::text from insuree where chf_id = '100000001' and validity_to is null");
        String famA = uuid("select f.uuid::text from family f join insuree i on i.id = f.head_insuree_id"
                + " where i.chf_id = '100000001' and f.validity_to is null");
        String rachla = uuidOfLocation("R1D1M1V1");

        assertThat(page("claims", "healthFacility_Uuid: \"" + hfH1 + "\"", "code")
                        .path("totalCount")
                        .asInt())
                .isEqualTo(count("select count(*) from claim c join health_facility hf on hf.id = c.health_facility_id"
                        + " where c.validity_to is null and hf.code = 'HF-H1'"));
        assertThat(page("claims", "admin_Uuid: \"" + caD1 + "\"", "code")
                        .path("totalCount")
                        .asInt())
                .isEqualTo(count("select count(*) from claim c join claim_admin ca on ca.id = c.claim_admin_id"
                        + " where c.validity_to is null and ca.code = 'CA-D1'"));
        assertThat(codes(page("claims", "uuid: \"" + surgery + "\"", "code"))).containsExactly("CLM-SURG");
        assertThat(chfIds(page("insurees", "uuid: \"" + kemi + "\"", "chfId"))).containsExactly("100000001");
        assertThat(chfIds(page("insurees", "family_Uuid: \"" + famA + "\"", "chfId")))
                .containsExactlyInAnyOrder("100000001", "100000002", "100000003");
        assertThat(page("families", "location_Uuid: \"" + rachla + "\"", "uuid")
                        .path("totalCount")
                        .asInt())
                .isEqualTo(count("select count(*) from family f join location l on l.id = f.location_id"
                        + " where f.validity_to is null and l.code = 'R1D1M1V1'"));
        assertThat(page("families", "uuid: \"" + famA + "\"", "uuid")
                        .path("totalCount")
                        .asInt())
                .isEqualTo(1);
        assertThat(page("policies", "family_Uuid: \"" + famA + "\"", "uuid")
                        .path("totalCount")
                        .asInt())
                .isEqualTo(2);
    }

    private String uuid(String sql) {
        return jdbc.sql(sql).query(String.class).single();
    }

    @Test
    void history_rows_only_when_show_history_is_asked() {
        jdbc.sql("""
                        insert into claim (uuid, code, insuree_id, health_facility_id, date_from, date_claimed, icd_id,
                                           status, claimed, validity_from, validity_to, legacy_id)
                        select gen_random_uuid(), c.code, c.insuree_id, c.health_facility_id, c.date_from, c.date_claimed,
                               c.icd_id, c.status, c.claimed, c.validity_from, now(), c.id
                          from claim c where c.code = 'CLM-REVIEW' and c.validity_to is null""").update();
        jdbc.sql("""
                        insert into insuree (uuid, family_id, chf_id, last_name, other_names, gender, validity_to, legacy_id)
                        select gen_random_uuid(), i.family_id, i.chf_id, 'Doe-Before', i.other_names, i.gender, now(), i.id
                          from insuree i where i.chf_id = '100000002' and i.validity_to is null""").update();
        try {
            assertThat(page("claims", "code: \"CLM-REVIEW\"", "code")
                            .path("totalCount")
                            .asInt())
                    .isEqualTo(1);
            assertThat(page("claims", "code: \"CLM-REVIEW\", showHistory: true", "code validityTo")
                            .path("totalCount")
                            .asInt())
                    .isEqualTo(2);
            assertThat(page("insurees", "chfId: \"100000002\"", "lastName")
                            .path("totalCount")
                            .asInt())
                    .isEqualTo(1);
            assertThat(page("insurees", "chfId: \"100000002\", showHistory: true", "lastName")
                            .path("edges"))
                    .extracting(e -> e.path("node").path("lastName").asString())
                    .containsExactlyInAnyOrder("Doe", "Doe-Before");
        } finally {
            jdbc.sql("delete from claim where code = 'CLM-REVIEW' and validity_to is not null")
                    .update();
            jdbc.sql("delete from insuree where chf_id = '100000002' and validity_to is not null")
                    .update();
        }
    }

    private JsonNode page(String field, String arguments, String fields) {
        Answer answer = client.post(
                "{ " + field + "(first: 500, " + arguments + ") { totalCount edges { node { " + fields + " } } } }",
                Map.of(),
                auth);
        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.data().path(field);
    }

    private String uuidOfLocation(String code) {
        return jdbc.sql("select uuid::text from location where code = :code and validity_to is null")
                .param("code", code)
                .query(String.class)
                .single();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static java.util.List<String> chfIds(JsonNode page) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (JsonNode e : page.path("edges"))
            ids.add(e.path("node").path("chfId").asString());
        return ids;
    }

    private static java.util.List<String> codes(JsonNode page) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        for (JsonNode e : page.path("edges"))
            codes.add(e.path("node").path("code").asString());
        return codes;
    }
}
