package org.healthclaims.api.policy;

import static org.healthclaims.api.sql.Columns.date;
import static org.healthclaims.api.sql.Columns.intOrNull;
import static org.healthclaims.api.sql.Columns.longOrNull;
import static org.healthclaims.api.sql.Columns.money;
import static org.healthclaims.api.sql.Columns.requiredMoney;
import static org.healthclaims.api.sql.Columns.timestamp;
import static org.healthclaims.api.sql.Columns.uuid;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.healthclaims.api.masterdata.MasterDataCache;
import org.healthclaims.api.masterdata.MasterDataCaches;
import org.healthclaims.api.masterdata.RegisterFilter;
import org.healthclaims.api.relay.Conditions;
import org.healthclaims.api.relay.Connection;
import org.healthclaims.api.relay.ConnectionQuery;
import org.healthclaims.api.relay.KeysetOrder;
import org.healthclaims.api.relay.SortField;
import org.healthclaims.api.relay.SortField.KeyType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Set-based reads of products (cached by id), policies and insuree policies. */
@Component
public class PolicyQueries {

    static final String PRODUCT_COLUMNS = """
            select pr.id, pr.uuid, pr.code, pr.name, pr.location_id, pr.date_from, pr.date_to, pr.insurance_period,
                   pr.lump_sum, pr.member_count, pr.threshold, pr.ceiling_interpretation, pr.ded_insuree,
                   pr.ded_treatment, pr.ded_policy, pr.max_insuree, pr.max_treatment, pr.max_policy, pr.max_ip_insuree,
                   pr.max_op_insuree, pr.max_no_consultation, pr.max_no_surgery, pr.max_no_delivery,
                   pr.max_no_hospitalization, pr.max_no_visits, pr.max_no_antenatal, pr.max_amount_consultation,
                   pr.max_amount_surgery, pr.max_amount_delivery, pr.max_amount_hospitalization,
                   pr.max_amount_antenatal, pr.validity_from, pr.validity_to""";
    static final String PRODUCTS_BY_ID = PRODUCT_COLUMNS + " from product pr where pr.id = any(:ids)";
    static final ConnectionQuery PRODUCT_PAGE = new ConnectionQuery(PRODUCT_COLUMNS, "product pr where true");

    static final String POLICY_COLUMNS = """
            select p.id, p.uuid, p.family_id, p.product_id, p.enroll_date, p.start_date, p.effective_date,
                   p.expiry_date, p.status, p.stage, p.value, p.validity_from, p.validity_to""";
    static final String POLICIES_BY_ID = POLICY_COLUMNS + " from policy p where p.id = any(:ids)";
    static final ConnectionQuery POLICY_PAGE =
            new ConnectionQuery(POLICY_COLUMNS, "policy p where p.validity_to is null");
    static final SortField POLICY_ID = new SortField("id", "p.id", KeyType.LONG);
    static final List<SortField> POLICY_SORTABLE = List.of(
            new SortField("enrollDate", "p.enroll_date", KeyType.DATE),
            new SortField("startDate", "p.start_date", KeyType.DATE));

    static final String INSUREE_POLICY_COLUMNS = """
            select ip.id, ip.insuree_id, ip.policy_id, ip.enrollment_date, ip.start_date, ip.effective_date,
                   ip.expiry_date""";
    static final ConnectionQuery INSUREE_POLICY_PAGE =
            new ConnectionQuery(INSUREE_POLICY_COLUMNS, "insuree_policy ip where ip.validity_to is null");
    static final KeysetOrder INSUREE_POLICY_ORDER =
            KeysetOrder.of(List.of("id"), List.of(), List.of("id"), new SortField("id", "ip.id", KeyType.LONG));

