package org.healthclaims.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.healthclaims.api.broker.EmbeddedBroker;
import org.healthclaims.api.testing.Mutating;
import org.healthclaims.domain.broker.AmqpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The zero-setup broker (Qpid, in memory) restarted under a running api and engine: everything queued and every
 * unacknowledged delivery is gone, exchange and queues too. The outbox is what recovers the claims: the api
 * republishes the events of claims still waiting after {@code outbox.resend-after} (2 s here), and declares the
 * topology again on its new connection; the engine reconnects and declares its queues again. Every claim must
 * still be adjudicated exactly once.
 *
 * <p>The broker comes back on another port (it picks a free one); the api and the engine reach it through a proxy
 * that keeps their address, as a restarted broker on a fixed port would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerRestartIT {

    static final int CLAIMS = Integer.getInteger("failover.claims", 400);
    static final Duration PATIENCE = Duration.ofSeconds(90).plusMillis(CLAIMS * 20L);

    EmbeddedBroker broker;
    TcpProxy proxy;
    String amqpUrl;
    ApiServer api;
    WriteTrace trace;
    Mutating mutating;
    final List<EngineProcess> engines = new ArrayList<>();

    @BeforeAll
    void start() {
        broker = EmbeddedBroker.start();
        proxy = TcpProxy.to("127.0.0.1", broker.port());
        amqpUrl = proxy.amqpUrl(broker.url());
        api = ApiServer.start("restart", amqpUrl, Duration.ofSeconds(2));
        trace = WriteTrace.install(api.sql());
        mutating = new Mutating(api.client(), api.sql());
    }

    @AfterEach
    void stopEngines() {
        engines.forEach(EngineProcess::close);
        engines.clear();
    }

    @AfterAll
    void stop() {
        if (api != null) api.close();
        if (proxy != null) proxy.close();
        if (broker != null) broker.close();
    }

    EngineProcess engine(String name) {
        EngineProcess engine = EngineProcess.start(name, api.database(), amqpUrl, api.route(), Duration.ofSeconds(3));
        engines.add(engine);
        return engine;
    }

    /** Stops the broker, losing all it held, and starts an empty one behind the proxy; answers when, by the database. */
    Instant restartBroker() {
        broker.close();
        broker = EmbeddedBroker.start();
        proxy.retarget(broker.port());
        return api.now();
    }

    void awaitAdjudicated(ClaimWave wave) {
        Await.until(
                "every claim of the wave adjudicated",
                PATIENCE,
                () -> wave.waiting() == 0,
                () -> api.state(wave.ids()));
    }

    @Test
    void after_the_broker_restarts_under_a_batch_the_outbox_publishes_again_and_every_claim_is_adjudicated_once() {
        ClaimWave before = ClaimWave.enter(api.sql(), "restart-before", CLAIMS / 2);
        ClaimWave during = ClaimWave.enter(api.sql(), "restart-during", CLAIMS - CLAIMS / 2);
        EngineProcess engine = engine("restart");
        engine.awaitStarted();
        before.handOff(mutating);
        awaitAdjudicated(before);

        Instant restarted;
        try (LedgerLock ledger = LedgerLock.take(api.database())) {
            during.handOff(mutating);
            LedgerLock.awaitBlocked(api.sql(), engine.name());
            restarted = restartBroker();
        }
        int lost = during.waiting();
        awaitAdjudicated(during);

        assertThat(lost).as("claims waiting when the broker came back empty").isPositive();
        Map<Integer, Integer> outcomesBefore = ExactlyOnce.assertAdjudicatedOnce(api.sql(), trace, before);
        Map<Integer, Integer> outcomesDuring = ExactlyOnce.assertAdjudicatedOnce(api.sql(), trace, during);
        System.out.printf(
                "broker restart: claims by status before %s, during %s; %d waiting at the restart%n",
                outcomesBefore, outcomesDuring, lost);
        assertThat(api.sql()
                        .sql("""
                                select count(*) from outbox
                                 where aggregate_id = any(:ids) and attempts > 1 and published_at > :restarted""")
                        .param("ids", during.ids())
                        .param("restarted", java.sql.Timestamp.from(restarted))
                        .query(Integer.class)
                        .single())
                .as("events the outbox published again after the restart")
                .isPositive();
        assertThat(trace.writes(during.ids()))
                .as("the engine adjudicated after the restart")
                .anyMatch(w -> w.committed().isAfter(restarted));
    }

    @Test
    void after_the_broker_restarts_with_nothing_in_flight_the_engine_declares_and_consumes_its_queues_again() {
        ClaimWave before = ClaimWave.enter(api.sql(), "idle-before", CLAIMS / 4);
        ClaimWave after = ClaimWave.enter(api.sql(), "idle-after", CLAIMS / 4);
        EngineProcess engine = engine("idle");
        engine.awaitStarted();
        before.handOff(mutating);
        awaitAdjudicated(before);

        restartBroker();
        // nothing waits in the outbox, so the api has no reason to connect: the engine must not wait for it
        CachingConnectionFactory direct = new CachingConnectionFactory(AmqpUrl.parse(broker.url()));
        try {
            RabbitAdmin admin = new RabbitAdmin(direct);
            Await.until(
                    "every partition queue declared again and consumed",
                    Duration.ofSeconds(30),
                    () -> {
                        for (int p = 0; p < api.route().partitions(); p++) {
                            Properties queue =
                                    admin.getQueueProperties(api.route().queue(p));
                            if (queue == null
                                    || !"1".equals(String.valueOf(queue.get(RabbitAdmin.QUEUE_CONSUMER_COUNT))))
                                return false;
                        }
                        return true;
                    },
                    engine::output);
        } finally {
            direct.destroy();
        }
        after.handOff(mutating);
        awaitAdjudicated(after);

        ExactlyOnce.assertAdjudicatedOnce(api.sql(), trace, before);
        ExactlyOnce.assertAdjudicatedOnce(api.sql(), trace, after);
    }
}
