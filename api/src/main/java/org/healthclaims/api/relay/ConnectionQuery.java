package org.healthclaims.api.relay;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs one page of a connection: a single keyset statement fetching {@code first + 1} rows (the extra one only says
 * whether a next page exists), plus a {@code count(*)} over the same filters when the query asked for totalCount.
 *
 * @param columns the select list, starting with {@code select}
 * @param source the table and the condition every row must meet, e.g. {@code claim c where c.validity_to is null}
 */
public record ConnectionQuery(String columns, String source) {

    public <T> Connection<T> page(
            JdbcClient jdbc,
            Conditions where,
            KeysetOrder order,
            int first,
            @Nullable String after,
            boolean withTotalCount,
            RowMapper<T> rows) {
        return page(jdbc, null, where, order, first, after, withTotalCount, rows);
    }

    /** As above, the total counted by {@code counts} ({@link TotalCounts}: kept a few seconds when it is slow). */
    public <T> Connection<T> page(
            JdbcClient jdbc,
            @Nullable TotalCounts counts,
            Conditions where,
            KeysetOrder order,
            int first,
            @Nullable String after,
            boolean withTotalCount,
            RowMapper<T> rows) {
        String count = "select count(*) from " + source + where.sql();
        Integer total = !withTotalCount
                ? null
                : counts != null
                        ? Integer.valueOf(counts.count(jdbc, count, where.params()))
                        : jdbc.sql(count)
                                .params(where.params())
                                .query(Integer.class)
                                .single();
        if (after != null) order.after(after, where);
        String sql = columns + order.selectKeysSql() + " from " + source + where.sql() + " order by "
                + order.orderBySql() + " limit :limit";
        List<Connection.Edge<T>> edges = jdbc.sql(sql)
                .params(where.params())
                .param("limit", first + 1)
                .query((rs, n) -> new Connection.Edge<>(rows.mapRow(rs, n), order.cursorOf(rs)))
                .list();
        return Connection.of(edges, first, after != null, total);
    }
}
