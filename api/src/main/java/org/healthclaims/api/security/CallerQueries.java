package org.healthclaims.api.security;

import static org.healthclaims.api.sql.Columns.longOrNull;
import static org.healthclaims.api.sql.Columns.uuid;

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

    long[] districtIds(long userId) {
        return jdbc.sql(DISTRICT_IDS).param("userId", userId).query(Long.class).list().stream()
                .mapToLong(Long::longValue)
                .toArray();
    }
}
