package org.healthclaims.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.engine.check.CheckAdjudicator;
import org.healthclaims.engine.intake.Adjudicator;
import org.healthclaims.engine.intake.LeaseFence;
import org.healthclaims.engine.intake.PartitionIntake;
import org.healthclaims.engine.intake.Topology;
import org.healthclaims.engine.kernel.LineValues;
import org.healthclaims.engine.kernel.RuleSet;
import org.healthclaims.engine.lease.PartitionLeases;
import org.healthclaims.engine.valuation.ValuationAdjudicator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One claims engine: it keeps its share of the partition leases (a tick every third of the lease time) and consumes
 * the queues of the partitions it holds, adjudicating their claims in batches. Runs as a process of its own
 * ({@link EngineApplication}) or inside the api's JVM in zero-setup mode. If it cannot renew its leases for a
 * whole lease time (the database is away), it stops consuming before another engine may take them over.
 */
public final class ClaimsEngine {

    /** CLAIMS_ENGINE_* settings. */
    public record Settings(
            int batchSize,
            Duration maxBatchWait,
            int maxAttempts,
            Duration firstRetryPause,
            Duration leaseTime,
            RuleSet rules) {

        public Settings {
            if (leaseTime.compareTo(Duration.ofMillis(300)) < 0)
                throw new IllegalArgumentException("the lease time is at least 300 ms, was " + leaseTime);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ClaimsEngine.class);

    private final PartitionLeases leases;
    private final ConnectionFactory broker;
    private final AdjudicationRoute route;
    private final PartitionIntake intake;
    private final Duration leaseTime;
    /**
     * Declares the topology again on every new broker connection: a broker that comes back empty (the embedded one
     * keeps nothing) has no queues, and the partition consumers give up on a queue still missing after a few tries.
     */
    private final ConnectionListener redeclare = connection -> declareTopology();

    private volatile boolean running;
    private @Nullable Thread ticking;

    public ClaimsEngine(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ConnectionFactory broker,
            AdjudicationRoute route,
            Settings settings,
            String member) {
        this(jdbc, transactions, broker, route, settings, member, Clock.systemDefaultZone());
    }

    /** With the clock that stamps the results (tests set the day a scenario happens on). */
    public ClaimsEngine(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ConnectionFactory broker,
            AdjudicationRoute route,
            Settings settings,
            String member,
            Clock clock) {
        this.leaseTime = settings.leaseTime();
        this.broker = broker;
        this.route = route;
        // the leases are made after the intake (it is their listener); the fence reaches them once they exist
        AtomicReference<@Nullable PartitionLeases> fenced = new AtomicReference<>();
        LeaseFence fence = partitions ->
                java.util.Objects.requireNonNull(fenced.get(), "no leases yet").fence(partitions);
        this.intake = new PartitionIntake(
                broker,
                route,
                new PartitionIntake.Settings(
                        settings.batchSize(),
                        settings.maxBatchWait(),
                        settings.maxAttempts(),
                        settings.firstRetryPause()),
                adjudicator(jdbc, transactions, settings, clock, fence),
                (event, message, reason) -> jdbc.sql("""
                                insert into adjudication_failure (claim_id, outbox_id, event_type, reason, message)
                                values (:claim, :outbox, :type, :reason, :message)""")
                        .param("claim", event == null ? null : event.claimId())
                        .param("outbox", event == null ? null : event.outboxId())
                        .param("type", event == null ? null : event.eventType())
                        .param("reason", reason)
                        .param("message", message)
                        .update());
        this.leases = new PartitionLeases(jdbc, member, route.partitions(), settings.leaseTime(), intake);
        fenced.set(leases);
    }

    /** The check step, then the processing step, each in its own transaction: an event retried redoes only what is left. */
    private static Adjudicator adjudicator(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Settings settings,
            Clock clock,
            LeaseFence fence) {
        ValuationAdjudicator valuation =
                new ValuationAdjudicator(jdbc, transactions, settings.rules(), settings.batchSize(), clock, fence);
        CheckAdjudicator check = new CheckAdjudicator(
                jdbc, transactions, settings.rules(), settings.batchSize(), clock, fence, valuation::reserve);
        return batch -> {
            check.adjudicate(batch);
            valuation.adjudicate(batch);
        };
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        broker.addConnectionListener(redeclare);
        declareTopology();
        ticking = Thread.ofVirtual().name("claims-engine-leases").start(this::keepLeases);
        log.info("claims engine {} started", leases.member());
        if (!LineValues.VECTORISED)
            log.warn("the Vector API is not in this JVM (java --add-modules jdk.incubator.vector): lines are valued"
                    + " by the scalar pass");
    }

    /** Stops consuming and frees the leases at once, so the other engines take over without waiting. */
    /** The queues this engine consumes, in case no api declared them yet; a broker that is away is retried later. */
    private void declareTopology() {
        try {
            RabbitAdmin admin = new RabbitAdmin(broker);
            TopicExchange exchange = Topology.exchange(route);
            admin.declareExchange(exchange);
            for (Declarable declarable : Topology.queues(route, exchange).getDeclarables())
                switch (declarable) {
                    case Queue queue -> admin.declareQueue(queue);
                    case Binding binding -> admin.declareBinding(binding);
                    default -> {}
                }
        } catch (AmqpException e) {
            log.warn("claims engine {} could not declare its queues yet: {}", leases.member(), e.getMessage());
        }
    }

    public synchronized void stop() {
        if (!running) return;
        running = false;
        broker.removeConnectionListener(redeclare);
        Thread thread = ticking;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(leaseTime.multipliedBy(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // every consumer at once (each finishing its batch), then the leases: the partitions are free only when no
        // batch of them can still commit (and a batch that outlived the wait is held off by the lease fence)
        intake.stop();
        try {
            leases.leave();
        } catch (RuntimeException e) {
            // the leases expire by themselves
            log.warn("claims engine {} could not free its leases: {}", leases.member(), e.getMessage());
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void keepLeases() {
        long lastRenewed = System.nanoTime();
        while (running) {
            try {
                leases.tick();
                lastRenewed = System.nanoTime();
            } catch (RuntimeException e) {
                log.warn("claims engine {} cannot renew its leases: {}", leases.member(), e.getMessage());
                // past the lease time another engine may hold them: stop before that can happen
                if (System.nanoTime() - lastRenewed > leaseTime.toNanos() * 2 / 3) leases.dropAll();
            }
            try {
                Thread.sleep(leaseTime.dividedBy(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
