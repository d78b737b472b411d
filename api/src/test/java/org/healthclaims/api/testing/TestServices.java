package org.healthclaims.api.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.healthclaims.api.broker.EmbeddedBroker;
import org.healthclaims.domain.database.DatabaseUrl;

/**
 * The real PostgreSQL and AMQP broker the tests use: those named by {@code TEST_DATABASE_URL} (an admin database on
 * the server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}) and {@code TEST_AMQP_URL} when
 * set, else an embedded PostgreSQL and an embedded broker started once per test JVM. Every run gets a database of
 * its own and a name prefix of its own for exchanges and queues, so runs never see each other's rows or messages.
 */
public final class TestServices {

    /** Unique per test JVM: names this run's database and its exchanges and queues. */
    public static final String RUN_ID = "it"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);

    private static DatabaseUrl server;
    private static EmbeddedPostgres embeddedPostgres;
    private static EmbeddedBroker embeddedBroker;
    private static DatabaseUrl runDatabase;

    private TestServices() {}

    /** This run's own, empty database (created on first use, dropped when the JVM exits). */
    public static synchronized DatabaseUrl database() {
        if (runDatabase == null) runDatabase = createDatabase("claims_" + RUN_ID);
        return runDatabase;
    }

    /** Another fresh, empty database on the same server (dropped when the JVM exits). */
    public static synchronized DatabaseUrl createDatabase(String name) {
        DatabaseUrl admin = server();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + admin, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(admin, name)));
        return new DatabaseUrl(withDatabase(admin.jdbcUrl(), name), admin.user(), admin.password());
    }

    /** The broker's AMQP URL. */
    public static synchronized String amqpUrl() {
        String url = System.getenv("TEST_AMQP_URL");
        if (url != null && !url.isBlank()) return url;
        if (embeddedBroker == null) {
            embeddedBroker = EmbeddedBroker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(embeddedBroker::close));
        }
        return embeddedBroker.url();
    }

    /** The prefix of this run's exchange and queue names. */
    public static String amqpPrefix() {
        return RUN_ID + ".";
    }

    private static DatabaseUrl server() {
        if (server != null) return server;
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            server = DatabaseUrl.parse(
                    url, System.getenv("TEST_DATABASE_USER"), System.getenv("TEST_DATABASE_PASSWORD"));
        } else {
            try {
                embeddedPostgres = EmbeddedPostgres.builder()
                        // lets the statement-count tests ask PostgreSQL itself (pg_stat_statements)
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for the tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embeddedPostgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            server = new DatabaseUrl(embeddedPostgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
        }
        return server;
    }

    private static void dropDatabase(DatabaseUrl admin, String name) {
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            // the server may already be gone (embedded PostgreSQL stops in its own hook): nothing is left to drop
        }
    }

    /** Replaces the database name of a {@code jdbc:postgresql://host:port/db?params} URL. */
    static String withDatabase(String jdbcUrl, String database) {
        int hostStart = jdbcUrl.indexOf("//") + 2;
        int slash = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?', hostStart);
        String params = query >= 0 ? jdbcUrl.substring(query) : "";
        String hostPart =
                slash >= 0 ? jdbcUrl.substring(0, slash) : (query >= 0 ? jdbcUrl.substring(0, query) : jdbcUrl);
        return hostPart + "/" + database + params;
    }
}
