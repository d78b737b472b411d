package org.healthclaims.api.insuree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class InsureesConnectionIT extends ApiTest {

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
    void finds_an_insuree_by_insurance_number_with_gender_family_head_and_village() {
        JsonNode kemi =
                insurees(Map.of("chfId", "100000001")).path("edges").get(0).path("node");

        assertThat(kemi.path("lastName").asString()).isEqualTo("Doe");
        assertThat(kemi.path("otherNames").asString()).isEqualTo("Kemi");
        assertThat(kemi.path("gender").path("code").asString()).isEqualTo("F");
        assertThat(kemi.path("gender").path("gender").asString()).isEqualTo("Female");
        assertThat(kemi.path("head").asBoolean()).isTrue();
        assertThat(kemi.path("family").path("headInsuree").path("chfId").asString())
                .isEqualTo("100000001");
        assertThat(kemi.path("family").path("location").path("code").asString()).isEqualTo("R1D1M1V1");
        assertThat(kemi.path("family")
                        .path("location")
                        .path("parent")
                        .path("code")
                        .asString())
                .isEqualTo("R1D1M1");
        long pk = jdbc.sql("select id from insuree where chf_id = '100000001' and validity_to is null")
                .query(Long.class)
                .single();
        assertThat(new String(Base64.getDecoder().decode(kemi.path("id").asString()), StandardCharsets.UTF_8))
                .isEqualTo("InsureeGQLType:" + pk);
    }

    @Test
    void last_name_prefix_search_ignores_case_and_matches_sql() {
        JsonNode page = insurees(Map.of("lastNamePrefix", "dO", "first", 500));

        int expected = jdbc.sql(
                        "select count(*) from insuree where validity_to is null and lower(last_name) like 'do%'")
                .query(Integer.class)
                .single();
        assertThat(expected).isGreaterThanOrEqualTo(3);
        assertThat(page.path("totalCount").asInt()).isEqualTo(expected);
        assertThat(page.path("edges").size()).isEqualTo(Math.min(expected, 500));
        for (JsonNode e : page.path("edges"))
            assertThat(e.path("node").path("lastName").asString()).startsWithIgnoringCase("do");
    }

    @Test
    void pages_by_insurance_number_reach_every_current_insuree_once() {
        List<String> expected = jdbc.sql(
                        "select coalesce(chf_id, '') from insuree where validity_to is null order by coalesce(chf_id, ''), id")
                .query(String.class)
                .list();

        List<String> walked = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("first", 200, "orderBy", List.of("chfId")));
            if (after != null) variables.put("after", after);
            JsonNode page = insurees(variables);
            for (JsonNode e : page.path("edges"))
                walked.add(e.path("node").path("chfId").asString(""));
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asString()
                    : null;
        } while (after != null);

        assertThat(expected).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void a_page_of_insurees_with_families_costs_the_same_statements_for_10_and_500() {
        // villages and their wards come from the master-data cache: warm it, so both pages cost the same
        insurees(Map.of("first", 500));
        statements.reset();
        insurees(Map.of("first", 10));
        int ten = statements.count();
        String tenStatements = String.join("\n", statements.statements());
        statements.reset();
        insurees(Map.of("first", 500));
        int fiveHundred = statements.count();

        System.out.printf(
                "SQL statements for insurees(first: 10 / 500) with family, head, village: %d / %d%n", ten, fiveHundred);
        assertThat(fiveHundred)
                .as("first 10:\n" + tenStatements + "\nfirst 500:\n" + String.join("\n", statements.statements()))
                .isEqualTo(ten);
    }

    private JsonNode insurees(Map<String, Object> variables) {
        Answer answer = client.post(GraphQlClient.document("insureesPage"), variables, auth);
        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.data().path("insurees");
    }
}
