package org.healthclaims.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import org.healthclaims.domain.broker.AmqpUrl;
import org.healthclaims.domain.database.DatabaseUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claims engine as a process of its own: {@code java -jar claims-engine.jar} with {@code DATABASE_URL} and
 * {@code AMQP_URL}. This first version connects to both and checks that the database is migrated; adjudication
 * (batching, the vectorised kernel, the writer) is the claims-engine issue's work.
 */
@SpringBootApplication
@EnableConfigurationProperties(EngineApplication.EngineSettings.class)
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
        factory.setConnectionNameStrategy(f -> "claims-engine");
        return factory;
    }

    /** Fails the start when either service is unreachable or the schema is missing, naming which. */
    @Bean
    ApplicationRunner connectionCheck(JdbcClient jdbc, CachingConnectionFactory broker) {
        return args -> {
            Integer migrations = jdbc.sql("select count(*) from flyway_schema_history where success")
                    .query(Integer.class)
                    .single();
            broker.createConnection().close();
            log.info("claims engine connected to PostgreSQL ({} migrations applied) and the broker", migrations);
        };
    }
}
