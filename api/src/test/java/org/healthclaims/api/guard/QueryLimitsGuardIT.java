package org.healthclaims.api.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each limit refuses its attack with a typed error before a single statement runs; real queries still pass. */
class QueryLimitsGuardIT extends ApiTest {

    private static final String SMALL_QUERY = "{ claims(first: 1) { edges { node { code } } } }";

    GraphQlClient client;
    Map<String, String> auth;

    @BeforeEach
    void logIn() {
        client = client();
        auth = GraphQlClient.bearer(client.login("Admin", "admin123"));
        statements.reset();
    }

    @Test
    void a_depth_bomb_is_refused_as_too_deep_before_any_sql() {
        Answer answer = client.post(GuardDocuments.familyLoop(20), Map.of(), auth);

        assertRefused(answer, "QUERY_TOO_DEEP");
        assertThat(answer.errors().get(0).path("message").asString()).contains("at most 12");
        assertThat(statements.count()).isZero();
    }

    @Test
    void an_alias_flood_is_refused_before_validation_and_any_sql() {
        Answer flood = client.post(GuardDocuments.aliasFlood(2_000), Map.of(), auth);
        Answer justOver = client.post(GuardDocuments.aliasFlood(31), Map.of(), auth);

        assertRefused(flood, "TOO_MANY_ALIASES");
        assertRefused(justOver, "TOO_MANY_ALIASES");
        assertThat(statements.count()).isZero();
    }

    @Test
    void thirty_aliases_pass() {
        Answer answer = client.post(GuardDocuments.aliasFlood(30), Map.of(), auth);

        assertThat(answer.errors().isMissingNode()).isTrue();
        assertThat(answer.data()
                        .path("claims")
                        .path("edges")
                        .get(0)
                        .path("node")
                        .path("a29")
                        .asString())
                .isNotEmpty();
    }

    @Test
    void first_100000_is_refused_as_too_complex_before_any_sql() {
        Answer literal = client.post("{ claims(first: 100000) { edges { node { code } } } }", Map.of(), auth);
        Answer variable = client.post(
                "query($n: Int) { insurees(first: $n) { edges { node { chfId } } } }", Map.of("n", 100_000), auth);

        assertRefused(literal, "QUERY_TOO_COMPLEX");
        assertRefused(variable, "QUERY_TOO_COMPLEX");
        assertThat(statements.count()).isZero();
    }

    @Test
    void ten_pages_of_500_claims_in_one_request_are_refused_as_too_complex_before_any_sql() {
        Answer answer = client.post(GuardDocuments.pagesOf500(10), Map.of(), auth);

        assertRefused(answer, "QUERY_TOO_COMPLEX");
        assertThat(statements.count()).isZero();
    }

    @Test
    void a_query_text_over_64_KB_is_refused_before_it_is_parsed() {
        Answer answer = client.post(padded(SMALL_QUERY, 100_000), Map.of(), auth);

        assertThat(answer.status()).isEqualTo(200);
        assertRefused(answer, "DOCUMENT_TOO_LARGE");
        assertThat(statements.count()).isZero();
    }

    @Test
    void a_1_MB_query_is_refused_with_413_before_the_body_is_read() {
        Answer answer = client.post(padded(SMALL_QUERY, 1 << 20), Map.of(), auth);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("DOCUMENT_TOO_LARGE");
        assertThat(statements.count()).isZero();
    }

    @Test
    void a_chunked_body_over_1_MB_is_refused_with_413_too() throws Exception {
        byte[] body = JsonMapper.builder().build().writeValueAsBytes(Map.of("query", padded(SMALL_QUERY, 1 << 20)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/graphql"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                // from a stream, so the client sends it chunked, with no Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        auth.forEach(request::header);

        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        JsonNode json = JsonMapper.builder().build().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.path("errors").get(0).path("extensions").path("code").asString())
                .isEqualTo("DOCUMENT_TOO_LARGE");
        assertThat(statements.count()).isZero();
    }

    @Test
    void the_deepest_real_query_passes() {
        Answer answer = client.post(GuardDocuments.DEEP_BUT_LEGITIMATE, Map.of(), auth);

        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        JsonNode node = answer.data().path("claims").path("edges").get(0).path("node");
        assertThat(node.at("/healthFacility/location/parent/code").asString()).isNotEmpty();
        assertThat(node.at("/insuree/family/headInsuree/family/location/parent/parent/code")
                        .asString())
                .isNotEmpty();
    }

    @Test
    void openimis_families_list_with_each_village_up_to_its_region_passes() {
        Answer answer = client.post(GuardDocuments.FAMILIES_WITH_LOCATIONS, Map.of(), auth);

        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        assertThat(answer.data()
                        .path("families")
                        .path("edges")
                        .get(0)
                        .at("/node/location/parent/parent/parent/code")
                        .asString())
                .isNotEmpty();
    }

    @Test
    void a_claims_page_of_500_with_its_lines_and_relations_passes() {
        Answer answer = client.post(GraphQlClient.document("claimsPage"), Map.of("first", 500), auth);

        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        assertThat(answer.data().path("claims").path("edges").size()).isEqualTo(500);
    }

    /** A valid document of at least {@code length} characters: the query, then a comment. */
    private static String padded(String query, int length) {
        return query + "\n#" + "x".repeat(Math.max(0, length - query.length() - 2));
    }

    private static void assertRefused(Answer answer, String code) {
        JsonNode error = answer.errors().get(0);
        assertThat(error).as(answer.body().toString()).isNotNull();
        assertThat(error.path("extensions").path("code").asString()).isEqualTo(code);
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(answer.data().path("claims").isMissingNode()).isTrue();
    }
}
