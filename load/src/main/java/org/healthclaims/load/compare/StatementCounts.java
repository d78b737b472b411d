package org.healthclaims.load.compare;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SQL statements per request as PostgreSQL counts them: pg_stat_statements' calls in this database before and after a
 * counted phase of sequential requests. Statements that also run while no request is in flight (a server's outbox
 * relay, lease renewals, this class's own reads) are the servers' background work and are left out.
 * pg_stat_statements counts only when it is in shared_preload_libraries (.ci/run puts it there).
 */
final class StatementCounts {

    /** A phase's requests. */
    static final int REQUESTS = 50;

    static final String CALLS = """
            select s.queryid, sum(s.calls)
              from pg_stat_statements s
             where s.dbid = (select d.oid from pg_database d where d.datname = current_database())
             group by s.queryid""";

    /** Work to count: {@link #REQUESTS} requests, one after the other. */
    interface Requests {
        void send() throws IOException, InterruptedException;
    }

    private final Connection database;

    private StatementCounts(Connection database) {
        this.database = database;
    }

    /**
     * The counter on {@code database}, or null with the reason in {@code why} when pg_stat_statements does not count
     * there (not preloaded, or the extension cannot be created by this user).
     */
    static @Nullable StatementCounts open(Connection database, StringBuilder why) {
        try (Statement s = database.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            try (ResultSet rs = s.executeQuery(CALLS)) {
                rs.next();
            }
            return new StatementCounts(database);
        } catch (SQLException e) {
            why.append(
                    e.getMessage() != null && e.getMessage().contains("shared_preload_libraries")
                            ? "pg_stat_statements not loaded"
                            : "pg_stat_statements unavailable: " + e.getMessage());
            return null;
        }
    }

    /**
     * Statements per request over {@code requests}: calls after minus calls before, of every statement that did not
     * also run during {@code idle} without requests.
     */
    double perRequest(Requests requests, Duration idle) throws IOException, InterruptedException, SQLException {
        Map<Long, Long> start = calls();
        Thread.sleep(idle);
        Map<Long, Long> before = calls();
        Set<Long> background = new HashSet<>();
        for (Map.Entry<Long, Long> e : before.entrySet())
            if (!e.getValue().equals(start.get(e.getKey()))) background.add(e.getKey());
        requests.send();
        Map<Long, Long> after = calls();
        long statements = 0;
        for (Map.Entry<Long, Long> e : after.entrySet())
            if (!background.contains(e.getKey())) statements += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        return (double) statements / REQUESTS;
    }

    private Map<Long, Long> calls() throws SQLException {
        Map<Long, Long> calls = new HashMap<>();
        try (Statement s = database.createStatement();
                ResultSet rs = s.executeQuery(CALLS)) {
            while (rs.next()) calls.put(rs.getLong(1), rs.getLong(2));
        }
        return calls;
    }
}
