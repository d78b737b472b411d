package org.healthclaims.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CallerIT extends ApiTest {

    static final String ME = """
            { user { username userType rights roles healthFacility { code } } userDistricts { code type parent { code } } }""";

    @Test
    void the_administrator_has_every_right_and_the_districts_of_both_regions() {
        JsonNode me = as("Admin", "admin123");

        assertThat(me.path("user").path("username").asString()).isEqualTo("Admin");
        assertThat(ints(me.path("user").path("rights"))).contains(101001, 111001, 111011, 121901);
        assertThat(strings(me.path("user").path("roles"))).contains("IMIS Administrator");
        List<String> districts = new ArrayList<>();
        for (JsonNode d : me.path("userDistricts")) {
            assertThat(d.path("type").asString()).isEqualTo("D");
            districts.add(d.path("code").asString());
        }
        assertThat(districts).contains("R1D1", "R2D1");
    }

    @Test
    void a_medical_officer_has_review_rights_and_one_district() {
        JsonNode me = as("medofficer", "medofficer123");

        assertThat(ints(me.path("user").path("rights")))
                .contains(111001, 111008)
                .doesNotContain(111002);
        assertThat(me.path("userDistricts")).hasSize(1);
        assertThat(me.path("userDistricts").get(0).path("code").asString()).isEqualTo("R1D1");
    }

    @Test
    void a_claim_administrator_belongs_to_a_facility() {
        JsonNode me = as("claimadmin", "claimadmin123");

        assertThat(me.path("user").path("userType").asString()).isEqualTo("CLAIM_ADMIN");
        assertThat(me.path("user").path("healthFacility").path("code").asString())
                .isEqualTo("HF-D1");
        assertThat(ints(me.path("user").path("rights"))).contains(111002, 111007);
    }

    private JsonNode as(String username, String password) {
        GraphQlClient client = client();
        Answer answer = client.post(ME, Map.of(), GraphQlClient.bearer(client.login(username, password)));
        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.data();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        for (JsonNode v : array) values.add(v.asInt());
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : array) values.add(v.asString());
        return values;
    }
}
