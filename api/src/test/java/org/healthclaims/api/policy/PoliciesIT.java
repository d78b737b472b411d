package org.healthclaims.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

class PoliciesIT extends ApiTest {

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
    void products_show_their_limits_and_region() {
        JsonNode products = page(
                "products",
                "code_Istartswith: \"PRD-\"",
                "code lumpSum maxNoConsultation dedInsuree maxAmountSurgery ceilingInterpretation location { code }");

        JsonNode basic = node(products, "PRD-BASIC");
        JsonNode hospital = node(products, "PRD-HOSP");
        assertThat(basic.path("lumpSum").asString()).isEqualTo("10000.00");
        assertThat(basic.path("maxNoConsultation").asInt()).isEqualTo(3);
        assertThat(basic.path("dedInsuree").asString()).isEqualTo("100.00");
        assertThat(basic.path("location").isNull()).isTrue();
        assertThat(hospital.path("maxAmountSurgery").asString()).isEqualTo("25000.00");
        assertThat(hospital.path("ceilingInterpretation").asString()).isEqualTo("H");
        assertThat(hospital.path("location").path("code").asString()).isEqualTo("R1");
    }

    @Test
    void policies_of_an_insurees_family_active_today_or_not() {
        JsonNode kemis = page("policies", "insuree_ChfId: \"100000001\", activeToday: true", "status product { code }");
        JsonNode solas = page("policies", "insuree_ChfId: \"100000004\"", "status family { headInsuree { chfId } }");
        JsonNode solasActive = page("policies", "insuree_ChfId: \"100000004\", activeToday: true", "status");

        assertThat(productCodes(kemis)).containsExactlyInAnyOrder("PRD-BASIC", "PRD-HOSP");
        assertThat(solas.path("edges").get(0).path("node").path("status").asInt())
                .isEqualTo(8);
        assertThat(solas.path("edges")
                        .get(0)
                        .path("node")
                        .path("family")
                        .path("headInsuree")
                        .path("chfId")
                        .asString())
                .isEqualTo("100000004");
        assertThat(solasActive.path("totalCount").asInt()).isZero();
        assertThat(page("policies", "activeToday: true", "status")
                        .path("totalCount")
                        .asInt())
                .isEqualTo(jdbc.sql("""
                                select count(*) from policy p where p.validity_to is null and p.status = 2
                                   and p.effective_date <= current_date and p.expiry_date >= current_date""").query(Integer.class).single());
    }

    @Test
    void a_member_added_later_has_later_insuree_policy_dates() {
        JsonNode ade = page(
                "insureePolicy",
                "insuree_ChfId: \"100000003\"",
                "effectiveDate insuree { chfId } policy { effectiveDate product { code } }");

        assertThat(ade.path("totalCount").asInt()).isEqualTo(2);
        for (JsonNode e : ade.path("edges")) {
            JsonNode coverage = e.path("node");
            assertThat(coverage.path("insuree").path("chfId").asString()).isEqualTo("100000003");
            assertThat(coverage.path("effectiveDate").asString())
                    .isGreaterThan(coverage.path("policy").path("effectiveDate").asString());
        }
    }

    private JsonNode page(String field, String arguments, String fields) {
        Answer answer = client.post(
                "{ " + field + "(first: 100, " + arguments + ") { totalCount edges { node { " + fields + " } } } }",
                Map.of(),
                auth);
        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.data().path(field);
    }

    private static JsonNode node(JsonNode page, String code) {
        for (JsonNode e : page.path("edges"))
            if (e.path("node").path("code").asString().equals(code)) return e.path("node");
        throw new AssertionError("no " + code + " in " + page);
    }

    private static List<String> productCodes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        for (JsonNode e : page.path("edges"))
            codes.add(e.path("node").path("product").path("code").asString());
        return codes;
    }
}
