package org.healthclaims.load.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.healthclaims.domain.database.DatabaseUrl;
import org.jspecify.annotations.Nullable;

/**
 * An empty database of a test's own on the PostgreSQL named by {@code TEST_DATABASE_URL}, else on an embedded
 * PostgreSQL started for it; dropped (and the embedded server stopped) on close.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final @Nullable EmbeddedPostgres embedded;
    private final DatabaseUrl server;
    private final String name;

    private ScratchDatabase(@Nullable EmbeddedPostgres embedded, DatabaseUrl server, String name) {
        this.embedded = embedded;
        this.server = server;
        this.name = name;
    }

    /** Creates {@code <prefix>_<random>}. */
    public static ScratchDatabase create(String prefix) throws IOException, SQLException {
        String env = System.getenv("TEST_DATABASE_URL");
        EmbeddedPostgres embedded =
                env == null || env.isBlank() ? EmbeddedPostgres.builder().start() : null;
        DatabaseUrl server = embedded != null
                ? new DatabaseUrl(embedded.getJdbcUrl("postgres", "postgres"), "postgres", null)
                : DatabaseUrl.parse(env, null, null);
        String name = (prefix + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return new ScratchDatabase(embedded, server, name);
    }

    public String name() {
        return name;
    }

    /** The JDBC URL of the scratch database (the server's, with the database name replaced). */
    public String jdbcUrl() {
        return server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    public @Nullable String user() {
        return server.user();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), server.user(), server.password());
    }

    @Override
    public void close() throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } finally {
            if (embedded != null) embedded.close();
        }
    }
}
