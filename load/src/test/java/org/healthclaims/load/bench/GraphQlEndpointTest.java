package org.healthclaims.load.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GraphQlEndpointTest {

    @Test
    void finds_a_top_level_errors_key_wherever_it_stands() {
        assertThat(hasErrors("{\"errors\":[{\"message\":\"x\"}],\"data\":null}"))
                .isTrue();
        assertThat(hasErrors("{\"data\":{\"claims\":null},\"errors\":[{\"message\":\"x\"}]}"))
                .isTrue();
        assertThat(hasErrors("{ \"data\" : null , \"errors\" : [] }")).isTrue();
    }

    @Test
    void ignores_errors_inside_the_data_and_in_strings() {
        assertThat(hasErrors("{\"data\":{\"errors\":[1]}}")).isFalse();
        assertThat(hasErrors("{\"data\":{\"code\":\"errors\"}}")).isFalse();
        assertThat(hasErrors("{\"data\":{\"name\":\"a \\\"quoted\\\" \\\\\",\"x\":[\"errors\"]}}"))
                .isFalse();
        assertThat(hasErrors("{\"data\":{\"claims\":{\"edges\":[]}}}")).isFalse();
    }

    @Test
    void a_top_level_string_value_errors_is_not_the_key() {
        assertThat(hasErrors("{\"data\":\"errors\"}")).isFalse();
    }

    @Test
    void writes_a_graphql_document_as_a_json_string() {
        assertThat(GraphQlEndpoint.jsonString("query q {\n  a(s: \"x\\y\")\t}\u0001"))
                .isEqualTo("\"query q {\\n  a(s: \\\"x\\\\y\\\")\\t}\\u0001\"");
    }

    @Test
    void a_request_body_carries_query_and_variables() {
        String body = new String(GraphQlEndpoint.requestBody("{ a }", "{\"first\":10}"), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\"query\":\"{ a }\",\"variables\":{\"first\":10}}");
    }

    @Test
    void an_answer_is_an_error_when_not_200_or_with_errors() {
        byte[] fine = bytes("{\"data\":{}}");

        assertThat(new GraphQlEndpoint.Answer(200, fine, 11).isError()).isFalse();
        assertThat(new GraphQlEndpoint.Answer(503, fine, -1).isError()).isTrue();
        assertThat(new GraphQlEndpoint.Answer(200, bytes("{\"errors\":[{}]}"), 0).isError())
                .isTrue();
    }

    private static boolean hasErrors(String json) {
        return GraphQlEndpoint.hasTopLevelErrors(bytes(json));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
