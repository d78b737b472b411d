package org.healthclaims.api.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.healthclaims.api.broker.EmbeddedBroker;
import org.healthclaims.api.observe.TimedDataSource;
import org.healthclaims.domain.database.DatabaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection pool (HikariCP, Boot's pool; no PgBouncer in front) on the configured database, or on an embedded
 * PostgreSQL when none is configured: a real PostgreSQL binary from Maven Central, in a temporary directory that
 * lives as long as the process.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Zero-setup mode: no DATABASE_URL, so the server brings its own PostgreSQL. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${database.url:}'.isBlank()")
    EmbeddedPostgres embeddedPostgres(ObjectProvider<EmbeddedBroker> broker) throws IOException {
        // an embedded broker, if any, begins its start first and comes up in the background meanwhile: each of the
        // two servers takes about two seconds, and the zero-setup start should pay for one of them only
        broker.getIfAvailable();
        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        log.info(
                "embedded PostgreSQL started on port {} in {} ms (its data is temporary: set DATABASE_URL to keep data)",
                postgres.getPort(),
                (System.nanoTime() - started) / 1_000_000);
        return postgres;
    }

    /**
     * The pool every query and Flyway use, behind {@link TimedDataSource} so that each GraphQL request's log line can
     * say how many statements it ran and how long they took; depends on the embedded server, if any, so it closes
     * first.
     */
    @Bean(destroyMethod = "close")
    TimedDataSource dataSource(DatabaseProperties database, Optional<EmbeddedPostgres> embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("claims");
        config.setMaximumPoolSize(database.poolSize());
        if (database.isEmbedded()) {
            EmbeddedPostgres postgres = embedded.orElseThrow();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        } else {
            DatabaseUrl url =
                    DatabaseUrl.parse(Objects.requireNonNull(database.url()), database.user(), database.password());
            config.setJdbcUrl(url.jdbcUrl());
            if (url.user() != null) config.setUsername(url.user());
            if (url.password() != null) config.setPassword(url.password());
        }
        return new TimedDataSource(new HikariDataSource(config));
    }
}
