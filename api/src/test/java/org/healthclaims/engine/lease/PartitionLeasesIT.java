package org.healthclaims.engine.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.domain.database.DatabaseUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The engines' partition leases on the test PostgreSQL (the api's test harness provides the migrated database;
 * the engine is a library of the api). Engines are simulated by ticking their lease keepers by hand, so the tests
 * decide who is alive, paused or dead.
 */
class PartitionLeasesIT extends ApiTest {

    static final int PARTITIONS = 16;

    /** Who holds each partition, by the engines' own callbacks; an assignment while another holds it is an overlap. */
    static final class Holders {
        final Map<Integer, String> holder = new HashMap<>();
        final List<String> overlaps = new ArrayList<>();

        synchronized PartitionLeases.Listener of(String engine) {
            return new PartitionLeases.Listener() {
                @Override
                public void assigned(int partition) {
                    synchronized (Holders.this) {
                        String other = holder.putIfAbsent(partition, engine);
                        if (other != null) overlaps.add(partition + " to " + engine + " while " + other + " held it");
                    }
                }

                @Override
                public void revoked(int partition) {
                    synchronized (Holders.this) {
                        holder.remove(partition, engine);
                    }
                }
            };
        }

        /** A killed engine consumes nothing any more, though it never heard of a revocation. */
        synchronized void died(String engine) {
            holder.values().removeIf(engine::equals);
        }
    }

    final Holders holders = new Holders();
    final List<PartitionLeases> engines = new ArrayList<>();
    final String run = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    PartitionLeases engine(String name, Duration ttl) {
        PartitionLeases engine = new PartitionLeases(sql(), run + name, PARTITIONS, ttl, holders.of(run + name));
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void leave() {
        for (PartitionLeases engine : engines) engine.leave();
    }

    @Test
    void one_engine_alone_takes_every_partition() {
        BitSet held = engine("a", Duration.ofSeconds(5)).tick();

        assertThat(held.cardinality()).isEqualTo(PARTITIONS);
        assertThat(sql().sql("select count(*) from partition_lease where owner = :owner and expires_at > now()")
                        .param("owner", run + "a")
                        .query(Integer.class)
                        .single())
                .isEqualTo(PARTITIONS);
    }

    @Test
    void two_engines_split_the_partitions_without_ever_holding_one_together() {
        PartitionLeases a = engine("a", Duration.ofSeconds(5));
        PartitionLeases b = engine("b", Duration.ofSeconds(5));
        a.tick();
        BitSet heldByA = a.tick();
        // b joins: a gives up half at its next tick, and b takes them at the tick after
        BitSet heldByB = b.tick();
        assertThat(heldByB.isEmpty()).as("nothing is free yet").isTrue();
        heldByA = a.tick();
        heldByB = b.tick();

        assertThat(heldByA.cardinality()).isEqualTo(PARTITIONS / 2);
        assertThat(heldByB.cardinality()).isEqualTo(PARTITIONS / 2);
        assertThat(heldByA.intersects(heldByB)).isFalse();
        BitSet all = (BitSet) heldByA.clone();
        all.or(heldByB);
        assertThat(all.cardinality()).isEqualTo(PARTITIONS);
        assertThat(holders.overlaps).isEmpty();
    }

    @Test
    void a_killed_engine_s_partitions_are_taken_over_within_ten_seconds() throws InterruptedException {
        Duration ttl = Duration.ofSeconds(2);
        PartitionLeases a = engine("a", ttl);
        PartitionLeases b = engine("b", ttl);
        for (int i = 0; i < 3; i++) {
            a.tick();
            b.tick();
        }
        assertThat(a.tick().cardinality()).isEqualTo(PARTITIONS / 2);

        // b is killed: it stops ticking and never releases anything
        holders.died(run + "b");
        engines.remove(b);
        long killed = System.nanoTime();
        BitSet held = a.tick();
        while (held.cardinality() < PARTITIONS
                && System.nanoTime() - killed < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(ttl.toMillis() / 3);
            held = a.tick();
        }
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);

        assertThat(held.cardinality()).isEqualTo(PARTITIONS);
        assertThat(takeover).isLessThan(Duration.ofSeconds(10));
        assertThat(holders.overlaps).isEmpty();
        sql().sql("delete from engine_member where member_id = :b")
                .param("b", run + "b")
                .update();
    }

