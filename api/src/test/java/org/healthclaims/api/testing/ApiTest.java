package org.healthclaims.api.testing;

import java.util.Map;
import org.healthclaims.api.ApiApplication;
import org.healthclaims.domain.database.DatabaseUrl;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests that need a running server: the real application on a random port, over this
 * run's own database (migrated by the server, demo data loaded by the server) and the test broker. All subclasses
 * share one application context, so the server starts once per run.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StatementCounter.Config.class)
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected StatementCounter statements;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DatabaseUrl database = TestServices.database();
        registry.add("database.url", database::jdbcUrl);
        registry.add("database.user", () -> database.user() == null ? "" : database.user());
        registry.add("database.password", () -> database.password() == null ? "" : database.password());
        // several test servers share one PostgreSQL (max_connections 100): keep each pool small
        registry.add("database.pool-size", () -> "5");
        registry.add("amqp.url", TestServices::amqpUrl);
        registry.add("amqp.prefix", TestServices::amqpPrefix);
        registry.add("demo.data", () -> "true");
        registry.add("management.endpoints.web.exposure.include", () -> "health,info,prometheus");
        // the relay's polling would run statements between a test's own: OutboxRelayIT drives it itself
        registry.add("outbox.enabled", () -> "false");
        // likewise the embedded engine's lease ticks: AdjudicationIT starts the engine itself
        registry.add("engine.embedded", () -> "false");
        // a count slower than 50 ms would be kept (TotalCounts): on a busy machine even the demo's, and tests that
        // count a request's statements would see the count come and go
        registry.add("totals.staleness", () -> "0s");
        registry.add("jwt.secret", () -> "a test secret that is at least thirty-two bytes long");
    }

    protected GraphQlClient client() {
        return new GraphQlClient("http://127.0.0.1:" + port);
    }

    /**
     * One request as the caller: the server caches a caller's access (rights, districts) for 30 s and loads it with
     * one statement on the first request after that. A test counting a request's own statements makes this request
     * first, or the count depends on how long ago the previous test ran as the same user.
     */
    protected static void warmAccess(GraphQlClient client, Map<String, String> auth) {
        client.post("{ __typename }", Map.of(), auth);
    }

    protected DatabaseUrl database() {
        return TestServices.database();
    }

    /** SQL on this run's database over a connection outside the server's pool (not counted as the server's). */
    protected static synchronized JdbcClient sql() {
        if (sql == null) {
            DatabaseUrl url = TestServices.database();
            DriverManagerDataSource own = new DriverManagerDataSource(url.jdbcUrl());
            if (url.user() != null) own.setUsername(url.user());
            if (url.password() != null) own.setPassword(url.password());
            sql = JdbcClient.create(own);
        }
        return sql;
    }

    private static @Nullable JdbcClient sql;

    /**
     * PostgreSQL's own statement counter for this run's database, on a connection outside the server's pool; null
     * where the server has no pg_stat_statements (then the JDBC proxy {@link #statements} is the only count).
     */
    protected static synchronized @Nullable PostgresStatementCounter postgresCounter() {
        if (!postgresCounterProbed) {
            DatabaseUrl url = TestServices.database();
            DriverManagerDataSource own = new DriverManagerDataSource(url.jdbcUrl());
            if (url.user() != null) own.setUsername(url.user());
            if (url.password() != null) own.setPassword(url.password());
            postgresCounter = PostgresStatementCounter.ifAvailable(JdbcClient.create(own));
            postgresCounterProbed = true;
        }
        return postgresCounter;
    }

    private static @Nullable PostgresStatementCounter postgresCounter;
    private static boolean postgresCounterProbed;
}
