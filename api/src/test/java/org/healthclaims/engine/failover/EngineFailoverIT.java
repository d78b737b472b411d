package org.healthclaims.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.healthclaims.api.testing.Mutating;
import org.healthclaims.api.testing.TestServices;
import org.healthclaims.engine.failover.WriteTrace.Write;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Claims engines as separate processes (the packaged jar) on the test broker, the api relaying the claims through a
 * proxy the test can cut: an engine killed (SIGKILL) in the middle of a batch and started again, an engine whose
 * broker connection is cut and restored, and two engines at once, one of them killed. After each fault every claim
 * must be adjudicated exactly once ({@link ExactlyOnce}); with two engines, no family's claims may be adjudicated
 * by two transactions at once ({@link WriteTrace}).
 *
 * <p>The api republishes an event only after an hour here: a message lost by the broker or an engine leaves its
 * claim waiting and fails the test, instead of being made good by the outbox's safety net ({@link BrokerRestartIT}
 * is where that net is tested). {@code -Dfailover.claims=20000} runs the same with more claims.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineFailoverIT {

    static final int CLAIMS = Integer.getInteger("failover.claims", 400);
    static final Duration LEASE_TIME = Duration.ofSeconds(3);
    static final Duration PATIENCE = Duration.ofSeconds(60).plusMillis(CLAIMS * 20L);

    String broker;
    TcpProxy proxy;
    ApiServer api;
    WriteTrace trace;
    Mutating mutating;
    final List<EngineProcess> engines = new ArrayList<>();

    @BeforeAll
    void startApi() {
        broker = TestServices.amqpUrl();
        URI uri = URI.create(broker);
        proxy = TcpProxy.to(uri.getHost(), uri.getPort() == -1 ? 5672 : uri.getPort());
        api = ApiServer.start("failover", proxy.amqpUrl(broker), Duration.ofHours(1));
        trace = WriteTrace.install(api.sql());
        mutating = new Mutating(api.client(), api.sql());
    }

    @AfterEach
    void stopEngines() {
        engines.forEach(EngineProcess::close);
        engines.clear();
        proxy.restore();
    }

    @AfterAll
    void stopApi() {
        if (api != null) api.close();
        if (proxy != null) proxy.close();
    }

    EngineProcess engine(String name, String amqpUrl) {
        EngineProcess engine = EngineProcess.start(name, api.database(), amqpUrl, api.route(), LEASE_TIME);
        engines.add(engine);
        return engine;
    }

    void awaitAdjudicated(ClaimWave wave) {
        Await.until(
                "every claim of the wave adjudicated",
                PATIENCE,
                () -> wave.waiting() == 0,
                () -> api.state(wave.ids()));
    }

    @Test
    void an_engine_killed_in_the_middle_of_a_batch_and_started_again_adjudicates_every_claim_once() {
        ClaimWave before = ClaimWave.enter(api.sql(), "kill-before", CLAIMS / 2);
        ClaimWave during = ClaimWave.enter(api.sql(), "kill-during", CLAIMS - CLAIMS / 2);
        EngineProcess first = engine("kill-1", broker);
        first.awaitStarted();
        before.handOff(mutating);
        awaitAdjudicated(before);

        Instant killed;
        try (LedgerLock ledger = LedgerLock.take(api.database())) {
            during.handOff(mutating);
            LedgerLock.awaitBlocked(api.sql(), first.name());
            first.kill();
            killed = api.now();
        }
        int left = during.waiting();
        EngineProcess second = engine("kill-2", broker);
        second.awaitStarted();
        awaitAdjudicated(during);

        assertThat(left).as("claims left for the restarted engine").isPositive();
        Map<Integer, Integer> outcomesBefore = ExactlyOnce.assertAdjudicatedOnce(api.sql(), trace, before);
        Map<Integer, Integer> outcomesDuring = ExactlyOnce.assertAdjudicatedOnce(api.sql(), trace, during);
        System.out.printf(
                "kill: claims by status before %s, during %s; %d left at the kill%n",
                outcomesBefore, outcomesDuring, left);
        List<Write> writes = trace.writes(during.ids());
        assertThat(writes)
                .as("the killed engine's open batches never committed")
                .filteredOn(
                        w -> w.engine().equals(first.name()) && w.committed().isAfter(killed))
                .isEmpty();
        assertThat(writes)
                .as("the restarted engine finished the wave")
                .filteredOn(w -> w.engine().equals(second.name()))
                .isNotEmpty();
    }

    @Test
    void an_engine_whose_broker_connection_is_cut_and_restored_adjudicates_every_claim_once() {
        ClaimWave before = ClaimWave.enter(api.sql(), "cut-before", CLAIMS / 3);
        ClaimWave during = ClaimWave.enter(api.sql(), "cut-during", CLAIMS / 3);
        ClaimWave whileCut = ClaimWave.enter(api.sql(), "cut-while", CLAIMS - 2 * (CLAIMS / 3));
        EngineProcess engine = engine("cut", proxy.amqpUrl(broker));
        engine.awaitStarted();
        before.handOff(mutating);
        awaitAdjudicated(before);

        Instant cut;
        try (LedgerLock ledger = LedgerLock.take(api.database())) {
            during.handOff(mutating);
            LedgerLock.awaitBlocked(api.sql(), engine.name());
            proxy.cut();
            cut = api.now();
        }
        // the batches that waited at the ledger commit now, with no connection left to acknowledge them on
        Await.until(
                "a batch begun before the cut committed after it",
                PATIENCE,
                () -> !spanning(trace.writes(during.ids()), engine.name(), cut).isEmpty(),
                () -> api.state(during.ids()) + "\ncut at " + cut + ", writes " + trace.writes(during.ids())
                        + "\nengine sessions "
                        + api.sql()
                                .sql("select concat_ws(' ', state, wait_event_type, wait_event, xact_start,"
                                        + " left(query, 80)) from pg_stat_activity where application_name = :name")
                                .param("name", engine.name())
                                .query(String.class)
                                .list()
                        + "\nengine log:\n" + engine.lastLines(60));
        whileCut.handOff(mutating);
        Await.until(
                "the api's relay tried to publish while the broker was unreachable",
                PATIENCE,
                () -> api.sql()
                                .sql("select count(*) from outbox where aggregate_id = any(:ids) and attempts > 0"
                                        + " and published_at is null")
                                .param("ids", whileCut.ids())
                                .query(Integer.class)
                                .single()
                        > 0);
        // the outage lasts until the engine has been refused too (its consumers retry every 5 s)
        Await.until(
                "engine cut refused by the broker's address",
                PATIENCE,
                () -> engine.output().contains("Connection refused"));
        proxy.restore();
        awaitAdjudicated(during);
        awaitAdjudicated(whileCut);

        Map<Integer, Integer> outcomesBefore = ExactlyOnce.assertAdjudicatedOnce(api.sql(), trace, before);
        Map<Integer, Integer> outcomesDuring = ExactlyOnce.assertAdjudicatedOnce(api.sql(), trace, during);
        Map<Integer, Integer> outcomesWhileCut = ExactlyOnce.assertAdjudicatedOnce(api.sql(), trace, whileCut);
        System.out.printf(
                "cut: claims by status before %s, during %s, while cut %s; %d committed after their connection was cut%n",
                outcomesBefore,
                outcomesDuring,
                outcomesWhileCut,
                spanning(trace.writes(during.ids()), engine.name(), cut).size());
    }

    @Test
    void two_engines_split_the_partitions_never_adjudicate_a_family_at_once_and_one_takes_over_when_the_other_dies() {
        ClaimWave together = ClaimWave.enter(api.sql(), "pair-together", CLAIMS / 2);
        ClaimWave alone = ClaimWave.enter(api.sql(), "pair-alone", CLAIMS - CLAIMS / 2);
        EngineProcess a = engine("pair-a", broker);
        EngineProcess b = engine("pair-b", broker);
        String memberA = a.awaitStarted();
        String memberB = b.awaitStarted();
        int half = api.route().partitions() / 2;
        Await.until(
                "the partitions split between the two engines",
                Duration.ofSeconds(30),
                () -> api.leases(memberA).cardinality() == half
                        && api.leases(memberB).cardinality() == half,
                () -> api.state(new long[0]));
        BitSet ofA = api.leases(memberA);
        BitSet ofB = api.leases(memberB);
        Map<String, BitSet> held = Map.of(a.name(), ofA, b.name(), ofB);
        together.handOff(mutating);
        awaitAdjudicated(together);
        List<Write> split = trace.writes(together.ids());

        long killedNanos;
        Instant killed;
        try (LedgerLock ledger = LedgerLock.take(api.database())) {
            alone.handOff(mutating);
            LedgerLock.awaitBlocked(api.sql(), b.name());
            b.kill();
            killedNanos = System.nanoTime();
            killed = api.now();
        }
        Await.until(
                "engine pair-a holds every partition",
                Duration.ofSeconds(30),
                () -> api.leases(memberA).cardinality() == api.route().partitions(),
                () -> api.state(new long[0]));
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedNanos);
        awaitAdjudicated(alone);

        assertThat(ofA.intersects(ofB)).isFalse();
        assertThat(split.stream().map(Write::engine).collect(Collectors.toSet()))
                .as("both engines adjudicated claims")
                .containsExactlyInAnyOrder(a.name(), b.name());
        assertThat(split)
                .as("each claim written by the engine that held its family's partition")
                .allSatisfy(w -> assertThat(java.util.Objects.requireNonNull(held.get(w.engine()))
                                .get(api.route().partitionOf(w.family())))
                        .as("claim %d by %s", w.claimId(), w.engine())
                        .isTrue());
        Map<Integer, Integer> outcomesTogether = ExactlyOnce.assertAdjudicatedOnce(api.sql(), trace, together);
        Map<Integer, Integer> outcomesAlone = ExactlyOnce.assertAdjudicatedOnce(api.sql(), trace, alone);
        System.out.printf(
                "two engines: claims by status together %s, alone %s; takeover in %d ms%n",
                outcomesTogether, outcomesAlone, takeover.toMillis());
        assertThat(takeover).as("pair-a took over pair-b's partitions").isLessThan(Duration.ofSeconds(10));

        List<Write> after = trace.writes(alone.ids());
        assertThat(after)
                .as("the killed engine committed nothing after its death")
                .filteredOn(w -> w.engine().equals(b.name()) && w.committed().isAfter(killed))
                .isEmpty();
        assertThat(after)
                .as("pair-a finished claims of pair-b's partitions")
                .filteredOn(
                        w -> w.engine().equals(a.name()) && ofB.get(api.route().partitionOf(w.family())))
                .isNotEmpty();
        long[] all = LongStream.concat(LongStream.of(together.ids()), LongStream.of(alone.ids()))
                .toArray();
        List<WriteTrace.Transaction> transactions =
                WriteTrace.transactions(trace.writes(all), family -> api.route().partitionOf(family));
        assertThat(transactions.stream().map(WriteTrace.Transaction::engine).collect(Collectors.toSet()))
                .isEqualTo(Set.of(a.name(), b.name()));
        assertThat(WriteTrace.overlaps(transactions, false))
                .as("a family adjudicated by two transactions at once")
                .isEmpty();
        assertThat(WriteTrace.overlaps(transactions, true))
                .as("a partition adjudicated by two transactions at once")
                .isEmpty();
    }

    /** The writes by {@code engine} of transactions that began before {@code instant} and committed after it. */
    static List<Write> spanning(List<Write> writes, String engine, Instant instant) {
        return writes.stream()
                .filter(w -> w.engine().equals(engine)
                        && w.began().isBefore(instant)
                        && w.committed().isAfter(instant))
                .toList();
    }
}
