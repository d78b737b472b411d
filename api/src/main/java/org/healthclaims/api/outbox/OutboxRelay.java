package org.healthclaims.api.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.healthclaims.api.broker.AmqpProperties;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes outbox rows to the adjudication exchange, routed to their family's partition queue, as persistent
 * messages with publisher confirms; a row is marked published only once the broker has confirmed it (at least
 * once: a crash between the confirm and the commit publishes it again, and the engine's writes are idempotent).
 * Rows are claimed with {@code for update skip locked}, so any number of api processes relay at once without
 * publishing a row twice. While the broker is away the rows wait, their attempts counted, and the relay backs off.
 * PostgreSQL stays the source of truth: the latest event of a claim still waiting for its result after
 * {@code outbox.resend-after} is published again (the embedded broker keeps nothing across a restart).
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    /** OUTBOX_ENABLED, OUTBOX_POLL_INTERVAL, OUTBOX_BATCH_SIZE, OUTBOX_CONFIRM_TIMEOUT, OUTBOX_RESEND_AFTER. */
    @ConfigurationProperties("outbox")
    record OutboxProperties(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("250ms") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("10s") Duration confirmTimeout,
            @DefaultValue("5m") Duration resendAfter) {

        OutboxProperties {
            if (batchSize < 1) throw new IllegalArgumentException("outbox.batch-size must be >= 1");
        }
    }

    /** One row claimed for publishing. */
    record Row(long id, String aggregateType, long aggregateId, String eventType, long partitionKey, String payload) {}

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(5);

    static final String CLAIM = """
            select id, aggregate_type, aggregate_id, event_type, partition_key, payload::text as payload
              from outbox
             where published_at is null
             order by id
             limit :limit
               for update skip locked""";

    /**
     * The latest event of each claim still waiting for the engine's answer to it, published longer ago than
     * {@code :resendAfter}: a check waits while the claim is entered, a valuation while it is checked.
     */
    static final String RESEND = """
            update outbox o set published_at = null
             where o.aggregate_type = 'claim'
               and o.published_at < now() - cast(:resendAfter as interval)
               and o.id = (select max(l.id) from outbox l
                            where l.aggregate_type = o.aggregate_type and l.aggregate_id = o.aggregate_id)
               and exists (select 1 from claim c
                            where c.id = o.aggregate_id and c.validity_to is null
                              and ((o.event_type = 'claim.check' and c.status = 2)
                                or (o.event_type = 'claim.check-and-process' and c.status in (2, 4))
                                or (o.event_type = 'claim.process' and c.status = 4)))""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final RabbitTemplate rabbit;
    private final AdjudicationRoute route;
    private final OutboxProperties properties;
    private final JsonMapper json;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private @Nullable Thread loop;
    private long lastResend = System.nanoTime();

    OutboxRelay(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ConnectionFactory broker,
            AmqpProperties amqp,
            OutboxProperties properties,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.rabbit = new RabbitTemplate(broker);
        // an unroutable message comes back instead of vanishing: it stays unpublished
        this.rabbit.setMandatory(true);
        this.route = amqp.route();
        this.properties = properties;
        this.json = json;
    }

    /** After a transaction that added rows has committed: relay now rather than at the next poll. */
    void nudge() {
        wake.release();
    }

    /**
     * Claims up to a batch of unpublished rows, publishes them and waits for the broker's confirms; answers how many
     * were confirmed. A broker that cannot be reached leaves the rows unpublished with their attempt counted.
     */
    public int relayOnce() {
        return relayBatch().confirmed();
    }

    /** How a batch went: rows claimed, and of those confirmed by the broker. */
    private record Batch(int claimed, int confirmed) {}

    private Batch relayBatch() {
        Batch batch = transaction.execute(status -> {
            List<Row> rows = jdbc.sql(CLAIM)
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> new Row(
                            rs.getLong("id"),
                            rs.getString("aggregate_type"),
                            rs.getLong("aggregate_id"),
                            rs.getString("event_type"),
                            rs.getLong("partition_key"),
                            rs.getString("payload")))
                    .list();
            if (rows.isEmpty()) return new Batch(0, 0);
            List<Long> published = new ArrayList<>();
            String failure = publish(rows, published);
            if (!published.isEmpty())
                jdbc.sql("update outbox set published_at = now(), attempts = attempts + 1, last_error = null"
                                + " where id = any(:ids)")
                        .param(
                                "ids",
                                published.stream().mapToLong(Long::longValue).toArray())
                        .update();
            if (published.size() < rows.size())
                jdbc.sql("update outbox set attempts = attempts + 1, last_error = :error"
                                + " where id = any(:ids) and published_at is null")
                        .param("ids", rows.stream().mapToLong(Row::id).toArray())
                        .param("error", failure == null ? "not confirmed" : failure)
                        .update();
            return new Batch(rows.size(), published.size());
        });
        return batch == null ? new Batch(0, 0) : batch;
    }

    /** Publishes every row, then waits for each confirm; the confirmed ids go to {@code published}. */
    private @Nullable String publish(List<Row> rows, List<Long> published) {
        List<CorrelationData> sent = new ArrayList<>(rows.size());
        String failure = null;
        try {
            // one channel for the whole batch: RabbitMQ keeps the order of messages on a channel only, and a family's
            // events must reach its partition queue in the order they were written (the frequency and limit checks
            // count the claims before); separate sends would rotate through the cached channels
            rabbit.invoke(channel -> {
                for (Row row : rows) {
                    CorrelationData correlation = new CorrelationData(Long.toString(row.id()));
                    int partition = route.partitionOf(row.partitionKey());
                    channel.send(route.exchange(), route.routingKey(partition), message(row, partition), correlation);
                    sent.add(correlation);
                }
                return rows.size();
            });
        } catch (AmqpException e) {
            failure = "publish failed: " + e.getMessage();
        }
        long deadline = System.nanoTime() + properties.confirmTimeout().toNanos();
        for (CorrelationData correlation : sent) {
            try {
                CorrelationData.Confirm confirm =
                        correlation.getFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (confirm.ack() && correlation.getReturned() == null)
                    published.add(Long.parseLong(correlation.getId()));
                else if (failure == null)
                    failure = correlation.getReturned() != null
                            ? "unroutable: " + correlation.getReturned().getReplyText()
                            : "nacked: " + confirm.reason();
            } catch (TimeoutException e) {
                if (failure == null) failure = "no confirm within " + properties.confirmTimeout();
            } catch (ExecutionException e) {
                if (failure == null) failure = "confirm failed: " + e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) failure = "interrupted";
                break;
            }
        }
        return failure;
    }

    private Message message(Row row, int partition) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outboxId", row.id());
        body.put("eventType", row.eventType());
        body.put("aggregateType", row.aggregateType());
        body.put("aggregateId", row.aggregateId());
        body.put("partition", partition);
        body.put("payload", json.readTree(row.payload()));
        return MessageBuilder.withBody(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8))
                .setContentType("application/json")
                .setContentEncoding("UTF-8")
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                // the engine drops a message it has already applied: the outbox id names the event
                .setMessageId("outbox-" + row.id())
                .setType(row.eventType())
                .build();
    }

    /** Marks the stale events of claims still waiting for a result unpublished again; answers how many. */
    public int resendStale(Duration after) {
        return jdbc.sql(RESEND)
                .param("resendAfter", after.toMillis() + " milliseconds")
                .update();
    }

    private void run() {
        Duration backoff = properties.pollInterval();
        boolean failing = false;
        while (running) {
            try {
                if (System.nanoTime() - lastResend
                        > Math.min(properties.resendAfter().toNanos(), 30_000_000_000L)) {
                    lastResend = System.nanoTime();
                    int resent = resendStale(properties.resendAfter());
                    if (resent > 0)
                        log.info(
                                "{} claims without a result after {}: published again",
                                resent,
                                properties.resendAfter());
                }
                Batch batch = relayBatch();
                if (failing && batch.confirmed() > 0) log.info("outbox relay publishing again");
                failing = batch.confirmed() < batch.claimed();
                if (failing) {
                    backoff = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0
                            ? LONGEST_BACKOFF
                            : backoff.multipliedBy(2);
                    pause(backoff);
                } else {
                    backoff = properties.pollInterval();
                    if (batch.claimed() < properties.batchSize()) pause(properties.pollInterval());
                }
            } catch (DataAccessException | AmqpException e) {
                if (!failing) log.warn("outbox relay failing, will retry: {}", e.getMessage());
                failing = true;
                backoff = LONGEST_BACKOFF;
                pause(backoff);
            }
        }
    }

    private void pause(Duration duration) {
        try {
            if (wake.tryAcquire(duration.toNanos(), TimeUnit.NANOSECONDS)) wake.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled();
    }

    @Override
    public void start() {
        if (running) return;
        running = true;
        loop = Thread.ofVirtual().name("outbox-relay").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = loop;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
