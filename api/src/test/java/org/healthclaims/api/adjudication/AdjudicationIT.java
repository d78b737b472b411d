package org.healthclaims.api.adjudication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.broker.AmqpProperties;
import org.healthclaims.api.outbox.OutboxRelay;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.Mutating;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.engine.ClaimsEngine;
import org.healthclaims.engine.kernel.RuleSet;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * The whole way of a submission: submitClaims through GraphQL, the outbox row relayed to the partition queue on the
 * real broker, a claims engine holding the partition's lease checks the claim, and the front-end's poll of
 * mutationLogs sees status 2 with the statistics, the claims query the checked claim.
 */
class AdjudicationIT extends ApiTest {

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

    @Test
    void a_submitted_claim_is_checked_then_valued_by_the_engine_and_each_log_turns_2() throws InterruptedException {
        Mutating m = new Mutating(client(), sql());
        Map<String, Object> input = new HashMap<>();
        String code = "E" + UUID.randomUUID().toString().substring(0, 12);
        input.put("code", code);
        input.put("insureeId", (int) m.id("select id from insuree where chf_id = '100000002' and validity_to is null"));
        input.put("healthFacilityId", (int)
                m.id("select id from health_facility where code = 'HF-D1' and validity_to is null"));
        input.put("icdId", (int) m.id("select id from diagnosis where code = 'B54'"));
        input.put("dateFrom", LocalDate.now().toString());
        input.put("dateClaimed", LocalDate.now().toString());
        int paracetamol = (int) m.id("select id from medical_item where code = 'I0001' and validity_to is null");
        int insulin = (int) m.id("select id from medical_item where code = 'I0005' and validity_to is null");
        input.put(
                "items",
                List.of(
                        Map.of("itemId", paracetamol, "qtyProvided", "4", "priceAsked", "10"),
                        Map.of("itemId", insulin, "qtyProvided", "1", "priceAsked", "200")));
        m.ok(m.send("claimadmin", "createClaim", "CreateClaimMutationInput", input), "createClaim");
        String uuid = sql().sql("select uuid::text from claim where code = :code and validity_to is null")
                .param("code", code)
                .query(String.class)
                .single();

        ClaimsEngine engine = new ClaimsEngine(
                jdbc,
                transactions,
                broker,
                amqp.route(),
                new ClaimsEngine.Settings(
                        64, Duration.ofMillis(20), 2, Duration.ofMillis(10), Duration.ofSeconds(1), RuleSet.MODULAR),
                "adjudication-it-" + UUID.randomUUID());
        relay.start();
        engine.start();
        try {
            String log = m.ok(
                    m.send("claimadmin", "submitClaims", "ClaimUuidsMutationInput", Map.of("uuids", List.of(uuid))),
                    "submitClaims");
            String poll = "{ mutationLogs(id: \"" + log + "\") { edges { node { status jsonExt } } } }";
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonNode node = m.query("claimadmin", poll)
                    .data()
                    .path("mutationLogs")
                    .path("edges")
                    .path(0)
                    .path("node");
            while (node.path("status").asInt() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                node = m.query("claimadmin", poll)
                        .data()
                        .path("mutationLogs")
                        .path("edges")
                        .path(0)
                        .path("node");
            }

            assertThat(node.path("status").asInt()).as(node.toString()).isEqualTo(2);
            assertThat(node.path("jsonExt").asString())
                    .contains("\"checked\": 1", "\"itemsPassed\": 1", "\"itemsRejected\": 1");
            JsonNode claim = m.query(
                            "claimadmin",
                            "{ claim(uuid: \"" + uuid + "\") { status approved items { status rejectionReason } } }")
                    .data()
                    .path("claim");
            assertThat(claim.path("status").asInt()).isEqualTo(4);
            // insulin is not in HF-D1's price list (reason 2); paracetamol is approved at the list's 10
            assertThat(claim.path("approved").asString()).isEqualTo("40.00");
            assertThat(claim.path("items").findValuesAsString("rejectionReason"))
                    .isNotNull();
        } finally {
            engine.stop();
            relay.stop();
        }
    }

    @Test
    void an_event_the_engine_cannot_adjudicate_is_parked_and_listed_with_its_reason() throws InterruptedException {
        Mutating m = new Mutating(client(), sql());
        long claim = m.id("""
                select c.id from claim c join health_facility hf on hf.id = c.health_facility_id
                 where hf.code = 'HF-D1' and c.validity_to is null order by c.id limit 1""");
        long family = m.id(
                "select coalesce(i.family_id, -i.id) from claim c join insuree i on i.id = c.insuree_id"
                        + " where c.id = ?",
                claim);
        AdjudicationRoute route = amqp.route();
        int partition = route.partitionOf(family);
        new RabbitTemplate(broker)
                .send(
                        route.exchange(),
                        route.routingKey(partition),
                        MessageBuilder.withBody(("{\"outboxId\": 987654321, \"eventType\": \"claim.reopen\","
                                                + " \"aggregateType\": \"claim\", \"aggregateId\": " + claim
                                                + ", \"partition\": " + partition + ", \"payload\": {}}")
                                        .getBytes(StandardCharsets.UTF_8))
                                .build());

        ClaimsEngine engine = new ClaimsEngine(
                jdbc,
                transactions,
                broker,
                route,
                new ClaimsEngine.Settings(
                        64, Duration.ofMillis(20), 2, Duration.ofMillis(10), Duration.ofSeconds(1), RuleSet.MODULAR),
                "parking-it-" + UUID.randomUUID());
        engine.start();
        String list = "{ adjudicationFailures(first: 50) { edges { node { claimCode eventType reason } } } }";
        JsonNode found = null;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found == null && System.nanoTime() < deadline) {
                for (JsonNode edge : m.query("accountant", list)
                        .data()
                        .path("adjudicationFailures")
                        .path("edges"))
                    if (edge.path("node").path("eventType").asString().equals("claim.reopen"))
                        found = edge.path("node");
                if (found == null) Thread.sleep(100);
            }
        } finally {
            engine.stop();
        }

        assertThat(found).as("the parked event, listed").isNotNull();
        assertThat(java.util.Objects.requireNonNull(found).path("reason").asString())
                .contains("failed 2 times")
                .contains("no step adjudicates claim.reopen");
        assertThat(m.query("claimadmin", list)
                        .errors()
                        .path(0)
                        .path("extensions")
                        .path("code")
                        .asString())
                .isEqualTo("MISSING_RIGHT");
    }
}
