package org.healthclaims.api.location;

import static org.healthclaims.api.sql.Columns.longOrNull;
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
import org.healthclaims.api.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Set-based reads of locations and health facilities: cached by id, and one statement per call for the ids missing,
 * whatever their number.
 */
@Component
public class LocationQueries {

    static final String LOCATION_COLUMNS =
            "select l.id, l.uuid, l.code, l.name, l.type, l.parent_location_id, l.validity_from, l.validity_to";
    static final String LOCATIONS_BY_ID = LOCATION_COLUMNS + " from location l where l.id = any(:ids)";
    static final ConnectionQuery LOCATION_PAGE = new ConnectionQuery(LOCATION_COLUMNS, "location l where true");

    static final String HEALTH_FACILITY_COLUMNS = """
            select hf.id, hf.uuid, hf.code, hf.name, hf.level, hf.care_type, hf.legal_form, hf.status, hf.address,
                   hf.phone, hf.email, hf.location_id, hf.validity_from, hf.validity_to""";
    static final String HEALTH_FACILITIES_BY_ID =
            HEALTH_FACILITY_COLUMNS + " from health_facility hf where hf.id = any(:ids)";
    static final ConnectionQuery HEALTH_FACILITY_PAGE =
            new ConnectionQuery(HEALTH_FACILITY_COLUMNS, "health_facility hf where true");

    private static final RowMapper<LocationRow> LOCATION = (rs, n) -> new LocationRow(
            rs.getLong("id"),
            uuid(rs, "uuid"),
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("type"),
            longOrNull(rs, "parent_location_id"),
            Objects.requireNonNull(timestamp(rs, "validity_from")),
            timestamp(rs, "validity_to"));

    private static final RowMapper<HealthFacilityRow> HEALTH_FACILITY = (rs, n) -> new HealthFacilityRow(
            rs.getLong("id"),
            uuid(rs, "uuid"),
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("level"),
            rs.getString("care_type"),
            rs.getString("legal_form"),
            rs.getString("status"),
            rs.getString("address"),
            rs.getString("phone"),
            rs.getString("email"),
            rs.getLong("location_id"),
            Objects.requireNonNull(timestamp(rs, "validity_from")),
            timestamp(rs, "validity_to"));

    private final JdbcClient jdbc;
    private final MasterDataCache<LocationRow> locations;
    private final MasterDataCache<HealthFacilityRow> healthFacilities;

    LocationQueries(JdbcClient jdbc, MasterDataCaches caches) {
        this.jdbc = jdbc;
        this.locations = caches.create("locations", this::loadLocations, LocationRow::pk);
        this.healthFacilities = caches.create("healthFacilities", this::loadHealthFacilities, HealthFacilityRow::pk);
    }

    /** Locations by id, from the master-data cache. */
    public List<LocationRow> locationsByIds(long[] ids) {
        return locations.byIds(ids);
    }

    /** Health facilities by id, from the master-data cache. */
    public List<HealthFacilityRow> healthFacilitiesByIds(long[] ids) {
        return healthFacilities.byIds(ids);
    }

    Connection<LocationRow> locationPage(
            RegisterFilter filter,
            @Nullable String type,
            @Nullable UUID parentUuid,
            KeysetOrder order,
            int first,
            @Nullable String after,
            boolean total) {
        Conditions where = filter.conditions("l")
                .when(type, "l.type = :type", "type")
                .when(
                        parentUuid,
                        "l.parent_location_id in (select p.id from location p where p.uuid = :parentUuid)",
                        "parentUuid");
        return LOCATION_PAGE.page(jdbc, where, order, first, after, total, LOCATION);
    }

    Connection<HealthFacilityRow> healthFacilityPage(
            RegisterFilter filter,
            @Nullable String level,
            @Nullable UUID locationUuid,
            Access access,
            KeysetOrder order,
            int first,
            @Nullable String after,
            boolean total) {
        Conditions where = access.facilities(filter.conditions("hf"), "hf.id")
                .when(level, "hf.level = :level", "level")
                .when(
                        locationUuid,
                        "hf.location_id in (select l.id from location l where l.uuid = :locationUuid)",
                        "locationUuid");
        return HEALTH_FACILITY_PAGE.page(jdbc, where, order, first, after, total, HEALTH_FACILITY);
    }

    private List<LocationRow> loadLocations(long[] ids) {
        return jdbc.sql(LOCATIONS_BY_ID).param("ids", ids).query(LOCATION).list();
    }

    private List<HealthFacilityRow> loadHealthFacilities(long[] ids) {
        return jdbc.sql(HEALTH_FACILITIES_BY_ID)
                .param("ids", ids)
                .query(HEALTH_FACILITY)
                .list();
    }
}
