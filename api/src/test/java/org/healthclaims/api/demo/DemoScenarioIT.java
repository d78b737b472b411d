package org.healthclaims.api.demo;

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

/** The server loaded domain.md §9's scenario and the volume around it; looked up through the API, as a user would. */
class DemoScenarioIT extends ApiTest {

    /** code, facility, insuree, number of lines: domain.md §9's claims table. */
    static final String[][] SCENARIO_CLAIMS = {
        {"CLM-OK-OP", "HF-D1", "100000001", "2"},
        {"CLM-REG", "HF-D1", "100000001", "1"},
        {"CLM-PL", "HF-D1", "100000001", "2"},
        {"CLM-NOPROD", "HF-D1", "100000001", "1"},
        {"CLM-CARE", "HF-D1", "100000001", "1"},
        {"CLM-MASK", "HF-H1", "100000002", "1"},
        {"CLM-FREQ1", "HF-D1", "100000002", "1"},
        {"CLM-FREQ2", "HF-D1", "100000002", "1"},
        {"CLM-NOCOV", "HF-D1", "100000004", "1"},
        {"CLM-DATE", "HF-D1", "100000001", "1"},
        {"CLM-MAXPROV-1", "HF-D1", "100000001", "1"},
        {"CLM-MAXPROV-2", "HF-D1", "100000001", "1"},
        {"CLM-MAXPROV-3", "HF-D1", "100000001", "1"},
        {"CLM-WAIT", "HF-H1", "100000003", "1"},
        {"CLM-CONS-MAX-1", "HF-D1", "100000006", "1"},
        {"CLM-CONS-MAX-2", "HF-D1", "100000006", "1"},
        {"CLM-CONS-MAX-3", "HF-D1", "100000006", "1"},
        {"CLM-CONS-MAX-4", "HF-D1", "100000006", "1"},
        {"CLM-DELIV", "HF-H1", "100000001", "2"},
        {"CLM-DELIV-2", "HF-H1", "100000001", "1"},
        {"CLM-SURG", "HF-H1", "100000001", "1"},
        {"CLM-BEST", "HF-H1", "100000001", "1"},
        {"CLM-OWN", "HF-C2", "100000006", "1"},
        {"CLM-REVIEW", "HF-D1", "100000002", "1"},
    };

    /** insurance number, last name, other names, gender, head of family */
    static final String[][] SCENARIO_INSUREES = {
        {"100000001", "Doe", "Kemi", "F", "true"},
        {"100000002", "Doe", "Tobi", "M", "false"},
        {"100000003", "Doe", "Ade", "M", "false"},
        {"100000004", "Bee", "Sola", "F", "true"},
        {"100000005", "Cee", "Lara", "F", "true"},
        {"100000006", "Dee", "Musa", "M", "true"},
    };

    static final String CLAIM = """
            query($code: String) {
              claims(code: $code) {
                edges { node { code status claimed healthFacility { code } insuree { chfId }
                               items { item { code } } services { service { code } } } }
              }
            }""";

    static final String INSUREE = """
            query($chfId: String) {
              insurees(chfId: $chfId) { edges { node { chfId lastName otherNames head gender { code } } } }
            }""";

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
    void every_scenario_claim_is_there_entered_at_its_facility_for_its_insuree() {
        for (String[] expected : SCENARIO_CLAIMS) {
            Answer answer = client.post(CLAIM, Map.of("code", expected[0]), auth);
            JsonNode edges = answer.data().path("claims").path("edges");

            assertThat(edges.size()).as(expected[0] + ": " + answer.body()).isEqualTo(1);
            JsonNode claim = edges.get(0).path("node");
            assertThat(claim.path("healthFacility").path("code").asString())
                    .as(expected[0])
                    .isEqualTo(expected[1]);
            assertThat(claim.path("insuree").path("chfId").asString())
                    .as(expected[0])
                    .isEqualTo(expected[2]);
            assertThat(claim.path("items").size() + claim.path("services").size())
                    .as(expected[0])
                    .isEqualTo(Integer.parseInt(expected[3]));
            assertThat(claim.path("status").asInt()).as(expected[0]).isEqualTo(2);
        }
    }

    @Test
    void every_scenario_insuree_is_there_by_insurance_number() {
        for (String[] expected : SCENARIO_INSUREES) {
            JsonNode edges = client.post(INSUREE, Map.of("chfId", expected[0]), auth)
                    .data()
                    .path("insurees")
                    .path("edges");

            assertThat(edges.size()).as(expected[0]).isEqualTo(1);
            JsonNode insuree = edges.get(0).path("node");
            assertThat(insuree.path("lastName").asString()).isEqualTo(expected[1]);
            assertThat(insuree.path("otherNames").asString()).isEqualTo(expected[2]);
            assertThat(insuree.path("gender").path("code").asString()).isEqualTo(expected[3]);
            assertThat(insuree.path("head").asBoolean()).isEqualTo(Boolean.parseBoolean(expected[4]));
        }
    }

    @Test
    void the_volume_around_the_scenario_has_every_claim_status() {
        assertThat(count("select count(*) from location where type = 'R'")).isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from location where type = 'D'")).isGreaterThanOrEqualTo(4);
        assertThat(count("select count(*) from health_facility where validity_to is null"))
                .isGreaterThanOrEqualTo(10);
        assertThat(count("select count(*) from insuree where validity_to is null"))
                .isGreaterThanOrEqualTo(1000);
        assertThat(count("select count(*) from family where validity_to is null"))
                .isGreaterThanOrEqualTo(300);
        assertThat(count("select count(*) from claim where validity_to is null"))
                .isGreaterThanOrEqualTo(2000);
        for (int status : new int[] {1, 2, 4, 8, 16})
            assertThat(count("select count(*) from claim where validity_to is null and status = " + status))
                    .as("claims in status " + status)
                    .isGreaterThanOrEqualTo(200);
        assertThat(count("""
                        select count(*) from claim c
                         where c.validity_to is null
                           and c.claimed <> (select coalesce(sum(l.qty_provided * l.price_asked), 0) from (
                                 select qty_provided, price_asked from claim_item where claim_id = c.id and validity_to is null
                                 union all
                                 select qty_provided, price_asked from claim_service where claim_id = c.id and validity_to is null) l)"""))
                .as("claims whose claimed is not the sum of their lines")
                .isZero();
    }

    @Test
    void a_claim_entered_today_would_be_covered_because_the_data_is_dated_from_today() {
        int activePoliciesCoveringToday = count("""
                select count(*) from policy p
                  join family f on f.id = p.family_id
                  join insuree i on i.id = f.head_insuree_id
                 where p.validity_to is null and p.status = 2
                   and p.effective_date <= current_date and p.expiry_date >= current_date
                   and i.chf_id = '100000001'""");

        assertThat(activePoliciesCoveringToday).isEqualTo(2);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
