package org.healthclaims.api.insuree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

class FamiliesIT extends ApiTest {

    static final String FAMILIES = """
            query($first: Int, $after: String, $chfId: String, $prefix: String) {
              families(first: $first, after: $after, headInsuree_ChfId: $chfId, headInsuree_LastName_Istartswith: $prefix) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { node { id uuid poverty validityFrom headInsuree { chfId lastName } location { code type } } }
              }
            }""";

    static final String MEMBERS = """
            query($family: UUID!) {
              familyMembers(familyUuid: $family) { totalCount edges { node { chfId otherNames head } } }
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
    void finds_a_family_by_its_heads_insurance_number() {
        JsonNode families = families(Map.of("chfId", "100000001"));

        assertThat(families.path("totalCount").asInt()).isEqualTo(1);
        JsonNode family = families.path("edges").get(0).path("node");
        assertThat(family.path("headInsuree").path("lastName").asString()).isEqualTo("Doe");
        assertThat(family.path("location").path("code").asString()).isEqualTo("R1D1M1V1");
        assertThat(family.path("location").path("type").asString()).isEqualTo("V");
    }

    @Test
    void head_last_name_prefix_ignores_case() {
        JsonNode families = families(Map.of("prefix", "DO", "first", 500));

        int expected = jdbc.sql("""
                        select count(*) from family f join insuree i on i.id = f.head_insuree_id
                         where f.validity_to is null and lower(i.last_name) like 'do%'""").query(Integer.class).single();
        assertThat(expected).isPositive();
        assertThat(families.path("totalCount").asInt()).isEqualTo(expected);
        for (JsonNode e : families.path("edges"))
            assertThat(e.path("node").path("headInsuree").path("lastName").asString())
                    .startsWithIgnoringCase("do");
    }

    @Test
    void pages_newest_first_reach_every_family_once_even_when_registered_in_one_instant() {
        List<String> expected = jdbc.sql(
                        "select uuid::text from family where validity_to is null order by validity_from desc, id desc")
                .query(String.class)
                .list();

        List<String> walked = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("first", 45));
            if (after != null) variables.put("after", after);
            JsonNode page = families(variables);
            for (JsonNode e : page.path("edges"))
                walked.add(e.path("node").path("uuid").asString());
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asString()
                    : null;
        } while (after != null);

        assertThat(expected).hasSizeGreaterThanOrEqualTo(300);
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void family_members_come_head_first() {
        String famA = jdbc.sql("""
                        select f.uuid::text from family f join insuree i on i.id = f.head_insuree_id
                         where i.chf_id = '100000001' and f.validity_to is null""").query(String.class).single();

        Answer answer = client.post(MEMBERS, Map.of("family", famA), auth);

        JsonNode edges = answer.data().path("familyMembers").path("edges");
        assertThat(answer.data().path("familyMembers").path("totalCount").asInt())
                .isEqualTo(3);
        assertThat(edges.get(0).path("node").path("chfId").asString()).isEqualTo("100000001");
        assertThat(edges.get(0).path("node").path("head").asBoolean()).isTrue();
        List<String> others = List.of(
                edges.get(1).path("node").path("chfId").asString(),
                edges.get(2).path("node").path("chfId").asString());
        assertThat(others).containsExactlyInAnyOrder("100000002", "100000003");
    }

    @Test
    void insuree_name_by_insurance_number_is_other_names_then_last_name() {
        Answer known = client.post("{ insureeNameByChfid(chfId: \"100000006\") }", Map.of(), auth);
        Answer unknown = client.post("{ insureeNameByChfid(chfId: \"000000000\") }", Map.of(), auth);

        assertThat(known.data().path("insureeNameByChfid").asString()).isEqualTo("Musa Dee");
        assertThat(unknown.data().path("insureeNameByChfid").isNull()).isTrue();
        assertThat(unknown.errors().isMissingNode()).isTrue();
    }

    private JsonNode families(Map<String, Object> variables) {
        Answer answer = client.post(FAMILIES, variables, auth);
        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.data().path("families");
    }
}
