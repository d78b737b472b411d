package org.healthclaims.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.healthclaims.api.broker.AmqpProperties;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.Mutating;
import org.healthclaims.api.testing.TestServices;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.domain.broker.AmqpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The outbox relay against the real broker: routed, confirmed, once per row across relays, patient with outages. */
class OutboxRelayIT extends ApiTest {

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ConnectionFactory broker;

    @Autowired
    AmqpProperties amqp;

    @Autowired
    JsonMapper json;

    CachingConnectionFactory own;
    RabbitTemplate queues;
    AdjudicationRoute route;
    Mutating m;

    @BeforeEach
    void connect() {
        own = new CachingConnectionFactory(AmqpUrl.parse(TestServices.amqpUrl()));
        queues = new RabbitTemplate(own);
        route = amqp.route();
        m = new Mutating(client(), sql());
    }

    @AfterEach
    void disconnect() {
        relay.stop();
        own.destroy();
    }

    OutboxRelay relay(ConnectionFactory to, int batchSize) {
        return new OutboxRelay(
                jdbc,
                transactions,
                to,
                amqp,
                new OutboxRelay.OutboxProperties(
                        false, Duration.ofMillis(50), batchSize, Duration.ofSeconds(10), Duration.ofMinutes(5)),
                json);
    }

    /** Every message now in the partition queues (and so taken off them) whose aggregate type is {@code type}. */
    List<JsonNode> drain(String type) {
        List<JsonNode> found = new ArrayList<>();
        for (int p = 0; p < route.partitions(); p++) {
            for (Message message = queues.receive(route.queue(p));
                    message != null;
                    message = queues.receive(route.queue(p))) {
                JsonNode body = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
                if (body.path("aggregateType").asString().equals(type)) {
                    assertThat(body.path("partition").asInt())
                            .as("the queue it was routed to")
                            .isEqualTo(p);
                    found.add(body);
                }
            }
        }
        return found;
    }

    void insertRows(String type, int count) {
        sql().sql("""
                        insert into outbox (aggregate_type, aggregate_id, event_type, partition_key, payload)
                        select :type, i, 'test.ping', i, jsonb_build_object('n', i) from generate_series(1, :count) i""").param("type", type).param("count", count).update();
    }

    String submitted() {
        Map<String, Object> input = new HashMap<>();
        String code = "O" + UUID.randomUUID().toString().substring(0, 12);
        input.put("code", code);
        input.put("insureeId", (int) m.id("select id from insuree where chf_id = '100000002' and validity_to is null"));
        input.put("healthFacilityId", (int)
                m.id("select id from health_facility where code = 'HF-D1' and validity_to is null"));
        input.put("icdId", (int) m.id("select id from diagnosis where code = 'B54'"));
        input.put("dateFrom", LocalDate.now().toString());
        input.put("dateClaimed", LocalDate.now().toString());
        input.put(
                "items",
                List.of(Map.of(
                        "itemId",
                                (int) m.id("select id from medical_item where code = 'I0001' and validity_to is null"),
                        "qtyProvided", "3",
                        "priceAsked", "10")));
        m.ok(m.send("claimadmin", "createClaim", "CreateClaimMutationInput", input), "createClaim");
        String uuid = sql().sql("select uuid::text from claim where code = :code and validity_to is null")
                .param("code", code)
                .query(String.class)
                .single();
        m.ok(
                m.send("claimadmin", "submitClaims", "ClaimUuidsMutationInput", Map.of("uuids", List.of(uuid))),
                "submitClaims");
        return uuid;
    }

    Map<String, Object> outboxOf(String claimUuid) {
        return sql().sql("""
                        select o.id, o.published_at is not null as published, o.attempts, o.partition_key
                          from outbox o join claim c on c.id = o.aggregate_id
                         where o.aggregate_type = 'claim' and c.uuid = cast(:uuid as uuid) order by o.id desc limit 1""").param("uuid", claimUuid).query().singleRow();
    }

