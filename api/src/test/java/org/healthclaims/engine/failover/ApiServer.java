package org.healthclaims.engine.failover;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.healthclaims.api.ApiApplication;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.TestServices;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.domain.database.DatabaseUrl;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The api as in production, in this JVM: over a database of its own (migrated, demo data loaded), with its outbox
 * relay running (publisher confirms, and republishing what still waits for a result after {@code resendAfter}),
 * talking to the broker at {@code amqpUrl}, and no embedded engine: the engines are processes of their own. Claims
 * reach the engines only the real way, submitClaims and processClaims over GraphQL.
 */
final class ApiServer implements AutoCloseable {

    static final String CLAIMS_BY_STATUS = """
            select status || ':' || count(*) from claim where id = any(:ids) group by status order by status""";

    static final String UNPUBLISHED = """
            select count(*) from outbox
             where aggregate_type = 'claim' and aggregate_id = any(:ids) and published_at is null""";

    static final String LEASES = """
            select coalesce(owner, '-') || ':' || count(*) || ' live ' || count(*) filter (where expires_at > now())
              from partition_lease group by owner order by owner""";

    private final ConfigurableApplicationContext context;
    private final DatabaseUrl database;
    private final AdjudicationRoute route;
    private final JdbcClient sql;

    private ApiServer(ConfigurableApplicationContext context, DatabaseUrl database, AdjudicationRoute route) {
        this.context = context;
        this.database = database;
        this.route = route;
        DriverManagerDataSource own = new DriverManagerDataSource(database.jdbcUrl());
        if (database.user() != null) own.setUsername(database.user());
        if (database.password() != null) own.setPassword(database.password());
        this.sql = JdbcClient.create(own);
    }

    static ApiServer start(String name, String amqpUrl, Duration resendAfter) {
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")
                + UUID.randomUUID().toString().substring(0, 6);
        DatabaseUrl database = TestServices.createDatabase("claims_" + TestServices.RUN_ID + "_" + id);
        AdjudicationRoute route = new AdjudicationRoute(TestServices.amqpPrefix() + id + ".", 16);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--database.url=" + database.jdbcUrl(),
                "--database.user=" + (database.user() == null ? "" : database.user()),
                "--database.password=" + (database.password() == null ? "" : database.password()),
                "--database.pool-size=5",
                "--amqp.url=" + amqpUrl,
                "--amqp.prefix=" + route.prefix(),
                "--amqp.partitions=" + route.partitions(),
                "--demo.data=true",
                "--engine.embedded=false",
                "--outbox.enabled=true",
                "--outbox.poll-interval=100ms",
                "--outbox.resend-after=" + resendAfter.toMillis() + "ms",
                "--jwt.secret=a test secret that is at least thirty-two bytes long",
                "--spring.application.name=claims-api-" + id));
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(ApiApplication.class).run(args.toArray(String[]::new));
        return new ApiServer(context, database, route);
    }

    DatabaseUrl database() {
        return database;
    }

    AdjudicationRoute route() {
        return route;
    }

    /** SQL on the api's database over connections of the test's own. */
    JdbcClient sql() {
        return sql;
    }

    /** The database's clock: the one the write trace is stamped with. */
    Instant now() {
        return sql.sql("select clock_timestamp()")
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }

    /** The partitions {@code member} holds a live lease on. */
    BitSet leases(String member) {
        BitSet held = new BitSet();
        sql.sql("select partition_no from partition_lease where owner = :member and expires_at > now()")
                .param("member", member)
                .query(Integer.class)
                .list()
                .forEach(held::set);
        return held;
    }

    /** Where the claims stand, for a failure message. */
    String state(long[] claimIds) {
        return "claims by status "
                + sql.sql(CLAIMS_BY_STATUS)
                        .param("ids", claimIds)
                        .query(String.class)
                        .list()
                + ", their outbox rows unpublished "
                + sql.sql(UNPUBLISHED)
                        .param("ids", claimIds)
                        .query(Integer.class)
                        .single()
                + ", leases " + sql.sql(LEASES).query(String.class).list();
    }

    GraphQlClient client() {
        return new GraphQlClient(
                "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Stops the api, its exchange and queues deleted first: the test broker is shared by every run and agent. */
    @Override
    public void close() {
        AmqpAdmin admin = context.getBean(AmqpAdmin.class);
        for (int p = 0; p < route.partitions(); p++) admin.deleteQueue(route.queue(p));
        admin.deleteQueue(route.parkedQueue());
        admin.deleteExchange(route.exchange());
        context.close();
    }
}
