package org.healthclaims.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Each user's {@link Access}, loaded by one statement and kept for {@code access.ttl} (ACCESS_TTL, 30 s): a
 * request costs no SQL to know its caller, and a change of roles or districts applies within the TTL.
 */
@Component
class AccessCache {

    @ConfigurationProperties("access")
    record AccessProperties(@DefaultValue("30s") Duration ttl) {}

    private final CallerQueries callers;
    private final Cache<Long, Optional<Access>> accesses;

    AccessCache(CallerQueries callers, AccessProperties properties) {
        this.callers = callers;
        this.accesses = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.ttl())
                .build();
    }

    /** The user's access; null when the user was deleted since their token was issued. */
    @Nullable
    Access of(long userId) {
        return accesses.get(userId, id -> Optional.ofNullable(callers.access(id)))
                .orElse(null);
    }

    void forget(long userId) {
        accesses.invalidate(userId);
    }
}
