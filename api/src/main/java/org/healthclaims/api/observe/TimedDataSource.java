package org.healthclaims.api.observe;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's DataSource: the pool, with every statement's count and time, and every wait for a connection,
 * added to the GraphQL request that caused it (see {@link RequestTally}); outside a request it only delegates. Boot
 * still finds the pool behind it (metrics, health) through {@code unwrap}, and closing it closes the pool.
 */
public final class TimedDataSource extends DelegatingDataSource implements AutoCloseable {

    private final DataSource pool;

    public TimedDataSource(DataSource pool) {
        super(pool);
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        long started = System.nanoTime();
        Connection connection = pool.getConnection();
        RequestTally.connectionObtained(started);
        return new TimedConnection(connection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        long started = System.nanoTime();
        Connection connection = pool.getConnection(username, password);
        RequestTally.connectionObtained(started);
        return new TimedConnection(connection);
    }

    @Override
    public void close() throws Exception {
        if (pool instanceof AutoCloseable closeable) closeable.close();
    }
}
