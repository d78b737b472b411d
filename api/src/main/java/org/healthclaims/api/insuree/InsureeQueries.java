package org.healthclaims.api.insuree;

import static org.healthclaims.api.sql.Columns.booleanOrNull;
import static org.healthclaims.api.sql.Columns.date;
import static org.healthclaims.api.sql.Columns.longOrNull;
import static org.healthclaims.api.sql.Columns.timestamp;
import static org.healthclaims.api.sql.Columns.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.healthclaims.api.relay.Conditions;
import org.healthclaims.api.relay.Connection;
import org.healthclaims.api.relay.ConnectionQuery;
import org.healthclaims.api.relay.KeysetOrder;
import org.healthclaims.api.relay.SortField;
import org.healthclaims.api.relay.SortField.KeyType;
import org.healthclaims.api.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Set-based reads of insurees and families: a page is one keyset statement, relations one statement each. */
@Component
public class InsureeQueries {

    static final SortField ID = new SortField("id", "i.id", KeyType.LONG);
    static final List<SortField> SORTABLE = List.of(
            new SortField("chfId", "coalesce(i.chf_id, '')", KeyType.TEXT),
            new SortField("lastName", "i.last_name", KeyType.TEXT),
            new SortField("otherNames", "i.other_names", KeyType.TEXT));
    static final List<String> DEFAULT_ORDER = List.of("id");
    /** familyMembers: the head first, then in the order they were registered. */
    static final KeysetOrder MEMBERS_ORDER = KeysetOrder.of(
            List.of("-head", "id"), List.of(new SortField("head", "i.head", KeyType.BOOLEAN)), List.of(), ID);

    static final SortField FAMILY_ID = new SortField("id", "f.id", KeyType.LONG);
    static final List<SortField> FAMILY_SORTABLE =
            List.of(new SortField("validityFrom", "f.validity_from", KeyType.TIMESTAMP));
    /** openIMIS's front-end lists families newest first; family_validity_from_ix serves that order. */
    static final List<String> FAMILY_DEFAULT_ORDER = List.of("-validityFrom");

    static final String NAME_BY_CHF_ID = """
            select i.other_names || ' ' || i.last_name
              from insuree i
             where i.chf_id = :chfId
               and i.validity_to is null""";

    static final String COLUMNS = """
            select i.id, i.uuid, i.chf_id, i.last_name, i.other_names, i.dob, i.gender, i.head, i.marital, i.passport,
                   i.phone, i.email, i.current_address, i.card_issued, i.status, i.family_id, i.current_village_id,
                   i.health_facility_id, i.validity_from, i.validity_to""";

    static final ConnectionQuery PAGE = new ConnectionQuery(COLUMNS, "insuree i where true");

    static final String BY_ID = COLUMNS + " from insuree i where i.id = any(:ids)";

    static final String FAMILY_COLUMNS = """
            select f.id, f.uuid, f.head_insuree_id, f.location_id, f.poverty, f.confirmation_no, f.family_type,
                   f.address, f.is_offline, f.validity_from, f.validity_to""";

    static final String FAMILIES_BY_ID = FAMILY_COLUMNS + " from family f where f.id = any(:ids)";

    static final ConnectionQuery FAMILY_PAGE =
            new ConnectionQuery(FAMILY_COLUMNS, "family f where f.validity_to is null");

    private static final RowMapper<InsureeRow> INSUREE = (rs, n) -> insuree(rs);

    private static final RowMapper<FamilyRow> FAMILY = (rs, n) -> new FamilyRow(
            rs.getLong("id"),
            uuid(rs, "uuid"),
            longOrNull(rs, "head_insuree_id"),
            longOrNull(rs, "location_id"),
            booleanOrNull(rs, "poverty"),
            rs.getString("confirmation_no"),
            rs.getString("family_type"),
            rs.getString("address"),
            booleanOrNull(rs, "is_offline"),
            Objects.requireNonNull(timestamp(rs, "validity_from")),
            timestamp(rs, "validity_to"));

    private final JdbcClient jdbc;

    InsureeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of insurees; {@code where} already holds the caller's scope. */
    Connection<InsureeRow> page(
            Conditions where, KeysetOrder order, int first, @Nullable String after, boolean withTotalCount) {
        return PAGE.page(jdbc, where, order, first, after, withTotalCount, INSUREE);
    }

    /** A page of families; {@code where} already holds the caller's scope. */
    Connection<FamilyRow> familyPage(
            Conditions where, KeysetOrder order, int first, @Nullable String after, boolean withTotalCount) {
        return FAMILY_PAGE.page(jdbc, where, order, first, after, withTotalCount, FAMILY);
    }

    @Nullable
    String nameByChfId(String chfId, Access access) {
        Conditions where = access.insurees(new Conditions(), "i");
        return jdbc.sql(NAME_BY_CHF_ID + where.sql())
                .params(where.params())
                .param("chfId", chfId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    public List<InsureeRow> insureesByIds(long[] ids) {
        return jdbc.sql(BY_ID).param("ids", ids).query(INSUREE).list();
    }

    public List<FamilyRow> familiesByIds(long[] ids) {
        return jdbc.sql(FAMILIES_BY_ID).param("ids", ids).query(FAMILY).list();
    }

    private static InsureeRow insuree(ResultSet rs) throws SQLException {
        return new InsureeRow(
                rs.getLong("id"),
                uuid(rs, "uuid"),
                rs.getString("chf_id"),
                rs.getString("last_name"),
                rs.getString("other_names"),
                date(rs, "dob"),
                rs.getString("gender"),
                rs.getBoolean("head"),
                rs.getString("marital"),
                rs.getString("passport"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("current_address"),
                rs.getBoolean("card_issued"),
                rs.getString("status"),
                longOrNull(rs, "family_id"),
                longOrNull(rs, "current_village_id"),
                longOrNull(rs, "health_facility_id"),
                Objects.requireNonNull(timestamp(rs, "validity_from")),
                timestamp(rs, "validity_to"));
    }
}
