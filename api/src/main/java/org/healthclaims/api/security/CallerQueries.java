package org.healthclaims.api.security;

import static org.healthclaims.api.sql.Columns.longOrNull;
import static org.healthclaims.api.sql.Columns.uuid;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.healthclaims.api.relay.GlobalId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who the caller is: the user row, the rights and roles of their current roles, their districts. */
@Component
class CallerQueries {

    /** UserGQLType. */
    record UserRow(
            long pk,
            UUID uuid,
            String username,
            String lastName,
            String otherNames,
            String language,
            String userType,
            @Nullable Long healthFacilityId,
            List<Integer> rights,
            List<String> roles) {

        public String id() {
            return GlobalId.encode("UserGQLType", pk);
        }
    }

    static final String USER = """
            select u.id, u.uuid, u.login_name, u.last_name, u.other_names, u.language_id, u.user_type,
                   u.health_facility_id,
                   array(select distinct rr.right_id from user_role ur
                           join role_right rr on rr.role_id = ur.role_id and rr.validity_to is null
                          where ur.user_id = u.id and ur.validity_to is null order by rr.right_id) as rights,
                   array(select r.name from user_role ur join role r on r.id = ur.role_id and r.validity_to is null
                          where ur.user_id = u.id and ur.validity_to is null order by r.name) as roles
              from app_user u
             where u.id = :userId
               and u.validity_to is null""";

    /** The user's districts: those assigned, and every district of an assigned region. */
    static final String DISTRICT_IDS = """
            select distinct l.id
              from user_district ud
              join location a on a.id = ud.location_id
              join location l on (l.id = a.id and a.type = 'D') or (l.parent_location_id = a.id and a.type = 'R')
             where ud.user_id = :userId
               and ud.validity_to is null
               and l.validity_to is null
               and l.type = 'D'
             order by l.id""";

    /**
     * Everything {@link Access} needs in one statement: rights of the current roles, and the districts: those
     * assigned, every district of an assigned region, and for a user bound to a facility every district of the
     * facility's region (openIMIS gives a claim administrator the region and all below it).
     */
    static final String ACCESS = """
            select u.id, u.login_name, u.user_type, u.health_facility_id, u.claim_admin_id, u.officer_id,
                   array(select distinct rr.right_id from user_role ur
                           join role_right rr on rr.role_id = ur.role_id and rr.validity_to is null
                          where ur.user_id = u.id and ur.validity_to is null order by rr.right_id) as rights,
                   array(select l.id from location l
                          where l.type = 'D' and l.validity_to is null
                            and (l.id in (select ud.location_id from user_district ud
                                           where ud.user_id = u.id and ud.validity_to is null)
                              or l.parent_location_id in (select ud.location_id from user_district ud
                                                           where ud.user_id = u.id and ud.validity_to is null)
                              or l.parent_location_id in (select d.parent_location_id from health_facility hf
                                                            join location d on d.id = hf.location_id
                                                           where hf.id = u.health_facility_id))
                          order by l.id) as districts
              from app_user u
             where u.id = :userId
               and u.validity_to is null""";

    private final JdbcClient jdbc;

    CallerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Nullable
    UserRow user(long userId) {
        return jdbc.sql(USER)
                .param("userId", userId)
                .query((rs, n) -> new UserRow(
                        rs.getLong("id"),
                        uuid(rs, "uuid"),
                        rs.getString("login_name"),
                        rs.getString("last_name"),
                        rs.getString("other_names"),
                        rs.getString("language_id"),
                        rs.getString("user_type"),
                        longOrNull(rs, "health_facility_id"),
                        List.of((Integer[]) rs.getArray("rights").getArray()),
                        List.of((String[]) rs.getArray("roles").getArray())))
                .optional()
                .orElse(null);
    }

    /** The user's rights and scope; null when the user no longer exists. */
    @Nullable
    Access access(long userId) {
        return jdbc.sql(ACCESS)
                .param("userId", userId)
                .query((rs, n) -> new Access(
                        rs.getLong("id"),
                        rs.getString("login_name"),
                        rs.getString("user_type"),
                        Arrays.stream((Integer[]) rs.getArray("rights").getArray())
                                .mapToInt(Integer::intValue)
                                .toArray(),
                        longOrNull(rs, "health_facility_id"),
                        longOrNull(rs, "claim_admin_id"),
                        longOrNull(rs, "officer_id"),
                        Arrays.stream((Long[]) rs.getArray("districts").getArray())
                                .mapToLong(Long::longValue)
                                .toArray()))
                .optional()
                .orElse(null);
    }

    long[] districtIds(long userId) {
        return jdbc.sql(DISTRICT_IDS).param("userId", userId).query(Long.class).list().stream()
                .mapToLong(Long::longValue)
                .toArray();
    }
}
