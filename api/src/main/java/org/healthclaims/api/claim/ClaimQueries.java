package org.healthclaims.api.claim;

import static org.healthclaims.api.sql.Columns.date;
import static org.healthclaims.api.sql.Columns.longOrNull;
import static org.healthclaims.api.sql.Columns.money;
import static org.healthclaims.api.sql.Columns.requiredMoney;
import static org.healthclaims.api.sql.Columns.timestamp;
import static org.healthclaims.api.sql.Columns.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.healthclaims.api.masterdata.MasterDataCache;
import org.healthclaims.api.masterdata.MasterDataCaches;
import org.healthclaims.api.relay.Conditions;
import org.healthclaims.api.relay.Connection;
import org.healthclaims.api.relay.ConnectionQuery;
import org.healthclaims.api.relay.KeysetOrder;
import org.healthclaims.api.relay.SortField;
import org.healthclaims.api.relay.SortField.KeyType;
import org.healthclaims.api.relay.TotalCounts;
import org.healthclaims.api.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Set-based reads of claims: a page is one keyset statement; item lines, service lines and claim administrators of
 * a whole page are one statement each.
 */
@Component
class ClaimQueries {

    static final SortField ID = new SortField("id", "c.id", KeyType.LONG);
    static final List<SortField> SORTABLE = List.of(
            new SortField("dateClaimed", "c.date_claimed", KeyType.DATE),
            new SortField("dateFrom", "c.date_from", KeyType.DATE),
            new SortField("code", "c.code", KeyType.TEXT),
            new SortField("status", "c.status", KeyType.INT));
    /** openIMIS's front-end lists claims newest first; the claim_date_claimed_ix index serves that order. */
    static final List<String> DEFAULT_ORDER = List.of("-dateClaimed");

    static final String COLUMNS = """
            select c.id, c.uuid, c.code, c.status, c.review_status, c.feedback_status, c.rejection_reason, c.date_from,
                   c.date_to, c.date_claimed, c.date_processed, c.claimed, c.approved, c.valuated, c.remunerated,
                   c.explanation, c.adjustment, c.guarantee_id, c.visit_type, c.category, c.care_type,
                   c.json_ext::text as json_ext, c.submit_stamp, c.process_stamp, c.validity_from, c.validity_to,
                   c.insuree_id, c.health_facility_id, c.claim_admin_id, c.icd_id, c.batch_run_id,
                   c.adjudicated_at, c.adjudication_batch, c.engine_version""";

    static final ConnectionQuery PAGE = new ConnectionQuery(COLUMNS, "claim c where true");

    static final String ITEMS_OF = """
            select cl.id, cl.claim_id, cl.item_id as medical_id, cl.status, cl.qty_provided, cl.qty_approved,
                   cl.price_asked, cl.price_adjusted, cl.price_approved, cl.price_valuated, cl.remunerated_amount,
                   cl.deductable_amount, cl.exceed_ceiling_amount, cl.exceed_ceiling_amount_category, cl.limitation,
                   cl.limitation_value, cl.price_origin, cl.rejection_reason, cl.explanation, cl.justification
              from claim_item cl
             where cl.claim_id = any(:claimIds)
               and cl.validity_to is null
             order by cl.claim_id, cl.id""";

    static final String SERVICES_OF = """
            select cl.id, cl.claim_id, cl.service_id as medical_id, cl.status, cl.qty_provided, cl.qty_approved,
                   cl.price_asked, cl.price_adjusted, cl.price_approved, cl.price_valuated, cl.remunerated_amount,
                   cl.deductable_amount, cl.exceed_ceiling_amount, cl.exceed_ceiling_amount_category, cl.limitation,
                   cl.limitation_value, cl.price_origin, cl.rejection_reason, cl.explanation, cl.justification
              from claim_service cl
             where cl.claim_id = any(:claimIds)
               and cl.validity_to is null
             order by cl.claim_id, cl.id""";

    static final String CLAIM_ADMIN_COLUMNS =
            "select ca.id, ca.uuid, ca.code, ca.last_name, ca.other_names, ca.phone, ca.email_id, ca.health_facility_id";
    static final String CLAIM_ADMINS_BY_ID = CLAIM_ADMIN_COLUMNS + " from claim_admin ca where ca.id = any(:ids)";
    static final ConnectionQuery CLAIM_ADMIN_PAGE =
            new ConnectionQuery(CLAIM_ADMIN_COLUMNS, "claim_admin ca where ca.validity_to is null");
    static final SortField CLAIM_ADMIN_ID = new SortField("id", "ca.id", KeyType.LONG);
    static final List<SortField> CLAIM_ADMIN_SORTABLE = List.of(
            new SortField("code", "ca.code", KeyType.TEXT), new SortField("lastName", "ca.last_name", KeyType.TEXT));

    private static final RowMapper<ClaimRow> CLAIM = (rs, n) -> claim(rs);
    private static final RowMapper<ClaimLineRow> ITEM = (rs, n) -> line("ClaimItemGQLType", rs);
    private static final RowMapper<ClaimLineRow> SERVICE = (rs, n) -> line("ClaimServiceGQLType", rs);

    private static final RowMapper<ClaimAdminRow> CLAIM_ADMIN = (rs, n) -> new ClaimAdminRow(
            rs.getLong("id"),
            uuid(rs, "uuid"),
            rs.getString("code"),
            rs.getString("last_name"),
            rs.getString("other_names"),
            rs.getString("phone"),
            rs.getString("email_id"),
            longOrNull(rs, "health_facility_id"));

    private final JdbcClient jdbc;
    private final TotalCounts counts;
    private final MasterDataCache<ClaimAdminRow> claimAdmins;

