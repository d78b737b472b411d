package org.healthclaims.api.relay;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A connection's totalCount. Counting is exact, except that a count which took longer than {@code slow}
 * (TOTALS_SLOW, 50 ms) is kept for {@code staleness} (TOTALS_STALENESS, 5 s; 0 keeps none) for the same filters and the
 * same caller's scope, and one request counts for all who ask meanwhile. openIMIS's front-end asks for the total
 * of every claims page it shows; over a million current claims that count cost 180–200 ms of PostgreSQL's time per
 * page, most of the page, and with a hundred users browsing it was all the database did. A slow total may therefore
 * lag behind by a few seconds (a pager's "1–10 of 1,000,024"), while small counts, and every count in a small
 * database, stay exact. This process's own claim writes drop the kept counts at once ({@link #forget()}).
 */
@Component
public class TotalCounts {

    @ConfigurationProperties("totals")
    record Properties(
            @DefaultValue("50ms") Duration slow,
            @DefaultValue("5s") Duration staleness) {}

    private final Duration slow;
    private final Duration staleness;
    private final Cache<String, Integer> kept;
    /** The filters whose count was slow last time: asked again, one request counts and the others wait for it. */
    private final Cache<String, Boolean> slowFilters;

    TotalCounts(Properties properties) {
        this.slow = properties.slow();
        this.staleness = properties.staleness();
        this.kept = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(properties.staleness())
                .build();
        this.slowFilters = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofMinutes(10))
                .build();
    }

    /** {@code select count(*) ...} with these parameters: exact, or kept as above when it is slow. */
    public int count(JdbcClient jdbc, String sql, Map<String, Object> params) {
        if (staleness.isZero()) return run(jdbc, sql, params);
        String key = key(sql, params);
        if (slowFilters.getIfPresent(key) != null) return kept.get(key, k -> run(jdbc, sql, params));
        long started = System.nanoTime();
        int count = run(jdbc, sql, params);
        if (System.nanoTime() - started >= slow.toNanos()) {
            slowFilters.put(key, Boolean.TRUE);
            kept.put(key, count);
        }
        return count;
    }

    /** This process changed rows that counts count: the next ones are exact. */
    public void forget() {
        kept.invalidateAll();
    }

    private static int run(JdbcClient jdbc, String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    /** The statement and its parameters by name, arrays by content (a caller's scope is an array of ids). */
    private static String key(String sql, Map<String, Object> params) {
        StringBuilder key = new StringBuilder(sql);
        for (Map.Entry<String, Object> p : new TreeMap<>(params).entrySet()) {
            key.append('\u0000').append(p.getKey()).append('=');
            Object value = p.getValue();
            key.append(value instanceof Object[] objects ? Arrays.deepToString(objects) : arrayText(value));
        }
        return key.toString();
    }

    private static String arrayText(Object value) {
        return switch (value) {
            case long[] a -> Arrays.toString(a);
            case int[] a -> Arrays.toString(a);
            case short[] a -> Arrays.toString(a);
            case null -> "null";
            default -> value.toString();
        };
    }
}
