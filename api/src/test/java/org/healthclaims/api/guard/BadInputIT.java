package org.healthclaims.api.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BadInputIT extends ApiTest {

    GraphQlClient client;
    Map<String, String> auth;

    @BeforeEach
    void logIn() {
        client = client();
        auth = GraphQlClient.bearer(client.login("Admin", "admin123"));
    }

    @Test
    void an_unknown_field_is_a_typed_bad_request_not_a_500() {
        Answer answer = client.post("{ claims(first: 1) { edges { node { code noSuchField } } } }", Map.of(), auth);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errors()
                        .get(0)
                        .path("extensions")
                        .path("classification")
                        .asString())
                .isEqualTo("BAD_REQUEST");
        assertThat(answer.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("INVALID_DOCUMENT");
        assertThat(answer.errors().get(0).path("message").asString()).contains("noSuchField");
    }

    @Test
    void a_wrong_argument_type_or_a_date_that_does_not_parse_is_a_typed_bad_request() {
        Answer literal = client.post("{ claims(first: \"ten\") { edges { node { code } } } }", Map.of(), auth);
        Answer variable = client.post(
                "query($d: Date) { claims(first: 1, dateClaimed_Gte: $d) { edges { node { code } } } }",
                Map.of("d", "not-a-date"),
                auth);

        assertThat(literal.errors()
                        .get(0)
                        .path("extensions")
                        .path("classification")
                        .asString())
                .isEqualTo("BAD_REQUEST");
        assertThat(variable.status()).isEqualTo(200);
        assertThat(variable.errors().get(0).path("message").asString()).contains("not-a-date");
        assertThat(variable.errors()
                        .get(0)
                        .path("extensions")
                        .path("classification")
                        .asString())
                .isEqualTo("BAD_REQUEST");
        assertThat(variable.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("INVALID_DOCUMENT");
    }

    @Test
    void a_negative_or_too_large_page_is_a_typed_bad_request_before_any_sql() {
        statements.reset();

        Answer negative = client.post("{ claims(first: -1) { edges { node { code } } } }", Map.of(), auth);
        Answer huge = client.post("{ insurees(first: 501) { edges { node { chfId } } } }", Map.of(), auth);

        assertThat(negative.errors()
                        .get(0)
                        .path("extensions")
                        .path("classification")
                        .asString())
                .isEqualTo("BAD_REQUEST");
        assertThat(negative.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("INVALID_PAGE_SIZE");
        assertThat(huge.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("PAGE_SIZE_TOO_LARGE");
        assertThat(statements.statements())
                .noneMatch(sql -> sql.contains("from claim") || sql.contains("from insuree"));
    }

    @Test
    void a_foreign_cursor_or_unknown_order_is_a_typed_bad_request() {
        Answer cursor =
                client.post("{ claims(first: 5, after: \"bm9wZQ\") { edges { node { code } } } }", Map.of(), auth);
        Answer order = client.post(
                "{ claims(first: 5, orderBy: [\"-password\"]) { edges { node { code } } } }", Map.of(), auth);

        assertThat(cursor.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("INVALID_CURSOR");
        assertThat(order.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("INVALID_ORDER_BY");
        assertThat(order.errors().get(0).path("message").asString()).contains("dateClaimed");
    }

    @Test
    void a_malformed_body_is_a_400_without_a_stack_trace() {
        Answer answer = client.postRaw("{\"query\": \"{ claims", auth);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().toString()).doesNotContain("Exception", "at org.", "at java.");
    }

    @Test
    void a_syntax_error_in_the_document_is_a_typed_bad_request() {
        Answer answer = client.post("{ claims(first: 1) { edges { node { code } }", Map.of(), auth);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errors()
                        .get(0)
                        .path("extensions")
                        .path("classification")
                        .asString())
                .isEqualTo("BAD_REQUEST");
        assertThat(answer.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("INVALID_DOCUMENT");
        assertThat(answer.errors().get(0).path("extensions").path("validation").asString())
                .isEqualTo("InvalidSyntax");
    }
}
