package org.healthclaims.engine.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.engine.lease.PartitionLeases;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.BatchMessageListener;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes the partition queues this engine holds a lease on (it is the leases' {@link PartitionLeases.Listener}):
 * one consumer per partition, so a family's claims are adjudicated one batch after another, never at once. A
 * consumer gathers up to {@code batchSize} messages or waits {@code maxBatchWait}, hands them to the
 * {@link Adjudicator} (grouped with the other partitions' batches waiting at that moment, {@link
 * GroupedAdjudication}) and acknowledges them only when it has returned, its results committed.
 *
 * <p>A batch that fails is split: each event is tried alone, so one bad claim does not hold back the others. An
 * event that fails alone is tried again after a pause that doubles each time, and after {@code maxAttempts} it is
 * parked on the parked queue with the reason. A message that is not an event at all is parked at once. Retrying and parking are the application's (no broker-specific queue arguments), so the
 * embedded broker behaves as RabbitMQ does.
 */
public final class PartitionIntake implements PartitionLeases.Listener {

    /** The intake's settings. */
    public record Settings(int batchSize, Duration maxBatchWait, int maxAttempts, Duration firstRetryPause) {

        public Settings {
            if (batchSize < 1 || batchSize > 65_536)
                throw new IllegalArgumentException("the batch size is 1 to 65536, not " + batchSize);
            if (maxAttempts < 1) throw new IllegalArgumentException("max attempts must be >= 1");
        }
    }

    static final String REASON_HEADER = "x-claims-parked-reason";

    /** How long a revoked partition's consumer may take to finish its batch before it is stopped regardless. */
    static final Duration REVOKE_PATIENCE = Duration.ofMinutes(10);

    /** How long a stop waits for the consumers: their batch in progress, and the broker's answer to the cancel. */
    static final Duration STOP_PATIENCE = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(PartitionIntake.class);

    private final ConnectionFactory broker;
    private final AdjudicationRoute route;
    private final Settings settings;
    private final Adjudicator adjudicator;
    private final Adjudicator grouped;
    private final RabbitTemplate rabbit;
    private final JsonMapper json = JsonMapper.shared();
    private final Map<Integer, SimpleMessageListenerContainer> consumers = new HashMap<>();
    private final ParkingLot parkingLot;

    public PartitionIntake(
            ConnectionFactory broker,
            AdjudicationRoute route,
            Settings settings,
            Adjudicator adjudicator,
            ParkingLot parkingLot) {
        this.parkingLot = parkingLot;
        this.broker = broker;
        this.route = route;
        this.settings = settings;
        this.adjudicator = adjudicator;
        this.grouped = new GroupedAdjudication(adjudicator, settings.batchSize());
        this.rabbit = new RabbitTemplate(broker);
    }

    @Override
    public synchronized void assigned(int partition) {
        if (consumers.containsKey(partition)) return;
        SimpleMessageListenerContainer consumer = new SimpleMessageListenerContainer(broker);
        consumer.setQueueNames(route.queue(partition));
        consumer.setConsumerBatchEnabled(true);
        consumer.setBatchSize(settings.batchSize());
        consumer.setPrefetchCount(settings.batchSize());
        consumer.setBatchReceiveTimeout(settings.maxBatchWait().toMillis());
        consumer.setReceiveTimeout(settings.maxBatchWait().toMillis());
        // acknowledged when the listener returns, that is when the batch's results are committed or it is requeued
        consumer.setAcknowledgeMode(AcknowledgeMode.AUTO);
        consumer.setConcurrentConsumers(1);
        // a queue missing (a broker come back empty) is waited for, not given up on: a stopped consumer would leave
        // the partition leased to this engine and consumed by nobody
        consumer.setMissingQueuesFatal(false);
        // a revocation waits for the batch in progress however long it takes (the container gives up after 5 s by
        // default, closing the channel under a batch still running: its messages went to the partition's next
        // consumer while the old one went on, and the family's events were adjudicated out of order)
        consumer.setShutdownTimeout(REVOKE_PATIENCE.toMillis());
        consumer.setMessageListener((BatchMessageListener) batch -> receive(partition, batch));
        consumer.start();
        consumers.put(partition, consumer);
    }

    /** Returns once the partition's consumer has stopped: its batch in progress finished and acknowledged. */
    @Override
    public synchronized void revoked(int partition) {
        SimpleMessageListenerContainer consumer = consumers.remove(partition);
        if (consumer != null) consumer.stop();
    }

