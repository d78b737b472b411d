package org.healthclaims.api.mutation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.healthclaims.api.guard.ApiError;
import org.healthclaims.api.relay.Conditions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows a mutation works on, by the uuids the client sent: locked in id order (so two mutations on overlapping
 * rows cannot deadlock), limited to the caller's scope, and all of them there: the first one missing (or out of
 * scope) answers NOT_FOUND with its place in the list ({@code uuids[2]}).
 */
public final class Locking {

    private Locking() {}

    /**
     * {@code select} filters on {@code :uuids} and ends before the scope; {@code order} is the {@code order by ...
     * for update of ...} clause.
     */
    public static <T> List<T> lock(
            JdbcClient jdbc,
            String select,
            Conditions scope,
            String order,
            RowMapper<T> rows,
            Function<T, UUID> uuidOf,
            List<UUID> uuids,
            String field,
            String code,
            String what) {
        List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(uuids));
        if (distinct.isEmpty()) throw ApiError.badRequest("REQUIRED", field, "No " + what + " given");
        List<T> locked = jdbc.sql(select + scope.sql() + " " + order)
                .params(scope.params())
                .param("uuids", distinct.toArray(UUID[]::new))
                .query(rows)
                .list();
        if (locked.size() < distinct.size()) {
            Set<UUID> found = new HashSet<>();
            for (T row : locked) found.add(uuidOf.apply(row));
            for (int i = 0; i < uuids.size(); i++)
                if (!found.contains(uuids.get(i)))
                    throw ApiError.notFound(code, field + "[" + i + "]", "No " + what + " " + uuids.get(i));
        }
        return locked;
    }
}
