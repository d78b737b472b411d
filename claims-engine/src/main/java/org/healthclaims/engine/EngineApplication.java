package org.healthclaims.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.domain.broker.AmqpUrl;
import org.healthclaims.domain.database.DatabaseUrl;
import org.healthclaims.engine.kernel.RuleSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The claims engine as a process of its own: {@code java -jar claims-engine.jar} with {@code DATABASE_URL} and
 * {@code AMQP_URL}: it checks both, then takes its share of the partitions and adjudicates their claims (so far
 * the check step; valuation is still to come).
 */
@SpringBootApplication
@EnableConfigurationProperties({EngineApplication.EngineSettings.class, EngineApplication.AdjudicationSettings.class})
public class EngineApplication {

    private static final Logger log = LoggerFactory.getLogger(EngineApplication.class);

    public static void main(String[] args) {
        // its own config name: this jar is also a library on the api's class path, beside the api's application.yaml
        SpringApplication engine = new SpringApplication(EngineApplication.class);
        engine.setDefaultProperties(java.util.Map.of("spring.config.name", "claims-engine"));
        engine.run(args);
    }

    /** DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD and AMQP_URL, all required for a stand-alone engine. */
    @ConfigurationProperties("engine")
    record EngineSettings(
            @Nullable String databaseUrl,
            @Nullable String databaseUser,
            @Nullable String databasePassword,
            @Nullable String amqpUrl) {

        EngineSettings {
            if (databaseUrl == null || databaseUrl.isBlank())
                throw new IllegalArgumentException("DATABASE_URL is required to run the claims engine on its own");
            if (amqpUrl == null || amqpUrl.isBlank())
                throw new IllegalArgumentException("AMQP_URL is required to run the claims engine on its own");
        }
    }

    /**
     * How this engine adjudicates: AMQP_PREFIX and AMQP_PARTITIONS as the api has them, ENGINE_BATCH_SIZE,
     * ENGINE_MAX_BATCH_WAIT, ENGINE_MAX_ATTEMPTS, ENGINE_LEASE_TIME and ENGINE_RULES (modular or legacy).
     */
    @ConfigurationProperties("engine.adjudication")
    record AdjudicationSettings(
            @DefaultValue("") String amqpPrefix,
            @DefaultValue("16") int partitions,
            @DefaultValue("256") int batchSize,
            @DefaultValue("20ms") Duration maxBatchWait,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("500ms") Duration firstRetryPause,
            @DefaultValue("6s") Duration leaseTime,
            @DefaultValue("modular") String rules) {}

    /** The engine itself, started once the connections are checked, stopped (its leases freed) on shutdown. */
    @Bean(destroyMethod = "stop")
    ClaimsEngine claimsEngine(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            CachingConnectionFactory broker,
            AdjudicationSettings settings) {
        return new ClaimsEngine(
                jdbc,
                transactions,
                broker,
                new AdjudicationRoute(settings.amqpPrefix(), settings.partitions()),
                new ClaimsEngine.Settings(
                        settings.batchSize(),
                        settings.maxBatchWait(),
                        settings.maxAttempts(),
                        settings.firstRetryPause(),
                        settings.leaseTime(),
                        RuleSet.of(settings.rules())),
                "engine-" + ManagementFactory.getRuntimeMXBean().getName());
    }

    /** The engine's pool on DATABASE_URL (JDBC or postgres:// form). */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EngineSettings settings) {
        DatabaseUrl url = DatabaseUrl.parse(
                Objects.requireNonNull(settings.databaseUrl()), settings.databaseUser(), settings.databasePassword());
        HikariConfig config = new HikariConfig();
        config.setPoolName("claims-engine");
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) config.setUsername(url.user());
        if (url.password() != null) config.setPassword(url.password());
        return new HikariDataSource(config);
    }

    /** The engine's broker connection on AMQP_URL. */
    @Bean(destroyMethod = "destroy")
    CachingConnectionFactory rabbitConnectionFactory(EngineSettings settings) {
        CachingConnectionFactory factory =
                new CachingConnectionFactory(AmqpUrl.parse(Objects.requireNonNull(settings.amqpUrl())));
        // a broker that stops answering (a cancel at shutdown, a declare) fails the call after 10 s, not 10 minutes
        factory.getRabbitConnectionFactory().setChannelRpcTimeout(10_000);
        factory.setConnectionNameStrategy(f -> "claims-engine");
        return factory;
    }

    /** Fails the start when either service is unreachable or the schema is missing, naming which. */
    @Bean
    ApplicationRunner connectionCheck(JdbcClient jdbc, CachingConnectionFactory broker, ClaimsEngine engine) {
        return args -> {
            Integer migrations = jdbc.sql("select count(*) from flyway_schema_history where success")
                    .query(Integer.class)
                    .single();
            broker.createConnection().close();
            log.info("claims engine connected to PostgreSQL ({} migrations applied) and the broker", migrations);
            engine.start();
        };
    }
}