    ClaimQueries(JdbcClient jdbc, MasterDataCaches caches, TotalCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.claimAdmins = caches.create("claimAdmins", this::loadClaimAdmins, ClaimAdminRow::pk);
    }

    Connection<ClaimRow> page(
            Conditions where, KeysetOrder order, int first, @Nullable String after, boolean withTotalCount) {
        return PAGE.page(jdbc, counts, where, order, first, after, withTotalCount, CLAIM);
    }

    /** The current claim with this uuid and/or primary key, if the caller may see it. */
    @Nullable
    ClaimRow one(@Nullable UUID uuid, @Nullable Long id, Access access) {
        Conditions where = access.claims(
                new Conditions().when(uuid, "c.uuid = :uuid", "uuid").when(id, "c.id = :id", "id"), "c");
        return jdbc.sql(COLUMNS + " from claim c where c.validity_to is null" + where.sql())
                .params(where.params())
                .query(CLAIM)
                .optional()
                .orElse(null);
    }

    List<ClaimLineRow> itemsOf(long[] claimIds) {
        return jdbc.sql(ITEMS_OF).param("claimIds", claimIds).query(ITEM).list();
    }

    List<ClaimLineRow> servicesOf(long[] claimIds) {
        return jdbc.sql(SERVICES_OF).param("claimIds", claimIds).query(SERVICE).list();
    }

    Connection<ClaimAdminRow> claimAdminPage(
            @Nullable String code,
            @Nullable String search,
            @Nullable String healthFacilityCode,
            @Nullable UUID healthFacilityUuid,
            Access access,
            KeysetOrder order,
            int first,
            @Nullable String after,
            boolean total) {
        Conditions where = new Conditions()
                .when(code, "ca.code = :code", "code")
                .when(
                        search == null ? null : "%" + Conditions.likePrefix(search),
                        "(lower(ca.code) like :search or lower(ca.last_name) like :search"
                                + " or lower(ca.other_names) like :search)",
                        "search")
                .when(
                        healthFacilityCode,
                        "ca.health_facility_id in (select hf.id from health_facility hf"
                                + " where hf.code = :healthFacilityCode and hf.validity_to is null)",
                        "healthFacilityCode")
                .when(
                        healthFacilityUuid,
                        "ca.health_facility_id in (select hf.id from health_facility hf where hf.uuid = :healthFacilityUuid)",
                        "healthFacilityUuid");
        access.facilities(where, "ca.health_facility_id");
        return CLAIM_ADMIN_PAGE.page(jdbc, where, order, first, after, total, CLAIM_ADMIN);
    }

    /** Claim administrators by id, from the master-data cache. */
    List<ClaimAdminRow> claimAdminsByIds(long[] ids) {
        return claimAdmins.byIds(ids);
    }

    private List<ClaimAdminRow> loadClaimAdmins(long[] ids) {
        return jdbc.sql(CLAIM_ADMINS_BY_ID).param("ids", ids).query(CLAIM_ADMIN).list();
    }

    private static ClaimRow claim(ResultSet rs) throws SQLException {
        return new ClaimRow(
                rs.getLong("id"),
                uuid(rs, "uuid"),
                rs.getString("code"),
                rs.getInt("status"),
                rs.getInt("review_status"),
                rs.getInt("feedback_status"),
                rs.getInt("rejection_reason"),
                Objects.requireNonNull(date(rs, "date_from")),
                date(rs, "date_to"),
                Objects.requireNonNull(date(rs, "date_claimed")),
                date(rs, "date_processed"),
                money(rs, "claimed"),
                money(rs, "approved"),
                money(rs, "valuated"),
                money(rs, "remunerated"),
                rs.getString("explanation"),
                rs.getString("adjustment"),
                rs.getString("guarantee_id"),
                rs.getString("visit_type"),
                rs.getString("category"),
                rs.getString("care_type"),
                rs.getString("json_ext"),
                timestamp(rs, "submit_stamp"),
                timestamp(rs, "process_stamp"),
                Objects.requireNonNull(timestamp(rs, "validity_from")),
                timestamp(rs, "validity_to"),
                rs.getLong("insuree_id"),
                rs.getLong("health_facility_id"),
                longOrNull(rs, "claim_admin_id"),
                rs.getLong("icd_id"),
                longOrNull(rs, "batch_run_id"),
                adjudication(rs));
    }

    private static ClaimRow.@Nullable Adjudication adjudication(ResultSet rs) throws SQLException {
        OffsetDateTime at = timestamp(rs, "adjudicated_at");
        UUID batch = rs.getObject("adjudication_batch", UUID.class);
        String engine = rs.getString("engine_version");
        return at == null || batch == null || engine == null ? null : new ClaimRow.Adjudication(at, batch, engine);
    }

    private static ClaimLineRow line(String typeName, ResultSet rs) throws SQLException {
        return new ClaimLineRow(
                typeName,
                rs.getLong("id"),
                rs.getLong("claim_id"),
                rs.getLong("medical_id"),
                rs.getInt("status"),
                rs.getBigDecimal("qty_provided"),
                rs.getBigDecimal("qty_approved"),
                requiredMoney(rs, "price_asked"),
                money(rs, "price_adjusted"),
                money(rs, "price_approved"),
                money(rs, "price_valuated"),
                money(rs, "remunerated_amount"),
                money(rs, "deductable_amount"),
                money(rs, "exceed_ceiling_amount"),
                money(rs, "exceed_ceiling_amount_category"),
                rs.getString("limitation"),
                rs.getBigDecimal("limitation_value"),
                rs.getString("price_origin"),
                rs.getInt("rejection_reason"),
                rs.getString("explanation"),
                rs.getString("justification"));
    }
}
