package org.healthclaims.load;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.healthclaims.domain.database.DatabaseUrl;

/**
 * The connections of a command that talks to the database directly (a reference run, the data generator), kept open
 * as a server keeps its own: a connection per transaction, every statement planned afresh on it, cost more than many
 * a small statement's work.
 */
public final class ConnectionPool {

    private ConnectionPool() {}

    /** At most {@code size} connections to {@code database}, named {@code name} in the pool's log lines. */
    public static HikariDataSource open(DatabaseUrl database, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        if (database.user() != null) config.setUsername(database.user());
        if (database.password() != null) config.setPassword(database.password());
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }
}
