package org.healthclaims.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Sends mutations as the demo users and checks refusals: typed, logged, and without any other change. */
public final class Mutating {

    private final GraphQlClient client;
    private final JdbcClient sql;
    private final Map<String, String> tokens = new HashMap<>();

    public Mutating(GraphQlClient client, JdbcClient sql) {
        this.client = client;
        this.sql = sql;
    }

    /** The demo user's bearer header; the password is the name + "123", Admin's admin123. */
    public Map<String, String> as(String user) {
        String token = tokens.computeIfAbsent(user, u -> client.login(u, u.equals("Admin") ? "admin123" : u + "123"));
        return GraphQlClient.bearer(token);
    }

    /** Sends {@code name(input: $input)} with a fresh clientMutationId unless the input has one. */
    public Answer send(String user, String name, String inputType, Map<String, Object> input) {
        Map<String, Object> withId = new HashMap<>(input);
        withId.putIfAbsent("clientMutationId", UUID.randomUUID().toString());
        return client.post(
                "mutation($input: " + inputType + "!) { " + name + "(input: $input) { clientMutationId internalId } }",
                Map.of("input", withId),
                as(user));
    }

    public Answer query(String user, String query) {
        return client.post(query, Map.of(), as(user));
    }

    /** Asserts a success and answers the mutation log id. */
    public String ok(Answer answer, String name) {
        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        String id = answer.data().path(name).path("internalId").asString(null);
        assertThat(id).as(answer.body().toString()).isNotNull();
        return id;
    }

    /**
     * Sends a mutation that must be refused: asserts the classification, code and field of the error, that no
     * table but the mutation log changed, and that the log holds the refusal (status 1, same code).
     */
    public JsonNode refused(
            String user,
            String name,
            String inputType,
            Map<String, Object> input,
            String classification,
            String code,
            @Nullable String field) {
        Map<String, Long> before = RowCounts.of(sql);
        String clientMutationId = UUID.randomUUID().toString();
        Map<String, Object> withId = new HashMap<>(input);
        withId.put("clientMutationId", clientMutationId);
        Answer answer = send(user, name, inputType, withId);
        JsonNode error = answer.errors().path(0);
        assertThat(error.isMissingNode()).as(answer.body().toString()).isFalse();
        assertThat(error.path("extensions").path("classification").asString())
                .as(answer.body().toString())
                .isEqualTo(classification);
        assertThat(error.path("extensions").path("code").asString())
                .as(answer.body().toString())
                .isEqualTo(code);
        if (field != null)
            assertThat(error.path("extensions").path("field").asString())
                    .as(answer.body().toString())
                    .isEqualTo(field);
        assertThat(RowCounts.of(sql)).as("row counts after a refused " + name).isEqualTo(before);
        Map<String, Object> logged = sql.sql("select status, error from mutation_log where client_mutation_id = :id")
                .param("id", clientMutationId)
                .query()
                .singleRow();
        assertThat(Integer.parseInt(String.valueOf(logged.get("status")))).isEqualTo(1);
        assertThat(String.valueOf(logged.get("error"))).contains("\"code\":\"" + code + "\"");
        return error;
    }

    public long id(String query, Object... params) {
        return sql.sql(query)
                .params(java.util.List.of(params))
                .query(Long.class)
                .single();
    }
}
