package org.healthclaims.api.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the statements PostgreSQL itself executed in this run's database, from {@code pg_stat_statements} deltas:
 * whatever path sent them, our code's counter included. Transaction control and session settings (BEGIN, COMMIT,
 * SET, SHOW) and the counting query itself are left out.
 */
public final class PostgresStatementCounter {

    static final String CALLS = """
            select s.queryid::text as id, s.calls, s.query
              from pg_stat_statements s
              join pg_database d on d.oid = s.dbid
             where d.datname = current_database()
               and s.query not ilike '%pg_stat_statements%'
               and s.query !~* '^\\s*(begin|commit|rollback|set|show|start transaction)\\y'""";

    private final JdbcClient jdbc;
    private Map<String, Long> mark = Map.of();
    private List<String> lastDelta = List.of();

    private PostgresStatementCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A counter when the server has pg_stat_statements loaded, else null (the caller falls back to the proxy). */
    public static @Nullable PostgresStatementCounter ifAvailable(JdbcClient jdbc) {
        try {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            PostgresStatementCounter counter = new PostgresStatementCounter(jdbc);
            counter.reset();
            return counter;
        } catch (DataAccessException e) {
            // not in shared_preload_libraries: the view cannot be read
            return null;
        }
    }

    public void reset() {
        Map<String, Long> calls = new HashMap<>();
        jdbc.sql(CALLS).query(rs -> {
            calls.put(rs.getString("id"), rs.getLong("calls"));
        });
        mark = calls;
    }

    /** Statements executed since {@link #reset()}; {@link #lastDelta()} then says which. */
    public long count() {
        List<String> delta = new ArrayList<>();
        long[] total = {0};
        jdbc.sql(CALLS).query(rs -> {
            long calls = rs.getLong("calls") - mark.getOrDefault(rs.getString("id"), 0L);
            if (calls > 0) {
                total[0] += calls;
                delta.add(calls + " x " + rs.getString("query"));
            }
        });
        lastDelta = List.copyOf(delta);
        return total[0];
    }

    public List<String> lastDelta() {
        return lastDelta;
    }
}
