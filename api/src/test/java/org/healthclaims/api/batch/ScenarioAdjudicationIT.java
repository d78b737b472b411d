package org.healthclaims.api.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.healthclaims.api.ApiApplication;
import org.healthclaims.api.broker.AmqpProperties;
import org.healthclaims.api.demo.DemoData;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.Mutating;
import org.healthclaims.api.testing.TestServices;
import org.healthclaims.domain.database.DatabaseUrl;
import org.healthclaims.engine.ClaimsEngine;
import org.healthclaims.engine.check.ScenarioCheckIT;
import org.healthclaims.engine.kernel.RuleSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * domain.md §9 end to end through GraphQL, the real outbox relay, RabbitMQ and a claims engine: a server of its own
 * over a database holding §9's minimal scenario alone (dated on §9's day, 2025-06-15, and adjudicated by an engine
 * whose clock reads that day), the claims submitted in §9's order, CLM-REVIEW reviewed, the checked claims
 * processed, then the June batch of region R1. Every claim must end as §9 says, with §9's final amounts, the
 * relative index 0.0136 and the batch refused the second time.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioAdjudicationIT {

    static final LocalDate SCENARIO_DAY = LocalDate.of(2025, 6, 15);
    static final String UUIDS = "ClaimUuidsMutationInput";
    static final String BATCH = "ProcessBatchMutationInput";

    /** §9's claims in its order: status after the check, first line's reason (0 when none). */
    static final Map<String, int[]> CHECKED = ScenarioCheckIT.EXPECTED;

    private static DatabaseUrl database;
    private static JdbcClient sql;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        database = TestServices.createDatabase("scenario_" + TestServices.RUN_ID);
        DriverManagerDataSource data = new DriverManagerDataSource(database.jdbcUrl());
        if (database.user() != null) data.setUsername(database.user());
        if (database.password() != null) data.setPassword(database.password());
        Flyway.configure()
                .dataSource(data)
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
        new DemoData(data).loadScenario(SCENARIO_DAY);
        sql = JdbcClient.create(data);
        registry.add("database.url", database::jdbcUrl);
        registry.add("database.user", () -> database.user() == null ? "" : database.user());
        registry.add("database.password", () -> database.password() == null ? "" : database.password());
        registry.add("database.pool-size", () -> "5");
        registry.add("amqp.url", TestServices::amqpUrl);
        // queues of its own: the shared test server's engines must not take this server's claims
        registry.add("amqp.prefix", () -> TestServices.RUN_ID + "-scenario.");
        registry.add("demo.data", () -> "false");
        registry.add("outbox.enabled", () -> "true");
        registry.add("engine.embedded", () -> "false");
        registry.add("jwt.secret", () -> "a test secret that is at least thirty-two bytes long");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ConnectionFactory broker;

    @Autowired
    AmqpProperties amqp;

    Mutating m;
    ClaimsEngine engine;

    @BeforeAll
    void engineOnTheScenarioDay() {
        m = new Mutating(new GraphQlClient("http://127.0.0.1:" + port), sql);
        Clock scenarioDay = Clock.fixed(
                ZonedDateTime.of(SCENARIO_DAY.atTime(10, 0), ZoneId.systemDefault())
                        .toInstant(),
                ZoneId.systemDefault());
        engine = new ClaimsEngine(
                jdbc,
                transactions,
                broker,
                amqp.route(),
                new ClaimsEngine.Settings(
                        64, Duration.ofMillis(20), 3, Duration.ofMillis(50), Duration.ofSeconds(2), RuleSet.MODULAR),
                "scenario-it-" + UUID.randomUUID(),
                scenarioDay);
        engine.start();
    }

    @AfterAll
    void stop() {
        engine.stop();
    }

    String uuid(String code) {
        return sql.sql("select uuid::text from claim where code = :code and validity_to is null")
                .param("code", code)
                .query(String.class)
                .single();
    }

    /** Polls the mutation log until it leaves 0; answers its status and jsonExt. */
    JsonNode awaitLog(String log) throws InterruptedException {
        return awaitLog("Admin", log);
    }

    /** The same, as {@code user}: a user sees only their own logs. */
    JsonNode awaitLog(String user, String log) throws InterruptedException {
        String poll = "{ mutationLogs(id: \"" + log + "\") { edges { node { status error jsonExt } } } }";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode node;
        do {
            node = m.query(user, poll)
                    .data()
                    .path("mutationLogs")
                    .path("edges")
                    .path(0)
                    .path("node");
            if (node.path("status").asInt() != 0) return node;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return node;
    }

    String claimText(String code, String expression) {
        return sql.sql("select cast((" + expression
                        + ") as text) from claim where code = :code and validity_to is null")
                .param("code", code)
                .query(String.class)
                .single();
    }

    /** The claim's ledger rows: deducted and remunerated, summed over its policies; "-" when it has none. */
    String ledger(String code) {
        return sql.sql("""
                        select coalesce(sum(r.ded_g) || ' ' || sum(r.rem_g), '-') from claim_ded_rem r
                         where r.claim_id = (select id from claim where code = :code and validity_to is null)""").param("code", code).query(String.class).single();
    }

    @Test
    @Order(1)
    void section_nine_s_claims_submitted_reviewed_processed_and_batched_end_as_section_nine_says()
            throws InterruptedException {
        List<String> all = new ArrayList<>();
        for (String code : CHECKED.keySet()) all.add(uuid(code));
        String submitted = m.ok(m.send("Admin", "submitClaims", UUIDS, Map.of("uuids", all)), "submitClaims");
        JsonNode submitLog = awaitLog(submitted);
        assertThat(submitLog.path("status").asInt()).as(submitLog.toString()).isEqualTo(2);
        assertThat(submitLog.path("jsonExt").asString()).contains("\"submitted\": 24", "\"checked\": 12");

        List<String> outcomes = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, int[]> claim : CHECKED.entrySet()) {
            String code = claim.getKey();
            String reason = claimText(code, """
                    coalesce((select min(l.rejection_reason) filter (where l.rejection_reason <> 0) from (
                        select rejection_reason from claim_item where claim_id = claim.id and validity_to is null
                        union all
                        select rejection_reason from claim_service where claim_id = claim.id and validity_to is null) l), 0)""");
            outcomes.add(code + " " + claimText(code, "status") + " " + reason);
            expected.add(code + " " + claim.getValue()[0] + " " + claim.getValue()[1]);
        }
        assertThat(outcomes).containsExactlyElementsOf(expected);

        // the ledger run at the check (openIMIS's submit-time dedrem): each checked claim reserves its deductible and
        // ceiling in submission order; rejected claims hold none
        assertThat(ledger("CLM-OK-OP")).isEqualTo("100.00 500.00");
        assertThat(ledger("CLM-FREQ1")).isEqualTo("100.00 125.00");
        assertThat(ledger("CLM-REVIEW")).isEqualTo("0.00 200.00");
        assertThat(ledger("CLM-FREQ2")).isEqualTo("-");

        // CLM-REVIEW: selected for review, 10 of the 20 tablets approved, delivered (§9)
        String review = uuid("CLM-REVIEW");
        m.ok(
                m.send("Admin", "selectClaimsForReview", UUIDS, Map.of("uuids", List.of(review))),
                "selectClaimsForReview");
        long tablets = m.id(
                "select id from claim_item where claim_id = (select id from claim where uuid = cast(? as uuid))"
                        + " and validity_to is null",
                review);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("claimUuid", review);
        decision.put("items", List.of(Map.of("id", Long.toString(tablets), "qtyApproved", "10")));
        m.ok(m.send("Admin", "saveClaimReview", "SaveClaimReviewMutationInput", decision), "saveClaimReview");
        m.ok(m.send("Admin", "deliverClaimsReview", UUIDS, Map.of("uuids", List.of(review))), "deliverClaimsReview");
        assertThat(claimText("CLM-REVIEW", "approved")).isEqualTo("100.00");
        // the delivery's ledger re-run goes through the engine: 10 × 10 now reserved
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ledger("CLM-REVIEW").equals("0.00 100.00") && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(ledger("CLM-REVIEW")).isEqualTo("0.00 100.00");
        assertThat(claimText("CLM-REVIEW", "status")).isEqualTo("4");

        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, int[]> claim : CHECKED.entrySet())
            if (claim.getValue()[0] == 4) checked.add(uuid(claim.getKey()));
        String processed = m.ok(m.send("Admin", "processClaims", UUIDS, Map.of("uuids", checked)), "processClaims");
        JsonNode processLog = awaitLog(processed);
        assertThat(processLog.path("status").asInt()).as(processLog.toString()).isEqualTo(2);
        // CLM-SURG waits for the batch (8); the other eleven are valuated (16)
        assertThat(processLog.path("jsonExt").asString())
                .contains("\"submitted\": 12", "\"processed\": 1", "\"valuated\": 11", "\"rejected\": 0");

        // the set the mutation handed over, pollable by its internalId: none is still checked
        JsonNode set = m.query(
                        "Admin",
                        "{ claims(mutationLogId: \"" + processed + "\", first: 50) { totalCount edges { node {"
                                + " code status } } } }")
                .data()
                .path("claims");
        assertThat(set.path("totalCount").asInt()).isEqualTo(12);
        assertThat(set.path("edges").findValuesAsString("status")).containsOnly("8", "16");
        assertThat(m.query(
                                "Admin",
                                "{ claims(uuids: [\"" + uuid("CLM-SURG") + "\", \"" + uuid("CLM-BEST")
                                        + "\"]) { totalCount } }")
                        .data()
                        .path("claims")
                        .path("totalCount")
                        .asInt())
                .isEqualTo(2);

        // §9's final amounts before the batch: claimed → approved (= valuated for 16)
        Map<String, String> amounts = new LinkedHashMap<>();
        for (String code : List.of(
                "CLM-OK-OP",
                "CLM-PL",
                "CLM-FREQ1",
                "CLM-MAXPROV-1",
                "CLM-CONS-MAX-1",
                "CLM-CONS-MAX-2",
                "CLM-CONS-MAX-3",
                "CLM-DELIV",
                "CLM-SURG",
                "CLM-BEST",
                "CLM-OWN",
                "CLM-REVIEW"))
            amounts.put(
                    code,
                    claimText(
                            code,
                            "status || ' ' || claimed || ' ' || approved || ' ' || coalesce(valuated::text, '-')"));
        assertThat(amounts)
                .containsEntry("CLM-OK-OP", "16 600.00 500.00 500.00")
                .containsEntry("CLM-PL", "16 210.00 10.00 10.00")
                .containsEntry("CLM-FREQ1", "16 225.00 125.00 125.00")
                .containsEntry("CLM-MAXPROV-1", "16 500.00 500.00 500.00")
                .containsEntry("CLM-CONS-MAX-1", "16 300.00 200.00 200.00")
                .containsEntry("CLM-CONS-MAX-2", "16 300.00 300.00 300.00")
                .containsEntry("CLM-CONS-MAX-3", "16 300.00 300.00 300.00")
                .containsEntry("CLM-DELIV", "16 5120.00 4600.00 4600.00")
                .containsEntry("CLM-SURG", "8 30000.00 25000.00 -")
                .containsEntry("CLM-BEST", "16 1800.00 0.00 0.00")
                .containsEntry("CLM-OWN", "16 1800.00 1500.00 1500.00")
                .containsEntry("CLM-REVIEW", "16 200.00 100.00 100.00");
        // one ledger row per claim and policy: the check's and the review's rows were replaced, not added to
        assertThat(sql.sql("""
                        select count(*) from (select claim_id, policy_id from claim_ded_rem
                                               group by claim_id, policy_id having count(*) > 1) twice""").query(Long.class).single()).isZero();
        assertThat(sql.sql("select count(*) from claim_ded_rem r join claim c on c.id = r.claim_id where c.status = 1")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(ledger("CLM-REVIEW")).isEqualTo("0.00 100.00");

        // CLM-SURG's category cap (§9): 5000 over MaxAmountSurgery
        assertThat(claimText("CLM-SURG", """
                        (select exceed_ceiling_amount_category || ' ' || coalesce(price_valuated::text, '-')
                           from claim_service where claim_id = claim.id and validity_to is null)""")).isEqualTo("5000.00 -");

        // each result says which engine batch and version wrote it, on the engine's (scenario's) day
        JsonNode surg = m.query(
                        "Admin",
                        "{ claim(uuid: \"" + uuid("CLM-SURG") + "\") { status processStamp dateProcessed"
                                + " adjudication { at batchId engineVersion } batchRun { id } } }")
                .data()
                .path("claim");
        assertThat(surg.path("adjudication").path("at").asString()).startsWith("2025-06-15T");
        assertThat(surg.path("adjudication").path("batchId").asString()).hasSize(36);
        assertThat(surg.path("adjudication").path("engineVersion").asString()).contains("modular");
        assertThat(surg.path("dateProcessed").asString()).isEqualTo("2025-06-15");
        assertThat(surg.path("batchRun").isNull()).isTrue();

        // the June batch of region R1 (PRD-HOSP's location): index = 60000 × 31/364 (June's contributions)
        // × 0.08 (the June share) ÷ 30000 (CLM-SURG's relative-price value) = 0.01363 → 0.0136
        long r1 = m.id("select id from location where code = 'R1' and validity_to is null");
        String batch = m.ok(
                m.send("accountant", "processBatch", BATCH, Map.of("locationId", r1, "year", 2025, "month", 6)),
                "processBatch");
        JsonNode batchLog = awaitLog("accountant", batch);
        assertThat(batchLog.path("status").asInt()).isEqualTo(2);
        assertThat(batchLog.path("jsonExt").asString()).contains("\"relativeIndexes\": 1", "\"valuated\": 2");

        JsonNode indexes = m.query(
                        "accountant",
                        "{ relativeIndexes(relYear: 2025) { totalCount edges { node { product { code } relType"
                                + " relCareType relPeriod relIndex location { code } } } } }")
                .data()
                .path("relativeIndexes");
        assertThat(indexes.path("totalCount").asInt()).isEqualTo(1);
        JsonNode index = indexes.path("edges").path(0).path("node");
        assertThat(index.path("product").path("code").asString()).isEqualTo("PRD-HOSP");
        assertThat(index.path("relType").asInt()).isEqualTo(12);
        assertThat(index.path("relCareType").asString()).isEqualTo("I");
        assertThat(index.path("relPeriod").asInt()).isEqualTo(6);
        assertThat(index.path("relIndex").asString()).isEqualTo("0.0136");
        assertThat(index.path("location").path("code").asString()).isEqualTo("R1");

        // CLM-SURG: 0.0136 × 30000 = 408.00; CLM-BEST: its ceiling-excluded 2000 remunerated
        assertThat(claimText("CLM-SURG", "status || ' ' || remunerated")).isEqualTo("16 408.00");
        assertThat(claimText("CLM-BEST", "status || ' ' || remunerated")).isEqualTo("16 2000.00");
        // national products (PRD-BASIC) wait for the national batch
        assertThat(claimText("CLM-OK-OP", "coalesce(batch_run_id::text, '-')")).isEqualTo("-");

        JsonNode runs = m.query(
                        "accountant",
                        "{ batchRuns(orderBy: \"-runDate\", location_Isnull: false) { totalCount edges { node {"
                                + " runYear runMonth claimCount location { code } } } } }")
                .data()
                .path("batchRuns");
        assertThat(runs.path("totalCount").asInt()).isEqualTo(1);
        assertThat(runs.path("edges").path(0).path("node").toString())
                .contains("\"runYear\":2025", "\"runMonth\":6", "\"claimCount\":2", "\"code\":\"R1\"");
        JsonNode surgRun = m.query("Admin", "{ claim(uuid: \"" + uuid("CLM-SURG") + "\") { batchRun { runMonth } } }")
                .data()
                .path("claim");
        assertThat(surgRun.path("batchRun").path("runMonth").asInt()).isEqualTo(6);
    }

    @Test
    @Order(2)
    void a_second_batch_of_the_month_and_bad_batch_input_are_refused_and_change_nothing() {
        long r1 = m.id("select id from location where code = 'R1' and validity_to is null");
        long r2d1 = m.id("select id from location where code = 'R2D1' and validity_to is null");
        long village = m.id("select id from location where code = 'R1D1M1V1' and validity_to is null");
        m.refused(
                "accountant",
                "processBatch",
                BATCH,
                Map.of("locationId", r1, "year", 2025, "month", 6),
                "CONFLICT",
                "BATCH_ALREADY_RUN",
                "month");
        m.refused(
                "accountant",
                "processBatch",
                BATCH,
                Map.of("locationId", r1, "year", 2025, "month", 13),
                "BAD_REQUEST",
                "INVALID_MONTH",
                "month");
        m.refused(
                "accountant",
                "processBatch",
                BATCH,
                Map.of("locationId", village, "year", 2025, "month", 5),
                "BAD_REQUEST",
                "INVALID_LOCATION",
                "locationId");
        m.refused(
                "accountant",
                "processBatch",
                BATCH,
                Map.of("locationId", r2d1, "year", 2025, "month", 5),
                "FORBIDDEN",
                "LOCATION_NOT_ALLOWED",
                "locationId");
        m.refused(
                "claimadmin",
                "processBatch",
                BATCH,
                Map.of("locationId", r1, "year", 2025, "month", 5),
                "FORBIDDEN",
                "MISSING_RIGHT",
                null);
        assertThat(m.query("claimadmin", "{ batchRuns { totalCount } }")
                        .errors()
                        .path(0)
                        .path("extensions")
                        .path("code")
                        .asString())
                .isEqualTo("MISSING_RIGHT");
    }
}
