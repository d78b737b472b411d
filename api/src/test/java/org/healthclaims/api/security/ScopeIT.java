package org.healthclaims.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.healthclaims.api.testing.Mutating;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each role sees what openIMIS's row security gives it, and the scope is in the SQL: a page of N in scope is N rows
 * in scope, and a claim or insuree outside the scope is not found.
 */
class ScopeIT extends ApiTest {

    Mutating m;

    @BeforeEach
    void users() {
        m = new Mutating(client(), sql());
    }

    JsonNode data(String user, String query) {
        Answer answer = m.query(user, query);
        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.data();
    }

    static List<String> values(JsonNode connection, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode edge : connection.path("edges"))
            values.add(edge.path("node").at(field).asString());
        return values;
    }

    @Test
    void a_claim_administrator_sees_only_their_facility_s_claims_a_full_page_of_them() {
        long inScope = m.id("""
                select count(*) from claim c join health_facility hf on hf.id = c.health_facility_id
                 where c.validity_to is null and hf.code = 'HF-D1'""");
        assertThat(inScope).as("claims of HF-D1 in the demo data").isGreaterThan(50);

        JsonNode claims = data(
                        "claimadmin", "{ claims(first: 50) { totalCount edges { node { healthFacility { code } } } } }")
                .path("claims");

        assertThat(values(claims, "/healthFacility/code")).hasSize(50).containsOnly("HF-D1");
        assertThat(claims.path("totalCount").asLong()).isEqualTo(inScope);
    }

    @Test
    void a_claim_of_another_facility_is_not_found_by_uuid() {
        String other = sql().sql("""
                        select c.uuid::text from claim c join health_facility hf on hf.id = c.health_facility_id
                         where c.validity_to is null and hf.code = 'HF-C2' limit 1""").query(String.class).single();

        assertThat(data("claimadmin", "{ claim(uuid: \"" + other + "\") { code } }")
                        .path("claim")
                        .isNull())
                .isTrue();
        assertThat(data("claimadmin", "{ claims(uuid: \"" + other + "\") { totalCount } }")
                        .path("claims")
                        .path("totalCount")
                        .asInt())
                .isZero();
        assertThat(data("Admin", "{ claim(uuid: \"" + other + "\") { code } }")
                        .path("claim")
                        .path("code")
                        .asString())
                .isNotBlank();
    }

    @Test
    void a_medical_officer_sees_the_claims_of_their_district_and_cannot_enter_or_see_insurees() {
        long inScope = m.id("""
                select count(*) from claim c join health_facility hf on hf.id = c.health_facility_id
                  join location d on d.id = hf.location_id
                 where c.validity_to is null and d.code = 'R1D1'""");
        JsonNode claims = data(
                        "medofficer",
                        "{ claims(first: 100, orderBy: [\"code\"]) { totalCount edges { node { healthFacility { location { code } } } } } }")
                .path("claims");

        assertThat(values(claims, "/healthFacility/location/code")).hasSize(100).containsOnly("R1D1");
        assertThat(claims.path("totalCount").asLong()).isEqualTo(inScope);
        Answer insurees = m.query("medofficer", "{ insurees(first: 1) { totalCount } }");
        assertThat(insurees.errors().path(0).path("extensions").path("code").asString())
                .isEqualTo("MISSING_RIGHT");
        assertThat(insurees.errors()
                        .path(0)
                        .path("extensions")
                        .path("classification")
                        .asString())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void an_accountant_sees_the_claims_of_their_region() {
        long inScope = m.id("""
                select count(*) from claim c join health_facility hf on hf.id = c.health_facility_id
                  join location d on d.id = hf.location_id join location r on r.id = d.parent_location_id
                 where c.validity_to is null and r.code = 'R1'""");
        JsonNode claims = data(
                        "accountant",
                        "{ claims(first: 100) { totalCount edges { node { healthFacility { location { parent { code } } } } } } }")
                .path("claims");

        assertThat(values(claims, "/healthFacility/location/parent/code"))
                .hasSize(100)
                .containsOnly("R1");
        assertThat(data("accountant", "{ claims { totalCount } }")
                        .path("claims")
                        .path("totalCount")
                        .asLong())
                .isEqualTo(inScope);
    }

    @Test
    void an_enrolment_officer_sees_the_families_and_insurees_of_their_district_only() {
        String district = """
                (select v.id from location v join location w on w.id = v.parent_location_id
                   join location d on d.id = w.parent_location_id where d.code = 'R1D1')""";
        long insureesInScope = m.id("select count(*) from insuree i left join family f on f.id = i.family_id"
                + " where i.validity_to is null and (i.current_village_id in " + district + " or f.location_id in "
                + district + ")");
        long familiesInScope =
                m.id("select count(*) from family f where f.validity_to is null and f.location_id in " + district);
        assertThat(insureesInScope).isGreaterThan(20);

        JsonNode insurees = data(
                        "enrolment",
                        "{ insurees(first: 20) { totalCount edges { node { chfId"
                                + " family { location { parent { parent { code } } } } } } } }")
                .path("insurees");
        JsonNode families = data(
                        "enrolment",
                        "{ families(first: 10) { totalCount edges { node {"
                                + " location { parent { parent { code } } } } } } }")
                .path("families");

        assertThat(values(insurees, "/family/location/parent/parent/code"))
                .hasSize(20)
                .containsOnly("R1D1");
        assertThat(insurees.path("totalCount").asLong()).isEqualTo(insureesInScope);
        assertThat(values(families, "/location/parent/parent/code")).hasSize(10).containsOnly("R1D1");
        assertThat(families.path("totalCount").asLong()).isEqualTo(familiesInScope);
        // Musa Dee lives in R2D1
        assertThat(data("enrolment", "{ insurees(chfId: \"100000006\") { totalCount } }")
                        .path("insurees")
                        .path("totalCount")
                        .asInt())
                .isZero();
        assertThat(data("enrolment", "{ insureeNameByChfid(chfId: \"100000006\") }")
                        .path("insureeNameByChfid")
                        .isNull())
                .isTrue();
        assertThat(data("enrolment", "{ policyEligibilityByInsuree(chfId: \"100000006\") { isCovered } }")
                        .path("policyEligibilityByInsuree")
                        .path("isCovered")
                        .asBoolean())
                .isFalse();
        assertThat(data("Admin", "{ policyEligibilityByInsuree(chfId: \"100000006\") { isCovered } }")
                        .path("policyEligibilityByInsuree")
                        .path("isCovered")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void the_policies_and_facilities_lists_are_scoped_too() {
        JsonNode facilities = data(
                        "medofficer", "{ healthFacilities(first: 100) { edges { node { location { code } } } } }")
                .path("healthFacilities");
        assertThat(values(facilities, "/location/code")).isNotEmpty().containsOnly("R1D1");
        JsonNode policies = data(
                        "enrolment",
                        "{ policies(first: 30) { edges { node { family { location { parent { parent { code } } } } } } } }")
                .path("policies");
        assertThat(values(policies, "/family/location/parent/parent/code"))
                .hasSize(30)
                .containsOnly("R1D1");
    }

    @Test
    void a_viewer_reads_everything_and_writes_nothing() {
        assertThat(data("viewer", "{ claims(first: 1) { totalCount } }")
                        .path("claims")
                        .path("totalCount")
                        .asLong())
                .isEqualTo(m.id("select count(*) from claim where validity_to is null"));
        m.refused(
                "viewer",
                "submitClaims",
                "ClaimUuidsMutationInput",
                Map.of("uuids", List.of("00000000-0000-0000-0000-000000000001")),
                "FORBIDDEN",
                "MISSING_RIGHT",
                null);
    }

    @Test
    void an_expired_or_tampered_token_is_unauthorized() {
        String token = client().login("claimadmin", "claimadmin123");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace("claimadmin", "Admin").getBytes())
                + "." + parts[2];
        // the same claims, signed with another key, and expired an hour ago
        String expired = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replaceAll(
                                        "\"exp\":\\d+", "\"exp\":" + (System.currentTimeMillis() / 1000 - 3600))
                                .getBytes())
                + "." + parts[2];

        for (String bad : List.of(forged, expired, parts[0] + "." + parts[1] + ".", "not-a-token")) {
            Answer answer = client().post("{ claims(first: 1) { totalCount } }", Map.of(), GraphQlClient.bearer(bad));
            assertThat(answer.errors()
                            .path(0)
                            .path("extensions")
                            .path("classification")
                            .asString())
                    .as(answer.body().toString())
                    .isEqualTo("UNAUTHORIZED");
            assertThat(answer.data().path("claims").isMissingNode()
                            || answer.data().path("claims").isNull())
                    .isTrue();
        }
    }
}
