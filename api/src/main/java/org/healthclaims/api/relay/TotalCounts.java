package org.healthclaims.api.relay;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A connection's totalCount. Counting is exact, except that a count which took longer than {@code slow}
 * (TOTALS_SLOW, 50 ms) is kept for {@code staleness} (TOTALS_STALENESS, 5 s; 0 keeps none) for the same filters and the
 * same caller's scope, one request counting for all who ask meanwhile, and counted again in the background while the
 * kept count is served (below). openIMIS's front-end asks for the total
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

    /** A count's statement and parameters; equal by their text, so one kept count serves every caller asking it. */
    private record Key(String text, JdbcClient jdbc, String sql, Map<String, Object> params) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }

    private final Duration slow;
    private final Duration staleness;
    /**
     * Slow counts. Past {@code staleness} the next request gets the kept count while one background load counts
     * afresh (under load a recount takes seconds, and every page asking meanwhile would wait for it); past twice
     * that the count is dropped and counted again, the askers waiting for that one count.
     */
    private final LoadingCache<Key, Integer> kept;
    /** The filters whose count was slow last time: asked again, their count is served as above. */
    private final Cache<String, Boolean> slowFilters;

    TotalCounts(Properties properties) {
        this.slow = properties.slow();
        this.staleness = properties.staleness();
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(10_000);
        if (!staleness.isZero())
            builder = builder.refreshAfterWrite(staleness)
                    .expireAfterWrite(staleness.multipliedBy(2))
                    .executor(Executors.newVirtualThreadPerTaskExecutor());
        this.kept = builder.build(key -> run(key.jdbc(), key.sql(), key.params()));
        this.slowFilters = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofMinutes(10))
                .build();
    }

    /** {@code select count(*) ...} with these parameters: exact, or kept as above when it is slow. */
    public int count(JdbcClient jdbc, String sql, Map<String, Object> params) {
        if (staleness.isZero()) return run(jdbc, sql, params);
        Key key = new Key(key(sql, params), jdbc, sql, Map.copyOf(params));
        if (slowFilters.getIfPresent(key.text()) != null) return kept.get(key);
        long started = System.nanoTime();
        int count = run(jdbc, sql, params);
        if (System.nanoTime() - started >= slow.toNanos()) {
            slowFilters.put(key.text(), Boolean.TRUE);
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
