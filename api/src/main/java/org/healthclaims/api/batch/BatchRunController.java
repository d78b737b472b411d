package org.healthclaims.api.batch;

import static org.healthclaims.api.sql.Columns.longOrNull;
import static org.healthclaims.api.sql.Columns.timestamp;
import static org.healthclaims.api.sql.Columns.uuid;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.healthclaims.api.claim.ClaimRow;
import org.healthclaims.api.guard.ApiError;
import org.healthclaims.api.location.LocationQueries;
import org.healthclaims.api.location.LocationRow;
import org.healthclaims.api.mutation.InputObject;
import org.healthclaims.api.mutation.Mutations;
import org.healthclaims.api.mutation.Mutations.Outcome;
import org.healthclaims.api.mutation.Mutations.Payload;
import org.healthclaims.api.policy.PolicyQueries;
import org.healthclaims.api.policy.ProductRow;
import org.healthclaims.api.relay.Conditions;
import org.healthclaims.api.relay.Connection;
import org.healthclaims.api.relay.ConnectionQuery;
import org.healthclaims.api.relay.GlobalId;
import org.healthclaims.api.relay.KeysetOrder;
import org.healthclaims.api.relay.PageSize;
import org.healthclaims.api.relay.SortField;
import org.healthclaims.api.relay.SortField.KeyType;
import org.healthclaims.api.security.Access;
import org.healthclaims.api.security.Rights;
import org.healthclaims.api.sql.Batch;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.json.JsonMapper;

/** processBatch (openIMIS's monthly valuation batch), batchRuns and relativeIndexes. */
@Controller
class BatchRunController {

    /** BatchRunGQLType. */
    record BatchRunRow(
            long pk,
            UUID uuid,
            @Nullable Long locationId,
            OffsetDateTime runDate,
            int runYear,
            int runMonth,
            @Nullable Long auditUserId,
            int claimCount) {

        public String id() {
            return GlobalId.encode("BatchRunGQLType", pk);
        }
    }

    /** RelativeIndexGQLType. */
    record RelativeIndexRow(
            long pk,
            UUID uuid,
            long productId,
            int relType,
            String relCareType,
            int relYear,
            int relPeriod,
            OffsetDateTime calcDate,
            BigDecimal relIndex,
            @Nullable Long locationId) {

        public String id() {
            return GlobalId.encode("RelativeIndexGQLType", pk);
        }
    }

    static final ConnectionQuery RUNS = new ConnectionQuery("""
            select b.id, b.uuid, b.location_id, b.run_date, b.run_year, b.run_month, b.audit_user_id,
                   (select count(*) from claim c where c.batch_run_id = b.id and c.validity_to is null) as claim_count""", "batch_run b where b.validity_to is null");

    static final SortField RUN_ID = new SortField("id", "b.id", KeyType.LONG);
    static final List<SortField> RUN_SORTABLE = List.of(
            new SortField("runDate", "b.run_date", KeyType.TIMESTAMP),
            new SortField("run_date", "b.run_date", KeyType.TIMESTAMP),
            new SortField("runYear", "b.run_year", KeyType.INT),
            new SortField("runMonth", "b.run_month", KeyType.INT));

    static final ConnectionQuery INDEXES = new ConnectionQuery("""
            select r.id, r.uuid, r.product_id, r.rel_type, r.rel_care_type, r.rel_year, r.rel_period, r.calc_date,
                   r.rel_index, r.location_id""", "relative_index r where r.validity_to is null");

    static final SortField INDEX_ID = new SortField("id", "r.id", KeyType.LONG);
    static final List<SortField> INDEX_SORTABLE = List.of(
            new SortField("calcDate", "r.calc_date", KeyType.TIMESTAMP),
            new SortField("relYear", "r.rel_year", KeyType.INT),
            new SortField("relPeriod", "r.rel_period", KeyType.INT));

