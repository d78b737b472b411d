package org.healthclaims.api.mutation;

import graphql.GraphQLContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.healthclaims.api.guard.ApiError;
import org.healthclaims.api.security.Access;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a mutation as openIMIS's ClientIDMutation does, and more safely:
 *
 * <ol>
 *   <li>the caller's mutation rate is checked (no log row for a refusal of the rate: a flood writes nothing);
 *   <li>in one transaction, the mutation log row is inserted (status 0) <em>before</em> the work, unique per user
 *       and clientMutationId: a repeat, even one arriving while the first runs, waits on that row and then answers
 *       the first result without doing anything;
 *   <li>the right is checked and the work runs in the same transaction; the log turns 2 (success) when the work is
 *       done, or stays 0 when it was handed to the claims engine, which completes it;
 *   <li>on any refusal the transaction rolls back, so nothing the work wrote remains, and the failure is logged
 *       (status 1, the error as JSON) in a transaction of its own: the only row a refused mutation adds.
 * </ol>
 */
@Component
public class Mutations {

    /** What the work did: finished, or handed to the claims engine, which completes the log. */
    public enum Outcome {
        DONE,
        HANDED_OFF
    }

    /** The work of one mutation, inside its transaction. */
    @FunctionalInterface
    public interface Work {
        Outcome run(Access access, UUID mutationLogId);
    }

    /** What every mutation answers: the client's id and the mutation log id to poll. */
    public record Payload(@Nullable String clientMutationId, String internalId) {}

    private static final Logger log = LoggerFactory.getLogger(Mutations.class);

    static final String INSERT = """
            insert into mutation_log (id, json_content, user_id, client_mutation_id, client_mutation_label,
                                      client_mutation_details, status, error, mutation_name)
            values (:id, :json, :userId, :clientMutationId, :label, :details, :status, :error, :name)
            on conflict (user_id, client_mutation_id) where client_mutation_id is not null do nothing""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MutationRate rate;
    private final JsonMapper json;

    Mutations(JdbcClient jdbc, PlatformTransactionManager transactions, MutationRate rate, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.rate = rate;
        this.json = json;
    }

    /**
     * Runs {@code work} as mutation {@code name}, which needs {@code right} (described as {@code action} in the
     * refusal), with the client's {@code input} (its clientMutationId, label and details are read from it).
     */
    public Payload run(
            GraphQLContext context, String name, int right, String action, Map<String, Object> input, Work work) {
        Access access = Access.of(context);
        rate.take(access.userId());
        Logged logged = new Logged(
                UUID.randomUUID(),
                name,
                access.userId(),
                (String) input.get("clientMutationId"),
                (String) input.get("clientMutationLabel"),
                details(input.get("clientMutationDetails")),
                json.writeValueAsString(input));
        try {
            Optional<Payload> done = transaction.execute(status -> {
                if (insert(logged, 0, null) == 0) return Optional.<Payload>empty();
                access.require(right, action);
                Outcome outcome = work.run(access, logged.id());
                if (outcome == Outcome.DONE)
                    jdbc.sql("update mutation_log set status = 2 where id = :id")
                            .param("id", logged.id())
                            .update();
                return Optional.of(
                        new Payload(logged.clientMutationId(), logged.id().toString()));
            });
            return done != null && done.isPresent() ? done.get() : repeat(logged);
        } catch (ApiError e) {
            failed(logged, e);
            throw e;
        } catch (DataIntegrityViolationException e) {
            // a constraint the validation could not see coming: two requests racing for one claim code or number
            ApiError refusal = Constraints.refusal(e);
            failed(logged, refusal);
            throw refusal;
        } catch (RuntimeException e) {
            failed(logged, new ApiError(ApiError.Kind.BAD_REQUEST, "INTERNAL_ERROR", null, "The mutation failed"));
            throw e;
        }
    }

    /** A row of the log, before it is written. */
    private record Logged(
            UUID id,
            String name,
            long userId,
            @Nullable String clientMutationId,
            @Nullable String label,
            @Nullable String details,
            String jsonContent) {}

    private int insert(Logged logged, int status, @Nullable String error) {
        return jdbc.sql(INSERT)
                .param("id", logged.id())
                .param("json", logged.jsonContent())
                .param("userId", logged.userId())
                .param("clientMutationId", logged.clientMutationId())
                .param("label", logged.label())
                .param("details", logged.details())
                .param("status", status)
                .param("error", error)
                .param("name", logged.name())
                .update();
    }

    /** The failure, in a transaction of its own; a repeat that finds the first one's row adds nothing. */
    private void failed(Logged logged, ApiError e) {
        try {
            transaction.executeWithoutResult(status -> insert(logged, 1, errorJson(e)));
        } catch (RuntimeException logFailure) {
            log.warn("could not log the failure of mutation {} {}", logged.name(), logged.id(), logFailure);
        }
    }

    /** The first result of a repeated clientMutationId: its log id, or its error again. */
    private Payload repeat(Logged logged) {
        record First(
                UUID id,
                int status,
                @Nullable String error,
                @Nullable String name) {}
        First first = jdbc.sql("""
                        select id, status, error, mutation_name from mutation_log
                         where user_id = :userId and client_mutation_id = :clientMutationId""")
                .param("userId", logged.userId())
                .param("clientMutationId", logged.clientMutationId())
                .query((rs, n) -> new First(
                        rs.getObject("id", UUID.class),
                        rs.getInt("status"),
                        rs.getString("error"),
                        rs.getString("mutation_name")))
                .single();
        if (first.name() != null && !first.name().equals(logged.name()))
            throw ApiError.conflict(
                    "CLIENT_MUTATION_ID_REUSED",
                    "clientMutationId",
                    "clientMutationId " + logged.clientMutationId() + " was already used for " + first.name());
        if (first.status() == 1 && first.error() != null) throw storedError(first.error());
        return new Payload(logged.clientMutationId(), first.id().toString());
    }

    /** openIMIS's error list ({@code [{message, detail}]}), with our code, field and classification. */
    private String errorJson(ApiError e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", e.text());
        error.put("detail", e.code());
        error.put("code", e.code());
        error.put("classification", e.kind().name());
        if (e.field() != null) error.put("field", e.field());
        return json.writeValueAsString(List.of(error));
    }

    private ApiError storedError(String stored) {
        JsonNode error = json.readTree(stored).get(0);
        String field = error.hasNonNull("field") ? error.get("field").asString() : null;
        return new ApiError(
                ApiError.Kind.valueOf(error.get("classification").asString()),
                error.get("code").asString(),
                field,
                error.get("message").asString());
    }

    private @Nullable String details(@Nullable Object details) {
        return details == null ? null : json.writeValueAsString(details);
    }
}
