package org.healthclaims.api.masterdata;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/** Makes the register caches and drops them all when this process changes master data. */
@Component
public class MasterDataCaches implements AutoCloseable {

    private final MasterDataProperties properties;
    /**
     * Loads block on JDBC: virtual threads, not the common fork-join pool. The requesting thread's context (the
     * request's SQL tally among it) travels with each load, so a request's log line counts the loads it caused.
     */
    private final ExecutorService loader = ContextExecutorService.wrap(
            Executors.newVirtualThreadPerTaskExecutor(),
            () -> ContextSnapshotFactory.builder().build().captureAll());

    private final List<MasterDataCache<?>> caches = new CopyOnWriteArrayList<>();

    MasterDataCaches(MasterDataProperties properties) {
        this.properties = properties;
    }

    public <R> MasterDataCache<R> create(String name, Function<long[], List<R>> load, ToLongFunction<R> key) {
        MasterDataCache<R> cache = new MasterDataCache<>(name, properties, loader, load, key);
        caches.add(cache);
        return cache;
    }

    public void invalidateAll() {
        for (MasterDataCache<?> cache : caches) cache.invalidateAll();
    }

    @Override
    public void close() {
        loader.close();
    }
}
