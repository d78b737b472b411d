package org.healthclaims.api.masterdata;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Rows of one register (items, services, diagnoses, facilities, locations, …) by primary key, in memory. A relation
 * whose rows are all cached costs no statement. Loading is single-flight: keys that concurrent requests miss at the
 * same time are loaded once, and the missing keys of one call are loaded with one {@code = any(:ids)} statement.
 * Entries expire {@code maxStaleness} after loading, which bounds how stale a change made by another process can
 * be; changes made by this process call {@link MasterDataCaches#invalidateAll()}.
 */
public final class MasterDataCache<R> {

    private final String name;
    private final AsyncCache<Long, R> rows;
    private final Function<long[], List<R>> load;
    private final ToLongFunction<R> key;

    MasterDataCache(
            String name,
            MasterDataProperties properties,
            Executor loader,
            Function<long[], List<R>> load,
            ToLongFunction<R> key) {
        this.name = name;
        this.load = load;
        this.key = key;
        this.rows = Caffeine.newBuilder()
                .maximumSize(properties.maximumSize())
                .expireAfterWrite(properties.maxStaleness())
                .executor(loader)
                .recordStats()
                .buildAsync();
    }

    /** The cached rows of these keys, loading the missing ones in one statement; unknown keys are left out. */
    public List<R> byIds(long[] ids) {
        List<Long> keys = new ArrayList<>(ids.length);
        for (long id : ids) keys.add(id);
        try {
            return new ArrayList<>(rows.getAll(keys, this::loadMissing).join().values());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    private CompletableFuture<Map<Long, R>> loadMissing(Set<? extends Long> missing, Executor executor) {
        return CompletableFuture.supplyAsync(
                () -> {
                    long[] ids = new long[missing.size()];
                    int i = 0;
                    for (Long id : missing) ids[i++] = id;
                    Map<Long, R> loaded = new HashMap<>(ids.length * 2);
                    for (R row : load.apply(ids)) loaded.put(key.applyAsLong(row), row);
                    return loaded;
                },
                executor);
    }

    void invalidateAll() {
        rows.synchronous().invalidateAll();
    }

    /** How many loads (statements) this cache has run, for tests and metrics. */
    public long loads() {
        return rows.synchronous().stats().loadCount();
    }

    String name() {
        return name;
    }
}