    @Test
    void an_engine_paused_past_its_leases_stops_the_partitions_it_lost_before_taking_any() throws InterruptedException {
        // long enough that a's fresh leases outlive a slow step between a's tick and b's (a's expired leases are
        // b's to take, and the test would see b holding what a had held, rightly)
        Duration ttl = Duration.ofMillis(2000);
        PartitionLeases a = engine("a", ttl);
        PartitionLeases b = engine("b", ttl);
        for (int i = 0; i < 3; i++) {
            a.tick();
            b.tick();
        }
        BitSet heldByB = b.tick();
        assertThat(heldByB.cardinality()).isEqualTo(PARTITIONS / 2);

        // b pauses (a long GC, a frozen VM) past its leases; a takes them over meanwhile
        Thread.sleep(ttl.toMillis() * 2);
        holders.died(run + "b");
        assertThat(a.tick().cardinality()).isEqualTo(PARTITIONS);

        BitSet afterPause = b.tick();

        assertThat(afterPause.isEmpty()).as("b holds nothing a holds").isTrue();
        assertThat(holders.overlaps).isEmpty();
        // and the split comes back: a gives b its share, b takes it
        a.tick();
        b.tick();
        assertThat(b.tick().cardinality()).isEqualTo(PARTITIONS / 2);
        assertThat(holders.overlaps).isEmpty();
    }

    /**
     * A batch holds its partition's fence (as the engine's adjudicators do, first in their transaction): its own
     * engine still renews the lease meanwhile (a long batch must not let it lapse), while another engine taking the
     * partition over once it has expired waits for the batch to end.
     */
    @Test
    void a_batch_in_progress_holds_back_a_takeover_of_its_partition_but_not_its_engine_s_renewal() throws Exception {
        Duration ttl = Duration.ofMillis(1500);
        PartitionLeases a = engine("a", ttl);
        assertThat(a.tick().cardinality()).isEqualTo(PARTITIONS);
        DatabaseUrl url = database();
        try (Connection transaction = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            transaction.setAutoCommit(false);
            PartitionLeases batch = new PartitionLeases(
                    JdbcClient.create(new SingleConnectionDataSource(transaction, true)),
                    run + "a",
                    PARTITIONS,
                    ttl,
                    holders.of(run + "batch"));
            batch.fence(new int[] {0});

            BitSet renewed = CompletableFuture.supplyAsync(a::tick).get(ttl.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(renewed.cardinality())
                    .as("a renewed every lease, partition 0's too")
                    .isEqualTo(PARTITIONS);

            // a stops ticking (dies); once its leases have expired, b takes them, except partition 0 until the
            // batch ends
            holders.died(run + "a");
            engines.remove(a);
            Thread.sleep(ttl.toMillis() * 2);
            PartitionLeases b = engine("b", ttl);
            CompletableFuture<BitSet> takeover = CompletableFuture.supplyAsync(b::tick);
            Thread.sleep(ttl.toMillis());
            assertThat(takeover).as("b's takeover waits for the batch").isNotDone();
            assertThat(sql().sql("select owner from partition_lease where partition_no = 0")
                            .query(String.class)
                            .single())
                    .isEqualTo(run + "a");

            transaction.commit();
            assertThat(takeover.get(10, TimeUnit.SECONDS).cardinality()).isEqualTo(PARTITIONS);
        }
        assertThat(holders.overlaps).isEmpty();
        sql().sql("delete from engine_member where member_id = :a")
                .param("a", run + "a")
                .update();
    }

    @Test
    void a_clean_leave_frees_the_partitions_at_once() {
        PartitionLeases a = engine("a", Duration.ofSeconds(30));
        PartitionLeases b = engine("b", Duration.ofSeconds(30));
        a.tick();
        b.tick();
        a.tick();
        b.tick();

        a.leave();
        engines.remove(a);
        holders.died(run + "a");

        assertThat(b.tick().cardinality())
                .as("no need to wait 30 s for a's leases")
                .isEqualTo(PARTITIONS);
        assertThat(holders.overlaps).isEmpty();
    }
}
