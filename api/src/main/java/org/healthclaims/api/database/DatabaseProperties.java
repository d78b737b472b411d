package org.healthclaims.api.database;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database is: {@code DATABASE_URL} (a JDBC URL or {@code postgres://user:pass@host:port/db}),
 * {@code DATABASE_USER}, {@code DATABASE_PASSWORD}. Without a URL the server starts an embedded PostgreSQL.
 */
@ConfigurationProperties("database")
record DatabaseProperties(
        @Nullable String url,
        @Nullable String user,
        @Nullable String password,
        @DefaultValue("20") int poolSize) {

    DatabaseProperties {
        if (poolSize < 1 || poolSize > 500)
            throw new IllegalArgumentException("DATABASE_POOL_SIZE must be 1..500, was " + poolSize);
    }

    boolean isEmbedded() {
        return url == null || url.isBlank();
    }
}
