package org.healthclaims.api.relay;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The optional {@code where} fragments of one connection query and their named parameters. A fragment is added only
 * when its filter argument was given, so the statement never carries {@code (:x is null or col = :x)} catch-alls
 * that defeat index use under generic plans.
 */
public final class Conditions {

    private final StringBuilder sql = new StringBuilder();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds a fragment without parameters, such as {@code x.validity_to is null}. */
    public Conditions always(String fragment) {
        sql.append(" and ").append(fragment);
        return this;
    }

    /** Adds {@code fragment} (which names {@code :param}) when {@code value} is present. */
    public Conditions when(@Nullable Object value, String fragment, String param) {
        if (value != null) {
            sql.append(" and ").append(fragment);
            params.put(param, value);
        }
        return this;
    }

    /** Adds a case-insensitive prefix match; the column side must be {@code lower(...)} to use the prefix index. */
    public Conditions startsWith(@Nullable String prefix, String lowerColumn, String param) {
        if (prefix != null) when(likePrefix(prefix), lowerColumn + " like :" + param, param);
        return this;
    }

    /** The LIKE pattern of a case-insensitive prefix, for fragments that compare {@code lower(column)}. */
    public static String likePrefix(String prefix) {
        return escapeLike(prefix.toLowerCase(java.util.Locale.ROOT)) + "%";
    }

    /** Adds a case-insensitive substring match. */
    public Conditions contains(@Nullable String part, String lowerColumn, String param) {
        if (part != null)
            when(
                    "%" + escapeLike(part.toLowerCase(java.util.Locale.ROOT)) + "%",
                    lowerColumn + " like :" + param,
                    param);
        return this;
    }

    void raw(String fragment, Map<String, Object> fragmentParams) {
        sql.append(" and ").append(fragment);
        params.putAll(fragmentParams);
    }

    /** The fragments, each starting with {@code " and "}; empty when no filter was given. */
    public String sql() {
        return sql.toString();
    }

    public Map<String, Object> params() {
        return params;
    }

    /**
     * The ids of a location and every location below it (region > district > ward > village), as a sub-query on
     * {@code :param} (the location's uuid): openIMIS's {@code parentLocation} at any level.
     */
    public static String locationSubtree(String param) {
        return "(with recursive subtree(id) as (select l.id from location l where l.uuid = :" + param
                + " union all select c.id from location c join subtree s on c.parent_location_id = s.id"
                + " where c.validity_to is null) select id from subtree)";
    }

    /** PostgreSQL's LIKE escapes with a backslash by default. */
    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
