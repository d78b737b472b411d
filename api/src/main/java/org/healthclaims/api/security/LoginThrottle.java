package org.healthclaims.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code maxFailuresPerUser} wrong passwords in a row for one user name, or
 * {@code maxFailuresPerAddress} from one client address, tokenAuth for it is refused for {@code lockout}, whatever
 * the password. Successful logins are never counted, so hundreds of load-test threads from one address log in
 * freely; a success clears the user's count. Counts live in memory, per process, and expire after the lockout.
 */
@Component
class LoginThrottle {

    /** LOGIN_MAX_FAILURES_PER_USER, LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_LOCKOUT. */
    @ConfigurationProperties("login")
    record LoginProperties(
            @DefaultValue("5") int maxFailuresPerUser,
            @DefaultValue("50") int maxFailuresPerAddress,
            @DefaultValue("60s") Duration lockout) {

        LoginProperties {
            if (maxFailuresPerUser < 1) throw new IllegalArgumentException("login.max-failures-per-user must be >= 1");
            if (maxFailuresPerAddress < 1)
                throw new IllegalArgumentException("login.max-failures-per-address must be >= 1");
            if (lockout.isNegative() || lockout.isZero())
                throw new IllegalArgumentException("login.lockout must be positive, was " + lockout);
        }
    }

    /** Failures so far and, once over the limit, until when logins are refused. */
    private record Failures(int count, @Nullable Instant lockedUntil) {}

    private final LoginProperties properties;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    @Autowired
    LoginThrottle(LoginProperties properties) {
        this(properties, Clock.systemUTC());
    }

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.lockout())
                .build();
    }

    /** Refuses with {@link TooManyAttempts} while the user name or the address is locked out. */
    void check(String username, @Nullable String address) {
        Instant now = clock.instant();
        for (String key : keys(username, address)) {
            Failures f = failures.getIfPresent(key);
            if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil()))
                throw new TooManyAttempts(Duration.between(now, f.lockedUntil()));
        }
    }

    void failed(String username, @Nullable String address) {
        Instant now = clock.instant();
        count(userKey(username), properties.maxFailuresPerUser(), now);
        if (address != null) count(addressKey(address), properties.maxFailuresPerAddress(), now);
    }

    void succeeded(String username) {
        failures.invalidate(userKey(username));
    }

    private void count(String key, int limit, Instant now) {
        failures.asMap().compute(key, (k, f) -> {
            int count = (f == null ? 0 : f.count()) + 1;
            return new Failures(count, count >= limit ? now.plus(properties.lockout()) : null);
        });
    }

    private static String[] keys(String username, @Nullable String address) {
        return address == null
                ? new String[] {userKey(username)}
                : new String[] {userKey(username), addressKey(address)};
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
