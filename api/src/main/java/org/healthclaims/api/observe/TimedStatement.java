package org.healthclaims.api.observe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * A statement whose executions add their count and time to the current request's {@link RequestTally}: one
 * {@code System.nanoTime()} pair and two atomic adds per execution, no allocation, no SQL text kept. The time is
 * that of the {@code execute} call; PgJDBC reads the whole result into memory there unless a fetch size is set.
 */
class TimedStatement<S extends Statement> implements Statement {

    final S statement;
    private final Connection connection;

    TimedStatement(S statement, Connection connection) {
        this.statement = statement;
        this.connection = connection;
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.executeQuery(sql);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.executeUpdate(sql);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return statement.getMaxFieldSize();
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        statement.setMaxFieldSize(max);
    }

    @Override
    public int getMaxRows() throws SQLException {
        return statement.getMaxRows();
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        statement.setMaxRows(max);
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        statement.setEscapeProcessing(enable);
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return statement.getQueryTimeout();
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        statement.setQueryTimeout(seconds);
    }

    @Override
    public void cancel() throws SQLException {
        statement.cancel();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return statement.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        statement.clearWarnings();
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        statement.setCursorName(name);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.execute(sql);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return statement.getResultSet();
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return statement.getUpdateCount();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return statement.getMoreResults();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        statement.setFetchDirection(direction);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return statement.getFetchDirection();
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        statement.setFetchSize(rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        return statement.getFetchSize();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return statement.getResultSetConcurrency();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return statement.getResultSetType();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        statement.addBatch(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        statement.clearBatch();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.executeBatch();
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection;
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return statement.getMoreResults(current);
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return statement.getGeneratedKeys();
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.executeUpdate(sql, autoGeneratedKeys);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.executeUpdate(sql, columnIndexes);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.executeUpdate(sql, columnNames);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.execute(sql, autoGeneratedKeys);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.execute(sql, columnIndexes);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.execute(sql, columnNames);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return statement.getResultSetHoldability();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return statement.isClosed();
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        statement.setPoolable(poolable);
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return statement.isPoolable();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        statement.closeOnCompletion();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return statement.isCloseOnCompletion();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return statement.getLargeUpdateCount();
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        statement.setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return statement.getLargeMaxRows();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.executeLargeBatch();
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.executeLargeUpdate(sql);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.executeLargeUpdate(sql, autoGeneratedKeys);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.executeLargeUpdate(sql, columnIndexes);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        long started = System.nanoTime();
        try {
            return statement.executeLargeUpdate(sql, columnNames);
        } finally {
            RequestTally.statementEnded(started);
        }
    }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        return statement.enquoteLiteral(val);
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        return statement.enquoteIdentifier(identifier, alwaysQuote);
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        return statement.isSimpleIdentifier(identifier);
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        return statement.enquoteNCharLiteral(val);
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : statement.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || statement.isWrapperFor(type);
    }
}
