package org.healthclaims.engine.failover;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.healthclaims.domain.database.DatabaseUrl;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Holds the ledger (claim_ded_rem) in SHARE mode in a transaction of the test's own: an engine's valuation then
 * stops at its ledger INSERT, after it has written the batch's claims and lines, inside its transaction, with the
 * batch's messages delivered and not yet acknowledged. That is where a fault hurts most, and the test can wait
 * for an engine to be there ({@link #awaitBlocked}) instead of hoping to hit the moment. Reads go on meanwhile.
 */
final class LedgerLock implements AutoCloseable {

    /**
     * Sessions of the engine waiting for the ledger itself. Any lock wait would not do: a session of the engine can
     * wait a moment on a row lock in the normal course (a lease renewal behind a batch's fence did, before the fence
     * took FOR KEY SHARE), and the test would cut the connection with no batch stopped halfway. A session waiting
     * for the ledger has written claims in its transaction: a batch with nothing for the ledger only reads it (a
     * process event for claims rejected at their check once queued here on a DELETE of no rows, wrote no claim, and
     * the cut test waited in vain for a batch spanning the cut).
     */
    static final String WAITING_ON_A_LOCK = """
            select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
             where a.datname = current_database() and a.application_name = :engine
               and not l.granted and l.locktype = 'relation' and l.relation = 'claim_ded_rem'::regclass""";

    private final Connection connection;

    private LedgerLock(Connection connection) {
        this.connection = connection;
    }

    static LedgerLock take(DatabaseUrl database) {
        try {
            Connection connection =
                    DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("lock table claim_ded_rem in share mode");
            }
            return new LedgerLock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock the ledger", e);
        }
    }

    /** Waits until a session of the engine named {@code engine} waits for the ledger: a batch stopped halfway. */
    static void awaitBlocked(JdbcClient sql, String engine) {
        Await.until(
                "engine " + engine + " stopped at the ledger, inside a batch",
                Duration.ofSeconds(60),
                () -> sql.sql(WAITING_ON_A_LOCK)
                                .param("engine", engine)
                                .query(Integer.class)
                                .single()
                        > 0);
    }

    /** Ends the transaction: the engines' INSERTs go on. */
    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the ledger", e);
        }
    }
}
