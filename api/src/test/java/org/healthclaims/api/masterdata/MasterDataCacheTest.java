package org.healthclaims.api.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MasterDataCacheTest {

    record Row(long id, String code) {}

    final MasterDataCaches caches = new MasterDataCaches(new MasterDataProperties(Duration.ofSeconds(60), 1000));

    @Test
    void fifty_concurrent_requests_missing_one_key_cause_one_load() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        MasterDataCache<Row> cache = caches.create(
                "test",
                ids -> {
                    loads.incrementAndGet();
                    awaitQuietly(release);
                    return List.of(new Row(ids[0], "I0001"));
                },
                Row::id);
        ConcurrentLinkedQueue<List<Row>> answers = new ConcurrentLinkedQueue<>();
        List<Thread> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++)
            requests.add(Thread.ofVirtual().start(() -> answers.add(cache.byIds(new long[] {7}))));

        // every request is parked: one inside the load, the other 49 on the load in flight
        await().atMost(Duration.ofSeconds(10))
                .until(() -> requests.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        release.countDown();
        for (Thread t : requests) t.join();

        assertThat(loads).hasValue(1);
        assertThat(answers).hasSize(50).allSatisfy(rows -> assertThat(rows).containsExactly(new Row(7, "I0001")));
        assertThat(cache.loads()).isEqualTo(1);
    }

    @Test
    void only_the_missing_keys_are_loaded_in_one_call_and_unknown_keys_are_left_out() {
        List<long[]> calls = new ArrayList<>();
        MasterDataCache<Row> cache = caches.create(
                "test",
                ids -> {
                    calls.add(ids.clone());
                    List<Row> rows = new ArrayList<>();
                    for (long id : ids) if (id != 99) rows.add(new Row(id, "X" + id));
                    return rows;
                },
                Row::id);

        cache.byIds(new long[] {1, 2});
        List<Row> second = cache.byIds(new long[] {1, 2, 3, 99});

        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).containsExactlyInAnyOrder(3, 99);
        assertThat(second).extracting(Row::id).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void invalidating_makes_the_next_read_load_again() {
        AtomicInteger loads = new AtomicInteger();
        MasterDataCache<Row> cache = caches.create(
                "test",
                ids -> {
                    loads.incrementAndGet();
                    return List.of(new Row(ids[0], "v" + loads.get()));
                },
                Row::id);

        cache.byIds(new long[] {5});
        caches.invalidateAll();
        List<Row> reloaded = cache.byIds(new long[] {5});

        assertThat(loads).hasValue(2);
        assertThat(reloaded).containsExactly(new Row(5, "v2"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
