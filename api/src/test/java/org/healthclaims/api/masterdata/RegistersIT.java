package org.healthclaims.api.masterdata;

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

/** The register lists every screen reads: items, services, diagnoses, locations, facilities, claim administrators. */
class RegistersIT extends ApiTest {

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
    void medical_items_by_code_prefix_and_name_part_current_rows_unless_history_is_asked() {
        JsonNode current = connection("medicalItems", "code_Istartswith: \"i000\"", "code name validityTo");
        JsonNode withHistory =
                connection("medicalItems", "code_Istartswith: \"i000\", showHistory: true", "code name validityTo");
        JsonNode byName = connection("medicalItems", "name_Icontains: \"CILLIN\"", "code name");

        assertThat(codes(current)).containsExactly("I0001", "I0002", "I0003", "I0005");
        assertThat(codes(withHistory)).containsExactly("I0001", "I0002", "I0003", "I0004", "I0005");
        assertThat(codes(byName)).containsExactly("I0002");
    }

    @Test
    void medical_services_by_category_and_diagnoses_by_code() {
        JsonNode consultations =
                connection("medicalServices", "category: \"C\", code_Istartswith: \"S\"", "code category");
        JsonNode malaria = connection("diagnoses", "code: \"B54\"", "code name");

        assertThat(codes(consultations)).containsExactly("S0001", "S0007");
        assertThat(malaria.path("edges").get(0).path("node").path("name").asString())
                .isEqualTo("Malaria");
    }

    @Test
    void the_location_tree_walks_from_regions_to_villages() {
        JsonNode regions = connection("locations", "type: \"R\"", "uuid code type");
        String ultha = uuidOf(regions, "R1");
        JsonNode districts =
                connection("locations", "parent_Uuid: \"" + ultha + "\"", "uuid code type parent { code }");
        String rajo = uuidOf(districts, "R1D1");
        JsonNode wards = connection("locations", "parent_Uuid: \"" + rajo + "\"", "uuid code type");
        JsonNode villages =
                connection("locations", "parent_Uuid: \"" + uuidOf(wards, "R1D1M1") + "\"", "code name type");

        assertThat(codes(regions)).contains("R1", "R2");
        assertThat(districts.path("edges")).allSatisfy(e -> {
            assertThat(e.path("node").path("type").asString()).isEqualTo("D");
            assertThat(e.path("node").path("parent").path("code").asString()).isEqualTo("R1");
        });
        assertThat(codes(villages)).contains("R1D1M1V1", "R1D1M1V2");
        assertThat(villages.path("edges"))
                .allSatisfy(
                        e -> assertThat(e.path("node").path("type").asString()).isEqualTo("V"));
    }

    @Test
    void health_facilities_by_district_and_level() {
        String rajo = jdbc.sql("select uuid::text from location where code = 'R1D1' and validity_to is null")
                .query(String.class)
                .single();

        JsonNode inRajo =
                connection("healthFacilities", "location_Uuid: \"" + rajo + "\"", "code level location { code }");
        JsonNode hospitals = connection("healthFacilities", "level: \"H\"", "code level");

        assertThat(codes(inRajo)).contains("HF-D1", "HF-H1").doesNotContain("HF-C2");
        assertThat(hospitals.path("edges"))
                .isNotEmpty()
                .allSatisfy(
                        e -> assertThat(e.path("node").path("level").asString()).isEqualTo("H"));
    }

    @Test
    void claim_administrators_by_facility_and_search() {
        JsonNode atDispensary =
                connection("claimAdmins", "healthFacility_Code: \"HF-D1\"", "code healthFacility { code }");
        JsonNode searched = connection("claimAdmins", "search: \"ca-h\"", "code");

        assertThat(codes(atDispensary)).contains("CA-D1");
        assertThat(atDispensary.path("edges"))
                .allSatisfy(e -> assertThat(e.path("node")
                                .path("healthFacility")
                                .path("code")
                                .asString())
                        .isEqualTo("HF-D1"));
        assertThat(codes(searched)).contains("CA-H1");
    }

    @Test
    void register_pages_walk_every_current_item_once_in_code_order() {
        List<String> expected = jdbc.sql("select code from location where validity_to is null order by code, id")
                .query(String.class)
                .list();

        List<String> walked = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("first", 7));
            if (after != null) variables.put("after", after);
            Answer answer = client.post(
                    "query($first: Int, $after: String) { locations(first: $first, after: $after) {"
                            + " pageInfo { hasNextPage endCursor } edges { node { code } } } }",
                    variables,
                    auth);
            JsonNode page = answer.data().path("locations");
            walked.addAll(codes(page));
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asString()
                    : null;
        } while (after != null);

        assertThat(walked).containsExactlyElementsOf(expected);
    }

    private JsonNode connection(String field, String arguments, String fields) {
        Answer answer = client.post(
                "{ " + field + "(first: 100, " + arguments + ") { totalCount edges { node { " + fields + " } } } }",
                Map.of(),
                auth);
        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.data().path(field);
    }

    private static List<String> codes(JsonNode connection) {
        List<String> codes = new ArrayList<>();
        for (JsonNode e : connection.path("edges"))
            codes.add(e.path("node").path("code").asString());
        return codes;
    }

    private static String uuidOf(JsonNode connection, String code) {
        for (JsonNode e : connection.path("edges"))
            if (e.path("node").path("code").asString().equals(code))
                return e.path("node").path("uuid").asString();
        throw new AssertionError("no " + code + " in " + connection);
    }
}
