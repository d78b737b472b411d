package org.healthclaims.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.healthclaims.api.testing.TestServices;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.domain.broker.AmqpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** The engine's intake on the test broker: batches, acknowledgement after the adjudicator, retries and parking. */
class PartitionIntakeIT {

    CachingConnectionFactory broker;
    RabbitAdmin admin;
    RabbitTemplate rabbit;
    AdjudicationRoute route;

    @org.jspecify.annotations.Nullable
    PartitionIntake intake;

    final List<String> listed = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void topology() {
        broker = new CachingConnectionFactory(AmqpUrl.parse(TestServices.amqpUrl()));
        admin = new RabbitAdmin(broker);
        rabbit = new RabbitTemplate(broker);
        route = new AdjudicationRoute(TestServices.amqpPrefix() + "intake-" + UUID.randomUUID() + ".", 1);
        TopicExchange exchange = new TopicExchange(route.exchange(), false, true);
        Queue queue =
                QueueBuilder.nonDurable(route.queue(0)).singleActiveConsumer().build();
        admin.declareExchange(exchange);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(route.routingKey(0)));
        admin.declareQueue(QueueBuilder.nonDurable(route.parkedQueue()).build());
    }

    @AfterEach
    void close() {
        if (intake != null) intake.stop();
        admin.deleteQueue(route.queue(0));
        admin.deleteQueue(route.parkedQueue());
        admin.deleteExchange(route.exchange());
        broker.destroy();
    }

    void publish(long claimId) {
        String body = """
                {"outboxId": %d, "eventType": "claim.check", "aggregateType": "claim", "aggregateId": %d,
                 "partition": 0, "payload": {"mutationLogId": "%s"}}""".formatted(claimId, claimId, UUID.randomUUID());
        rabbit.send(
                route.exchange(),
                route.routingKey(0),
                MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8))
                        .setMessageId("outbox-" + claimId)
                        .build());
    }

    int waiting(String queue) {
        Properties info = admin.getQueueProperties(queue);
        return info == null ? -1 : Integer.parseInt(String.valueOf(info.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)));
    }

    static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    PartitionIntake intake(Adjudicator adjudicator, int batchSize, int maxAttempts) {
        PartitionIntake intake = new PartitionIntake(
                broker,
                route,
                new PartitionIntake.Settings(batchSize, Duration.ofMillis(100), maxAttempts, Duration.ofMillis(10)),
                adjudicator,
                (event, message, reason) -> listed.add(reason));
        this.intake = intake;
        return intake;
    }

    @Test
    void events_come_in_order_in_batches_of_at_most_n_and_are_acknowledged_once_adjudicated() throws Exception {
        for (long claim = 1; claim <= 50; claim++) publish(claim);
        List<List<Long>> batches = Collections.synchronizedList(new ArrayList<>());
        intake(batch -> batches.add(batch.stream().map(ClaimEvent::claimId).toList()), 20, 3)
                .assigned(0);

        await(() -> batches.stream().mapToInt(List::size).sum() == 50, "50 events adjudicated");
        await(() -> waiting(route.queue(0)) == 0, "the queue drained");

        assertThat(batches).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(20));
        assertThat(batches.stream().flatMap(List::stream).toList())
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(waiting(route.parkedQueue())).isZero();
    }

    @Test
    void a_claim_that_keeps_failing_is_parked_with_its_reason_and_the_others_go_through_in_order() throws Exception {
        for (long claim = 1; claim <= 30; claim++) publish(claim);
        List<Long> done = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger poisonTries = new AtomicInteger();
        intake(
                        batch -> {
                            for (ClaimEvent event : batch)
                                if (event.claimId() == 13) {
                                    poisonTries.incrementAndGet();
                                    throw new IllegalStateException("claim 13 cannot be loaded");
                                }
                            for (ClaimEvent event : batch) done.add(event.claimId());
                        },
                        8,
                        3)
                .assigned(0);

        await(() -> waiting(route.parkedQueue()) == 1, "claim 13 parked");
        await(() -> done.size() == 29, "the 29 others adjudicated");

        Message parked = rabbit.receive(route.parkedQueue());
        assertThat(parked).isNotNull();
        Map<String, Object> headers =
                java.util.Objects.requireNonNull(parked).getMessageProperties().getHeaders();
        assertThat(String.valueOf(headers.get(PartitionIntake.REASON_HEADER)))
                .contains("failed 3 times")
                .contains("claim 13 cannot be loaded");
        assertThat(new String(parked.getBody(), StandardCharsets.UTF_8)).contains("\"aggregateId\": 13");
        assertThat(done)
                .doesNotContain(13L)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 30)
                        .filter(c -> c != 13)
                        .boxed()
                        .toList());
        assertThat(poisonTries.get()).as("its batch, then alone three times").isEqualTo(4);
        assertThat(listed).singleElement().asString().contains("claim 13 cannot be loaded");
        assertThat(waiting(route.queue(0))).isZero();
    }

    @Test
    void a_failure_that_passes_is_retried_and_not_parked() throws Exception {
        for (long claim = 1; claim <= 5; claim++) publish(claim);
        Map<Long, Integer> tries = new ConcurrentHashMap<>();
        List<Long> done = Collections.synchronizedList(new ArrayList<>());
        intake(
                        batch -> {
                            for (ClaimEvent event : batch)
                                if (event.claimId() == 4 && tries.merge(4L, 1, Integer::sum) == 1)
                                    throw new IllegalStateException("the database went away for a moment");
                            for (ClaimEvent event : batch) done.add(event.claimId());
                        },
                        10,
                        3)
                .assigned(0);

        await(() -> done.contains(4L) && done.size() >= 5, "every claim adjudicated");

        // the retry happens in place: the family's later claims wait for it
        assertThat(done).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(waiting(route.parkedQueue())).isZero();
    }

    @Test
    void a_message_that_is_no_claim_event_is_parked_at_once() throws Exception {
        rabbit.send(
                route.exchange(),
                route.routingKey(0),
                MessageBuilder.withBody("{not json".getBytes()).build());
        publish(1);
        List<Long> done = Collections.synchronizedList(new ArrayList<>());
        intake(batch -> batch.forEach(e -> done.add(e.claimId())), 10, 3).assigned(0);

        await(() -> waiting(route.parkedQueue()) == 1 && done.size() == 1, "parked and adjudicated");

        Message parked = java.util.Objects.requireNonNull(rabbit.receive(route.parkedQueue()));
        assertThat(String.valueOf(parked.getMessageProperties().getHeaders().get(PartitionIntake.REASON_HEADER)))
                .startsWith("not a claim event");
    }

    @Test
    void a_revoked_partition_is_no_longer_consumed() throws Exception {
        List<Long> done = Collections.synchronizedList(new ArrayList<>());
        PartitionIntake intake = intake(batch -> batch.forEach(e -> done.add(e.claimId())), 10, 3);
        intake.assigned(0);
        publish(1);
        await(() -> done.size() == 1, "the first event adjudicated");

        intake.revoked(0);
        publish(2);
        Thread.sleep(500);

        assertThat(done).containsExactly(1L);
        Message left = rabbit.receive(route.queue(0));
        assertThat(left).as("the second event waits in its queue").isNotNull();
        assertThat(new String(java.util.Objects.requireNonNull(left).getBody(), StandardCharsets.UTF_8))
                .contains("\"aggregateId\": 2");
    }
}