    @Test
    void a_submitted_claim_is_published_persistent_to_its_family_s_partition_once_confirmed() {
        String uuid = submitted();
        assertThat(outboxOf(uuid).get("published")).isEqualTo(false);
        for (int i = 0; i < 50 && outboxOf(uuid).get("published") != Boolean.TRUE; i++) relay.relayOnce();

        Map<String, Object> row = outboxOf(uuid);
        assertThat(row.get("published")).isEqualTo(true);
        long family = m.id("select family_id from insuree where chf_id = '100000002' and validity_to is null");
        assertThat(Long.parseLong(String.valueOf(row.get("partition_key")))).isEqualTo(family);
        String queue = route.queue(route.partitionOf(family));
        Message found = null;
        for (Message message = queues.receive(queue); message != null && found == null; message = queues.receive(queue))
            if (new String(message.getBody(), StandardCharsets.UTF_8).contains(uuid)) found = message;

        assertThat(found).as("the claim's message in " + queue).isNotNull();
        Message message = java.util.Objects.requireNonNull(found);
        assertThat(message.getMessageProperties().getMessageId()).isEqualTo("outbox-" + row.get("id"));
        assertThat(message.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(message.getMessageProperties().getType()).isEqualTo("claim.check");
        JsonNode body = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
        assertThat(body.path("payload").path("claimUuid").asString()).isEqualTo(uuid);
        assertThat(body.path("payload").path("mutationLogId").asString()).isNotBlank();
    }

    @Test
    void relays_running_at_once_publish_every_row_exactly_once() throws Exception {
        String type = "relay-test-" + UUID.randomUUID();
        insertRows(type, 600);
        List<OutboxRelay> relays = List.of(relay, relay(broker, 25), relay(broker, 40), relay(broker, 7));
        List<Future<Integer>> runs = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(relays.size())) {
            for (OutboxRelay r : relays)
                runs.add(threads.submit(() -> {
                    int confirmed = 0;
                    for (int idle = 0; idle < 3; ) {
                        int n = r.relayOnce();
                        confirmed += n;
                        idle = n == 0 ? idle + 1 : 0;
                    }
                    return confirmed;
                }));
        }
        int confirmed = 0;
        for (Future<Integer> run : runs) confirmed += run.get();

        List<JsonNode> messages = drain(type);
        Set<Long> ids = new HashSet<>();
        for (JsonNode message : messages) {
            ids.add(message.path("outboxId").asLong());
            assertThat(message.path("partition").asInt())
                    .isEqualTo(route.partitionOf(message.path("aggregateId").asLong()));
        }
        assertThat(messages).as("messages").hasSize(600);
        assertThat(ids).as("distinct rows").hasSize(600);
        assertThat(confirmed).isGreaterThanOrEqualTo(600);
        assertThat(m.id("select count(*) from outbox where aggregate_type = ? and published_at is null", type))
                .isZero();
    }

    @Test
    void rows_wait_with_their_attempts_counted_while_the_broker_is_out_of_reach() {
        String type = "outage-test-" + UUID.randomUUID();
        insertRows(type, 5);
        CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", 1);
        try {
            OutboxRelay cut = relay(nowhere, 10_000);
            assertThat(cut.relayOnce()).isZero();
        } finally {
            nowhere.destroy();
        }
        Map<String, Object> waiting = sql().sql("""
                        select count(*) filter (where published_at is null) as waiting, min(attempts) as attempts,
                               min(last_error) as error
                          from outbox where aggregate_type = :type""").param("type", type).query().singleRow();
        assertThat(String.valueOf(waiting.get("waiting"))).isEqualTo("5");
        assertThat(String.valueOf(waiting.get("attempts"))).isEqualTo("1");
        assertThat(String.valueOf(waiting.get("error"))).startsWith("publish failed");

        for (int i = 0;
                i < 50
                        && m.id("select count(*) from outbox where aggregate_type = ? and published_at is null", type)
                                > 0;
                i++) relay.relayOnce();
        assertThat(drain(type)).hasSize(5);
    }

    @Test
    void the_last_event_of_a_claim_still_waiting_for_its_result_is_published_again() {
        String waiting = submitted();
        String answered = submitted();
        for (int i = 0;
                i < 50
                        && (outboxOf(waiting).get("published") != Boolean.TRUE
                                || outboxOf(answered).get("published") != Boolean.TRUE);
                i++) relay.relayOnce();
        // the engine checked one of them
        sql().sql("update claim set status = 4 where uuid = cast(:uuid as uuid)")
                .param("uuid", answered)
                .update();

        assertThat(relay.resendStale(Duration.ZERO)).isPositive();

        assertThat(outboxOf(waiting).get("published")).isEqualTo(false);
        assertThat(outboxOf(answered).get("published")).isEqualTo(true);
        assertThat(relay.resendStale(Duration.ofHours(1))).isZero();
    }

    @Test
    void the_running_relay_publishes_a_submission_without_being_asked() throws InterruptedException {
        relay.start();
        try {
            String uuid = submitted();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (outboxOf(uuid).get("published") != Boolean.TRUE && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(outboxOf(uuid).get("published")).isEqualTo(true);
        } finally {
            relay.stop();
        }
        assertThat(relay.isRunning()).isFalse();
    }
}