    private static final RowMapper<ProductRow> PRODUCT = (rs, n) -> new ProductRow(
            rs.getLong("id"),
            uuid(rs, "uuid"),
            rs.getString("code"),
            rs.getString("name"),
            longOrNull(rs, "location_id"),
            Objects.requireNonNull(timestamp(rs, "date_from")),
            Objects.requireNonNull(timestamp(rs, "date_to")),
            rs.getInt("insurance_period"),
            requiredMoney(rs, "lump_sum"),
            rs.getInt("member_count"),
            intOrNull(rs, "threshold"),
            rs.getString("ceiling_interpretation"),
            money(rs, "ded_insuree"),
            money(rs, "ded_treatment"),
            money(rs, "ded_policy"),
            money(rs, "max_insuree"),
            money(rs, "max_treatment"),
            money(rs, "max_policy"),
            money(rs, "max_ip_insuree"),
            money(rs, "max_op_insuree"),
            intOrNull(rs, "max_no_consultation"),
            intOrNull(rs, "max_no_surgery"),
            intOrNull(rs, "max_no_delivery"),
            intOrNull(rs, "max_no_hospitalization"),
            intOrNull(rs, "max_no_visits"),
            intOrNull(rs, "max_no_antenatal"),
            money(rs, "max_amount_consultation"),
            money(rs, "max_amount_surgery"),
            money(rs, "max_amount_delivery"),
            money(rs, "max_amount_hospitalization"),
            money(rs, "max_amount_antenatal"),
            Objects.requireNonNull(timestamp(rs, "validity_from")),
            timestamp(rs, "validity_to"));

    private static final RowMapper<PolicyRow> POLICY = (rs, n) -> new PolicyRow(
            rs.getLong("id"),
            uuid(rs, "uuid"),
            rs.getLong("family_id"),
            rs.getLong("product_id"),
            Objects.requireNonNull(date(rs, "enroll_date")),
            Objects.requireNonNull(date(rs, "start_date")),
            date(rs, "effective_date"),
            date(rs, "expiry_date"),
            intOrNull(rs, "status"),
            rs.getString("stage"),
            money(rs, "value"),
            Objects.requireNonNull(timestamp(rs, "validity_from")),
            timestamp(rs, "validity_to"));

    private static final RowMapper<InsureePolicyRow> INSUREE_POLICY = (rs, n) -> new InsureePolicyRow(
            rs.getLong("id"),
            rs.getLong("insuree_id"),
            rs.getLong("policy_id"),
            date(rs, "enrollment_date"),
            date(rs, "start_date"),
            date(rs, "effective_date"),
            date(rs, "expiry_date"));

    private final JdbcClient jdbc;
    private final MasterDataCache<ProductRow> products;

    PolicyQueries(JdbcClient jdbc, MasterDataCaches caches) {
        this.jdbc = jdbc;
        this.products = caches.create("products", this::loadProducts, ProductRow::pk);
    }

    Connection<ProductRow> productPage(
            RegisterFilter filter,
            @Nullable UUID locationUuid,
            KeysetOrder order,
            int first,
            @Nullable String after,
            boolean total) {
        Conditions where = filter.conditions("pr")
                .when(
                        locationUuid,
                        "pr.location_id in (select l.id from location l where l.uuid = :locationUuid)",
                        "locationUuid");
        return PRODUCT_PAGE.page(jdbc, where, order, first, after, total, PRODUCT);
    }

    Connection<PolicyRow> policyPage(
            Conditions where, KeysetOrder order, int first, @Nullable String after, boolean total) {
        return POLICY_PAGE.page(jdbc, where, order, first, after, total, POLICY);
    }

    Connection<InsureePolicyRow> insureePolicyPage(Conditions where, int first, @Nullable String after, boolean total) {
        return INSUREE_POLICY_PAGE.page(jdbc, where, INSUREE_POLICY_ORDER, first, after, total, INSUREE_POLICY);
    }

    /** Products by id, from the master-data cache. */
    public List<ProductRow> productsByIds(long[] ids) {
        return products.byIds(ids);
    }

    public List<PolicyRow> policiesByIds(long[] ids) {
        return jdbc.sql(POLICIES_BY_ID).param("ids", ids).query(POLICY).list();
    }

    private List<ProductRow> loadProducts(long[] ids) {
        return jdbc.sql(PRODUCTS_BY_ID).param("ids", ids).query(PRODUCT).list();
    }
}