    /**
     * Stops every consumer at once, each finishing its batch in progress, and waits for them a bounded time: a
     * broker that no longer answers the consumers' cancel must not hold up the engine's (or the JVM's) shutdown.
     */
    public synchronized void stop() {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(consumers.size());
        for (SimpleMessageListenerContainer consumer : consumers.values()) consumer.stop(stopped::countDown);
        try {
            if (!stopped.await(STOP_PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                log.warn("{} partition consumers had not stopped after {}", stopped.getCount(), STOP_PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumers.clear();
    }

    private void receive(int partition, List<Message> messages) {
        List<ClaimEvent> events = new ArrayList<>(messages.size());
        List<Message> sources = new ArrayList<>(messages.size());
        for (Message message : messages) {
            ClaimEvent event = event(message, partition);
            if (event == null) park(message, null, "not a claim event: " + preview(message));
            else {
                events.add(event);
                sources.add(message);
            }
        }
        if (events.isEmpty()) return;
        try {
            // with the other partitions' batches that are waiting: one batch's cost for them all
            grouped.adjudicate(events);
        } catch (LeaseFence.LeaseLost lost) {
            // not the claims' fault: back to the queue for the partition's new owner, no retry, no parking
            throw lost;
        } catch (RuntimeException batchFailed) {
            if (events.size() == 1) {
                retryOrPark(sources.getFirst(), events.getFirst(), batchFailed);
                return;
            }
            log.atWarn()
                    .addKeyValue("partition", partition)
                    .addKeyValue("events", events.size())
                    .log("a batch failed ({}): adjudicating its events one by one", batchFailed.toString());
            for (int i = 0; i < events.size(); i++) {
                try {
                    adjudicator.adjudicate(List.of(events.get(i)));
                } catch (LeaseFence.LeaseLost lost) {
                    throw lost;
                } catch (RuntimeException failed) {
                    retryOrPark(sources.get(i), events.get(i), failed);
                }
            }
        }
    }

    /**
     * Tries an event alone again, in the partition's own consumer, after pauses that double: the family's later
     * events wait behind it, as they must (a retried event sent to the back of the queue would let a later claim of
     * the family be adjudicated first). Parks it after the last attempt.
     */
    private void retryOrPark(Message message, ClaimEvent event, RuntimeException firstFailure) {
        RuntimeException failure = firstFailure;
        for (int attempt = 2; attempt <= settings.maxAttempts(); attempt++) {
            try {
                Thread.sleep(settings.firstRetryPause().toMillis() << Math.min(attempt - 2, 10));
            } catch (InterruptedException e) {
                // the consumer is stopping: the message is not acknowledged and comes back to whoever holds the queue
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while retrying claim " + event.claimId(), failure);
            }
            try {
                adjudicator.adjudicate(List.of(event));
                return;
            } catch (LeaseFence.LeaseLost lost) {
                throw lost;
            } catch (RuntimeException again) {
                failure = again;
            }
        }
        park(message, event, "failed " + settings.maxAttempts() + " times, last: " + failure);
    }

    private void park(Message message, @Nullable ClaimEvent event, String reason) {
        log.atWarn()
                .addKeyValue("messageId", message.getMessageProperties().getMessageId())
                .log("claim event parked: {}", reason);
        rabbit.send(
                "",
                route.parkedQueue(),
                MessageBuilder.fromMessage(message)
                        .setHeader(REASON_HEADER, reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                        .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                        .build());
        try {
            parkingLot.parked(event, new String(message.getBody(), StandardCharsets.UTF_8), reason);
        } catch (RuntimeException e) {
            // the parked queue holds it all the same; the list is what cannot be written now
            log.warn("a parked claim event could not be listed: {}", e.getMessage());
        }
    }

    /** The event a message carries, or null when it carries none. */
    @Nullable
    ClaimEvent event(Message message, int partition) {
        try {
            JsonNode body = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            String type = body.path("eventType").asString("");
            long claim = body.path("aggregateId").asLong(-1);
            long outbox = body.path("outboxId").asLong(-1);
            if (!type.startsWith("claim.") || claim < 0 || outbox < 0) return null;
            String log = body.path("payload").path("mutationLogId").asString("");
            return new ClaimEvent(
                    outbox,
                    type,
                    claim,
                    body.path("partition").asInt(partition),
                    log.isEmpty() ? null : UUID.fromString(log));
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String preview(Message message) {
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
