package org.healthclaims.api.mutation;

import static org.healthclaims.api.sql.Columns.timestamp;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.healthclaims.api.guard.InvalidArgument;
import org.healthclaims.api.relay.Conditions;
import org.healthclaims.api.relay.Connection;
import org.healthclaims.api.relay.ConnectionQuery;
import org.healthclaims.api.relay.KeysetOrder;
import org.healthclaims.api.relay.PageSize;
import org.healthclaims.api.relay.SortField;
import org.healthclaims.api.relay.SortField.KeyType;
import org.healthclaims.api.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;

/** mutationLogs: a user sees their own mutations (openIMIS shows a non-superuser only theirs). */
@Controller
class MutationLogController {

    /** MutationLogGQLType. */
    record MutationLogRow(
            UUID id,
            int status,
            @Nullable String error,
            @Nullable String clientMutationId,
            @Nullable String clientMutationLabel,
            @Nullable String clientMutationDetails,
            OffsetDateTime requestDateTime,
            String jsonContent,
            @Nullable String jsonExt,
            @Nullable String mutationName) {}

    static final ConnectionQuery PAGE = new ConnectionQuery("""
            select m.id, m.status, m.error, m.client_mutation_id, m.client_mutation_label, m.client_mutation_details,
                   m.request_date_time, m.json_content, m.json_ext::text as json_ext, m.mutation_name""", "mutation_log m where m.user_id = :caller");

    static final SortField ID = new SortField("id", "m.id::text", KeyType.TEXT);
    static final List<SortField> SORTABLE = List.of(
            new SortField("requestDateTime", "m.request_date_time", KeyType.TIMESTAMP),
            new SortField("request_date_time", "m.request_date_time", KeyType.TIMESTAMP));

    private static final RowMapper<MutationLogRow> ROW = (rs, n) -> new MutationLogRow(
            rs.getObject("id", UUID.class),
            rs.getInt("status"),
            rs.getString("error"),
            rs.getString("client_mutation_id"),
            rs.getString("client_mutation_label"),
            rs.getString("client_mutation_details"),
            Objects.requireNonNull(timestamp(rs, "request_date_time")),
            rs.getString("json_content"),
            rs.getString("json_ext"),
            rs.getString("mutation_name"));

    private final JdbcClient jdbc;

    MutationLogController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryMapping
    Connection<MutationLogRow> mutationLogs(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Argument @Nullable String clientMutationId,
            @Argument @Nullable String id,
            @Argument @Nullable Integer status,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        Conditions where = new Conditions()
                .when(Access.of(context).userId(), "true", "caller")
                .when(clientMutationId, "m.client_mutation_id = :clientMutationId", "clientMutationId")
                .when(id == null ? null : logId(id), "m.id = :id", "id")
                .when(status, "m.status = :status", "status");
        KeysetOrder order = KeysetOrder.of(orderBy, SORTABLE, List.of("-requestDateTime"), ID);
        return PAGE.page(jdbc, where, order, PageSize.first(first), after, selection.contains("totalCount"), ROW);
    }

    private static UUID logId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgument("INVALID_ID", "A mutation log id is a UUID, not " + id);
        }
    }
}
