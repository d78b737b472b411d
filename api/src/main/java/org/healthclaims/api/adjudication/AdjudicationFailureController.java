package org.healthclaims.api.adjudication;

import static org.healthclaims.api.sql.Columns.timestamp;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
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

/** adjudicationFailures: what the engine parked, for whoever processes claims. */
@Controller
class AdjudicationFailureController {

    /** AdjudicationFailureGQLType. */
    record FailureRow(
            long id,
            @Nullable UUID claimUuid,
            @Nullable String claimCode,
            @Nullable String eventType,
            String reason,
            OffsetDateTime parkedAt) {}

    static final ConnectionQuery PAGE = new ConnectionQuery(
            "select f.id, c.uuid as claim_uuid, c.code as claim_code, f.event_type, f.reason, f.parked_at",
            "adjudication_failure f join claim c on c.id = f.claim_id where true");

    static final SortField ID = new SortField("id", "f.id", KeyType.LONG);
    static final List<SortField> SORTABLE = List.of(new SortField("parkedAt", "f.parked_at", KeyType.TIMESTAMP));

    private static final RowMapper<FailureRow> ROW = (rs, n) -> new FailureRow(
            rs.getLong("id"),
            rs.getObject("claim_uuid", UUID.class),
            rs.getString("claim_code"),
            rs.getString("event_type"),
            rs.getString("reason"),
            Objects.requireNonNull(timestamp(rs, "parked_at")));

    private final JdbcClient jdbc;

    AdjudicationFailureController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryMapping
    Connection<FailureRow> adjudicationFailures(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        Conditions where = Access.of(context).claims(new Conditions(), "c");
        KeysetOrder order = KeysetOrder.of(null, SORTABLE, List.of("-parkedAt"), ID);
        return PAGE.page(jdbc, where, order, PageSize.first(first), after, selection.contains("totalCount"), ROW);
    }
}