    private static final RowMapper<BatchRunRow> RUN = (rs, n) -> new BatchRunRow(
            rs.getLong("id"),
            uuid(rs, "uuid"),
            longOrNull(rs, "location_id"),
            Objects.requireNonNull(timestamp(rs, "run_date")),
            rs.getInt("run_year"),
            rs.getInt("run_month"),
            longOrNull(rs, "audit_user_id"),
            rs.getInt("claim_count"));

    private static final RowMapper<RelativeIndexRow> INDEX = (rs, n) -> new RelativeIndexRow(
            rs.getLong("id"),
            uuid(rs, "uuid"),
            rs.getLong("product_id"),
            rs.getInt("rel_type"),
            rs.getString("rel_care_type"),
            rs.getInt("rel_year"),
            rs.getInt("rel_period"),
            Objects.requireNonNull(timestamp(rs, "calc_date")),
            rs.getBigDecimal("rel_index"),
            longOrNull(rs, "location_id"));

    private final JdbcClient jdbc;
    private final Mutations mutations;
    private final RelativePricing pricing;
    private final LocationQueries locations;
    private final PolicyQueries policies;
    private final JsonMapper json;

    BatchRunController(
            JdbcClient jdbc,
            Mutations mutations,
            RelativePricing pricing,
            LocationQueries locations,
            PolicyQueries policies,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.mutations = mutations;
        this.pricing = pricing;
        this.locations = locations;
        this.policies = policies;
        this.json = json;
    }

    @MutationMapping
    Payload processBatch(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(
                context, "processBatch", Rights.BATCH_PROCESS, "run the valuation batch", input, (access, log) -> {
                    InputObject in = InputObject.of(input);
                    int year = in.required("year", Integer.class);
                    int month = in.required("month", Integer.class);
                    if (month < 1 || month > 12)
                        throw ApiError.badRequest("INVALID_MONTH", "month", "The month must be between 1 and 12");
                    if (year < 1900 || year > 9999)
                        throw ApiError.badRequest("INVALID_YEAR", "year", "The year must be between 1900 and 9999");
                    Long locationId = location(in.id("locationId"), access);
                    RelativePricing.Outcome outcome = pricing.run(locationId, year, month, access.userId());
                    jdbc.sql("update mutation_log set json_ext = cast(:ext as jsonb) where id = :id")
                            .param(
                                    "ext",
                                    json.writeValueAsString(Map.of(
                                            "batchRunUuid", outcome.runUuid().toString(),
                                            "relativeIndexes", outcome.indexes(),
                                            "valuated", outcome.claims())))
                            .param("id", log)
                            .update();
                    return Outcome.DONE;
                });
    }

    /**
     * The batch's location: null (or openIMIS's -1) for the nation, else a current region or district the caller
     * holds every district of.
     */
    private @Nullable Long location(@Nullable Long locationId, Access access) {
        if (locationId == null || locationId == -1) {
            boolean national = access.unrestricted()
                    || jdbc
                            .sql("select id from location where type = 'D' and validity_to is null")
                            .query(Long.class)
                            .list()
                            .stream()
                            .allMatch(access::inDistricts);
            if (!national)
                throw ApiError.forbidden(
                        "LOCATION_NOT_ALLOWED", "locationId", "Only a user of every district runs the national batch");
            return null;
        }
        List<String> type = jdbc.sql("select type from location where id = :id and validity_to is null")
                .param("id", locationId)
                .query(String.class)
                .list();
        if (type.isEmpty())
            throw ApiError.notFound("LOCATION_NOT_FOUND", "locationId", "No current location has id " + locationId);
        if (!type.getFirst().equals("R") && !type.getFirst().equals("D"))
            throw ApiError.badRequest(
                    "INVALID_LOCATION", "locationId", "A batch runs for a region, a district or the nation");
        List<Long> districts =
                jdbc.sql("""
                        select id from location where type = 'D' and validity_to is null
                           and (id = :id or parent_location_id = :id)""").param("id", locationId).query(Long.class).list();
        if (!access.unrestricted() && !districts.stream().allMatch(access::inDistricts))
            throw ApiError.forbidden(
                    "LOCATION_NOT_ALLOWED", "locationId", "The location is outside the districts of the user");
        return locationId;
    }

