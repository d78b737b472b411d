package org.healthclaims.load.monitor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.healthclaims.domain.database.DatabaseUrl;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's view of the run, in one statement on one connection of the monitor's own: sessions on the database
 * (its own left out), lock requests of those sessions not granted, and the database's deadlock counter. A lost
 * connection leaves the figures NaN and is opened again at the next reading.
 */
final class DatabaseReadings implements AutoCloseable {

    private static final String READING = """
            select (select count(*) from pg_stat_activity
                     where datname = current_database() and pid <> pg_backend_pid()) as sessions,
                   (select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
                     where not l.granted and a.datname = current_database()) as waiting_locks,
                   (select deadlocks from pg_stat_database where datname = current_database()) as deadlocks
            """;
    private static final int TIMEOUT_SECONDS = 2;

    private final DatabaseUrl database;
    private @Nullable Connection connection;

    double connections = Double.NaN;
    double waitingLocks = Double.NaN;
    double deadlocks = Double.NaN;

    DatabaseReadings(DatabaseUrl database) {
        this.database = database;
    }

    /** Reads once; false (all NaN) when the database could not be read. */
    boolean read() {
        try {
            Connection c = connection;
            if (c == null || c.isClosed()) {
                DriverManager.setLoginTimeout(TIMEOUT_SECONDS);
                c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                c.setAutoCommit(true);
                connection = c;
            }
            try (Statement s = c.createStatement()) {
                s.setQueryTimeout(TIMEOUT_SECONDS);
                try (ResultSet row = s.executeQuery(READING)) {
                    row.next();
                    connections = row.getLong("sessions");
                    waitingLocks = row.getLong("waiting_locks");
                    long counter = row.getLong("deadlocks");
                    deadlocks = row.wasNull() ? Double.NaN : counter;
                }
            }
            return true;
        } catch (SQLException e) {
            connections = waitingLocks = deadlocks = Double.NaN;
            close();
            return false;
        }
    }

    @Override
    public void close() {
        Connection c = connection;
        connection = null;
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException e) {
            // already broken: nothing of ours to release
        }
    }
}
