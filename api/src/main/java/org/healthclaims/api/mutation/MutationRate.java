package org.healthclaims.api.mutation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.healthclaims.api.guard.ApiError;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Mutations per user: a token bucket of {@code mutations.per-minute} (MUTATIONS_PER_MINUTE, 6000 by default, far
 * above what one officer or a load-test thread sends; performance.md's submission rate is spread over many users),
 * refilled continuously, per process. An empty bucket answers TOO_MANY_REQUESTS with a Retry-After.
 */
@Component
class MutationRate {

    @ConfigurationProperties("mutations")
    record MutationProperties(@DefaultValue("6000") int perMinute) {

        MutationProperties {
            if (perMinute < 1) throw new IllegalArgumentException("mutations.per-minute must be >= 1");
        }
    }

    /** Tokens left at {@code at} (nanoTime); guarded by its own monitor. */
    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final int perMinute;
    private final Cache<Long, Bucket> buckets;

    MutationRate(MutationProperties properties) {
        this.perMinute = properties.perMinute();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(Duration.ofMinutes(2))
                .build();
    }

    /** Takes one mutation from the user's bucket, or refuses. */
    void take(long userId) {
        long now = System.nanoTime();
        Bucket bucket = buckets.get(userId, id -> new Bucket(perMinute, now));
        double perNano = perMinute / 60e9;
        synchronized (bucket) {
            bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * perNano);
            bucket.at = Math.max(bucket.at, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            long waitSeconds = (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
            throw new TooManyMutations(Math.max(1, waitSeconds), perMinute);
        }
    }

    static final class TooManyMutations extends ApiError {

        private final long retryAfter;

        TooManyMutations(long retryAfter, int perMinute) {
            super(
                    Kind.TOO_MANY_REQUESTS,
                    "TOO_MANY_MUTATIONS",
                    null,
                    "More than " + perMinute + " mutations a minute: try again in " + retryAfter + " s");
            this.retryAfter = retryAfter;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfter;
        }
    }
}