    @QueryMapping
    Connection<BatchRunRow> batchRuns(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Argument("location_Isnull") @Nullable Boolean nationalOnly,
            @Argument("location_Uuid") @Nullable UUID locationUuid,
            @Argument @Nullable Integer runYear,
            @Argument @Nullable Integer runMonth,
            DataFetchingFieldSelectionSet selection) {
        Conditions where = new Conditions()
                .when(runYear, "b.run_year = :runYear", "runYear")
                .when(runMonth, "b.run_month = :runMonth", "runMonth")
                .when(
                        locationUuid,
                        "b.location_id in (select l.id from location l where l.uuid = :locationUuid)",
                        "locationUuid");
        if (nationalOnly != null) where.always(nationalOnly ? "b.location_id is null" : "b.location_id is not null");
        KeysetOrder order = KeysetOrder.of(orderBy, RUN_SORTABLE, List.of("-runDate"), RUN_ID);
        return RUNS.page(jdbc, where, order, PageSize.first(first), after, selection.contains("totalCount"), RUN);
    }

    @QueryMapping
    Connection<RelativeIndexRow> relativeIndexes(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Argument("product_Uuid") @Nullable UUID productUuid,
            @Argument("location_Isnull") @Nullable Boolean nationalOnly,
            @Argument @Nullable Integer relYear,
            @Argument @Nullable Integer relPeriod,
            DataFetchingFieldSelectionSet selection) {
        Conditions where = new Conditions()
                .when(relYear, "r.rel_year = :relYear", "relYear")
                .when(relPeriod, "r.rel_period = :relPeriod", "relPeriod")
                .when(
                        productUuid,
                        "r.product_id in (select p.id from product p where p.uuid = :productUuid)",
                        "productUuid");
        if (nationalOnly != null) where.always(nationalOnly ? "r.location_id is null" : "r.location_id is not null");
        KeysetOrder order = KeysetOrder.of(orderBy, INDEX_SORTABLE, List.of("-calcDate"), INDEX_ID);
        return INDEXES.page(jdbc, where, order, PageSize.first(first), after, selection.contains("totalCount"), INDEX);
    }

    @BatchMapping(typeName = "ClaimGQLType", field = "batchRun")
    Map<ClaimRow, BatchRunRow> claimBatchRun(List<ClaimRow> claims) {
        return Batch.toOne(claims, ClaimRow::batchRunId, this::runsByIds, BatchRunRow::pk);
    }

    private List<BatchRunRow> runsByIds(long[] ids) {
        return jdbc.sql(RUNS.columns() + " from batch_run b where b.id = any(:ids)")
                .param("ids", ids)
                .query(RUN)
                .list();
    }

    @BatchMapping(typeName = "BatchRunGQLType", field = "location")
    Map<BatchRunRow, LocationRow> runLocation(List<BatchRunRow> rows) {
        return Batch.toOne(rows, BatchRunRow::locationId, locations::locationsByIds, LocationRow::pk);
    }

    @BatchMapping(typeName = "RelativeIndexGQLType", field = "location")
    Map<RelativeIndexRow, LocationRow> indexLocation(List<RelativeIndexRow> rows) {
        return Batch.toOne(rows, RelativeIndexRow::locationId, locations::locationsByIds, LocationRow::pk);
    }

    @BatchMapping(typeName = "RelativeIndexGQLType", field = "product")
    Map<RelativeIndexRow, ProductRow> product(List<RelativeIndexRow> rows) {
        return Batch.toOne(rows, RelativeIndexRow::productId, policies::productsByIds, ProductRow::pk);
    }
}
