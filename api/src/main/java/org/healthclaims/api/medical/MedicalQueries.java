package org.healthclaims.api.medical;

import static org.healthclaims.api.sql.Columns.intOrNull;
import static org.healthclaims.api.sql.Columns.requiredMoney;
import static org.healthclaims.api.sql.Columns.timestamp;
import static org.healthclaims.api.sql.Columns.uuid;

import java.util.List;
import java.util.Objects;
import org.healthclaims.api.masterdata.MasterDataCache;
import org.healthclaims.api.masterdata.MasterDataCaches;
import org.healthclaims.api.masterdata.RegisterFilter;
import org.healthclaims.api.relay.Conditions;
import org.healthclaims.api.relay.Connection;
import org.healthclaims.api.relay.ConnectionQuery;
import org.healthclaims.api.relay.KeysetOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Set-based reads of the medical registers (items, services, ICD diagnoses), cached by id. */
@Component
public class MedicalQueries {

    static final String ITEM_COLUMNS = """
            select mi.id, mi.uuid, mi.code, mi.name, mi.type, mi.package, mi.price, mi.care_type, mi.frequency,
                   mi.patient_category, mi.validity_from, mi.validity_to""";
    static final String ITEMS_BY_ID = ITEM_COLUMNS + " from medical_item mi where mi.id = any(:ids)";
    static final ConnectionQuery ITEM_PAGE = new ConnectionQuery(ITEM_COLUMNS, "medical_item mi where true");

    static final String SERVICE_COLUMNS = """
            select ms.id, ms.uuid, ms.code, ms.name, ms.type, ms.level, ms.category, ms.price, ms.care_type,
                   ms.frequency, ms.patient_category, ms.validity_from, ms.validity_to""";
    static final String SERVICES_BY_ID = SERVICE_COLUMNS + " from medical_service ms where ms.id = any(:ids)";
    static final ConnectionQuery SERVICE_PAGE = new ConnectionQuery(SERVICE_COLUMNS, "medical_service ms where true");

    static final String DIAGNOSIS_COLUMNS = "select d.id, d.uuid, d.code, d.name, d.validity_from, d.validity_to";
    static final String DIAGNOSES_BY_ID = DIAGNOSIS_COLUMNS + " from diagnosis d where d.id = any(:ids)";
    static final ConnectionQuery DIAGNOSIS_PAGE = new ConnectionQuery(DIAGNOSIS_COLUMNS, "diagnosis d where true");

    private static final RowMapper<ItemRow> ITEM = (rs, n) -> new ItemRow(
            rs.getLong("id"),
            uuid(rs, "uuid"),
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("type"),
            rs.getString("package"),
            requiredMoney(rs, "price"),
            rs.getString("care_type"),
            intOrNull(rs, "frequency"),
            rs.getInt("patient_category"),
            Objects.requireNonNull(timestamp(rs, "validity_from")),
            timestamp(rs, "validity_to"));

    private static final RowMapper<ServiceRow> SERVICE = (rs, n) -> new ServiceRow(
            rs.getLong("id"),
            uuid(rs, "uuid"),
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("type"),
            rs.getString("level"),
            rs.getString("category"),
            requiredMoney(rs, "price"),
            rs.getString("care_type"),
            intOrNull(rs, "frequency"),
            rs.getInt("patient_category"),
            Objects.requireNonNull(timestamp(rs, "validity_from")),
            timestamp(rs, "validity_to"));

    private static final RowMapper<DiagnosisRow> DIAGNOSIS = (rs, n) -> new DiagnosisRow(
            rs.getLong("id"),
            uuid(rs, "uuid"),
            rs.getString("code"),
            rs.getString("name"),
            Objects.requireNonNull(timestamp(rs, "validity_from")),
            timestamp(rs, "validity_to"));

    private final JdbcClient jdbc;
    private final MasterDataCache<ItemRow> items;
    private final MasterDataCache<ServiceRow> services;
    private final MasterDataCache<DiagnosisRow> diagnoses;

    MedicalQueries(JdbcClient jdbc, MasterDataCaches caches) {
        this.jdbc = jdbc;
        this.items = caches.create("medicalItems", this::loadItems, ItemRow::pk);
        this.services = caches.create("medicalServices", this::loadServices, ServiceRow::pk);
        this.diagnoses = caches.create("diagnoses", this::loadDiagnoses, DiagnosisRow::pk);
    }

    /** Medical items by id, from the master-data cache. */
    public List<ItemRow> itemsByIds(long[] ids) {
        return items.byIds(ids);
    }

    /** Medical services by id, from the master-data cache. */
    public List<ServiceRow> servicesByIds(long[] ids) {
        return services.byIds(ids);
    }

    /** ICD diagnoses by id, from the master-data cache. */
    public List<DiagnosisRow> diagnosesByIds(long[] ids) {
        return diagnoses.byIds(ids);
    }

    Connection<ItemRow> itemPage(
            RegisterFilter filter,
            @Nullable String type,
            KeysetOrder order,
            int first,
            @Nullable String after,
            boolean total) {
        return ITEM_PAGE.page(
                jdbc, filter.conditions("mi").when(type, "mi.type = :type", "type"), order, first, after, total, ITEM);
    }

    Connection<ServiceRow> servicePage(
            RegisterFilter filter,
            @Nullable String type,
            @Nullable String category,
            KeysetOrder order,
            int first,
            @Nullable String after,
            boolean total) {
        Conditions where = filter.conditions("ms")
                .when(type, "ms.type = :type", "type")
                .when(category, "ms.category = :category", "category");
        return SERVICE_PAGE.page(jdbc, where, order, first, after, total, SERVICE);
    }

    Connection<DiagnosisRow> diagnosisPage(
            RegisterFilter filter, KeysetOrder order, int first, @Nullable String after, boolean total) {
        return DIAGNOSIS_PAGE.page(jdbc, filter.conditions("d"), order, first, after, total, DIAGNOSIS);
    }

    private List<ItemRow> loadItems(long[] ids) {
        return jdbc.sql(ITEMS_BY_ID).param("ids", ids).query(ITEM).list();
    }

    private List<ServiceRow> loadServices(long[] ids) {
        return jdbc.sql(SERVICES_BY_ID).param("ids", ids).query(SERVICE).list();
    }

    private List<DiagnosisRow> loadDiagnoses(long[] ids) {
        return jdbc.sql(DIAGNOSES_BY_ID).param("ids", ids).query(DIAGNOSIS).list();
    }
}
