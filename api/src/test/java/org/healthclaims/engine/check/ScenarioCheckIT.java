package org.healthclaims.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.healthclaims.api.demo.DemoData;
import org.healthclaims.api.testing.TestServices;
import org.healthclaims.domain.database.DatabaseUrl;
import org.healthclaims.engine.intake.ClaimEvent;
import org.healthclaims.engine.kernel.RuleSet;
import org.healthclaims.engine.valuation.ValuationAdjudicator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * domain.md §9's claims, checked by the engine's check step on real SQL: a database of its own, migrated, with the
 * demo data dated on §9's "today" (2025-06-15), the claims submitted in §9's order in batches, as the intake hands
 * them over. Each claim must end as §9 says (modular rules).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ScenarioCheckIT {

    /**
     * §9's claims in its order, with the status (and the first line's reason where §9 names it) after the check; the
     * end-to-end scenario through GraphQL expects the same.
     */
    public static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("CLM-OK-OP", new int[] {4, 0});
        EXPECTED.put("CLM-REG", new int[] {1, 1});
        EXPECTED.put("CLM-PL", new int[] {4, 2});
        EXPECTED.put("CLM-NOPROD", new int[] {1, 3});
        EXPECTED.put("CLM-CARE", new int[] {1, 10});
        EXPECTED.put("CLM-MASK", new int[] {1, 4});
        EXPECTED.put("CLM-FREQ1", new int[] {4, 0});
        EXPECTED.put("CLM-FREQ2", new int[] {1, 5});
        EXPECTED.put("CLM-NOCOV", new int[] {1, 7});
        EXPECTED.put("CLM-DATE", new int[] {1, 9});
        EXPECTED.put("CLM-MAXPROV-1", new int[] {4, 0});
        EXPECTED.put("CLM-MAXPROV-2", new int[] {1, 16});
        EXPECTED.put("CLM-MAXPROV-3", new int[] {1, 16});
        EXPECTED.put("CLM-WAIT", new int[] {1, 17});
        EXPECTED.put("CLM-CONS-MAX-1", new int[] {4, 0});
        EXPECTED.put("CLM-CONS-MAX-2", new int[] {4, 0});
        EXPECTED.put("CLM-CONS-MAX-3", new int[] {4, 0});
        EXPECTED.put("CLM-CONS-MAX-4", new int[] {1, 13});
        EXPECTED.put("CLM-DELIV", new int[] {4, 0});
        EXPECTED.put("CLM-DELIV-2", new int[] {1, 15});
        EXPECTED.put("CLM-SURG", new int[] {4, 0});
        EXPECTED.put("CLM-BEST", new int[] {4, 0});
        EXPECTED.put("CLM-OWN", new int[] {4, 0});
        EXPECTED.put("CLM-REVIEW", new int[] {4, 0});
    }

    JdbcClient sql;
    DriverManagerDataSource dataSource;
    CheckAdjudicator adjudicator;

    @BeforeAll
    void scenario() {
        DatabaseUrl url = TestServices.createDatabase(
                "scenario_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        DriverManagerDataSource data = new DriverManagerDataSource(url.jdbcUrl());
        if (url.user() != null) data.setUsername(url.user());
        if (url.password() != null) data.setPassword(url.password());
        Flyway.configure()
                .dataSource(data)
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
        new DemoData(data).load(LocalDate.of(2025, 6, 15));
        sql = JdbcClient.create(data);
        dataSource = data;
        adjudicator = new CheckAdjudicator(sql, new DataSourceTransactionManager(data), RuleSet.MODULAR, 16);
    }

    /** CLM-REVIEW, checked (by event {@code event} if an earlier test left it entered): its id. */
    long checkedReview(long event) {
        long id = claimId("CLM-REVIEW");
        if (sql.sql("select status from claim where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                == 2) adjudicator.adjudicate(List.of(new ClaimEvent(event, "claim.check", id, 0, null)));
        return id;
    }

    long claimId(String code) {
        return sql.sql("select id from claim where code = :code and validity_to is null")
                .param("code", code)
                .query(Long.class)
                .single();
    }

    @Test
    @Order(1)
    void section_nine_s_claims_end_their_check_as_section_nine_says() {
        // batches of 5 in §9's order: some claims' predecessors are in the same batch, some in earlier ones
        List<ClaimEvent> events = new ArrayList<>();
        for (String code : EXPECTED.keySet())
            events.add(new ClaimEvent(events.size() + 1, "claim.check", claimId(code), 0, null));
        for (int i = 0; i < events.size(); i += 5)
            adjudicator.adjudicate(events.subList(i, Math.min(events.size(), i + 5)));

        List<String> outcomes = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, int[]> claim : EXPECTED.entrySet()) {
            String code = claim.getKey();
            Map<String, Object> row = sql.sql("""
                            select c.status,
                                   (select min(l.rejection_reason) filter (where l.rejection_reason <> 0) from (
                                        select rejection_reason from claim_item where claim_id = c.id and validity_to is null
                                        union all
                                        select rejection_reason from claim_service where claim_id = c.id and validity_to is null) l)
                                   as reason
                              from claim c where c.code = :code and c.validity_to is null""").param("code", code).query().singleRow();
            outcomes.add(code + " " + row.get("status") + " " + (row.get("reason") == null ? 0 : row.get("reason")));
            expected.add(code + " " + claim.getValue()[0] + " " + claim.getValue()[1]);
        }
        assertThat(outcomes).containsExactlyElementsOf(expected);

        // Approved at check (modular): passed lines at the price the submit-time ledger run sets
        Map<String, String> approved = new LinkedHashMap<>();
        for (String code : List.of("CLM-OK-OP", "CLM-PL", "CLM-BEST", "CLM-OWN", "CLM-REVIEW"))
            approved.put(
                    code,
                    sql.sql("select approved::text from claim where code = :code and validity_to is null")
                            .param("code", code)
                            .query(String.class)
                            .single());
        assertThat(approved)
                .containsEntry("CLM-OK-OP", "600.00")
                .containsEntry("CLM-PL", "10.00")
                .containsEntry("CLM-BEST", "2000.00")
                .containsEntry("CLM-OWN", "1800.00")
                .containsEntry("CLM-REVIEW", "200.00");
        // CLM-BEST: the full co-insurance of PRD-HOSP beats PRD-BASIC's fixed 1500 (§9)
        assertThat(sql.sql("""
                        select pr.code || ' ' || cs.price_origin || ' ' || cs.limitation from claim_service cs
                          join claim c on c.id = cs.claim_id join product pr on pr.id = cs.product_id
                         where c.code = 'CLM-BEST' and cs.validity_to is null""").query(String.class).single()).isEqualTo("PRD-HOSP P C");
    }

    @Test
    @Order(4)
    void a_submission_s_log_turns_2_with_its_statistics_once_every_claim_is_checked() {
        UUID log = UUID.randomUUID();
        sql.sql("""
                        insert into mutation_log (id, json_content, status, mutation_name, client_mutation_id)
                        values (:id, '{}', 0, 'submitClaims', :id::text)""").param("id", log).update();
        List<ClaimEvent> events = new ArrayList<>();
        for (String code : List.of("CLM-REVIEW", "CLM-REG")) {
            long id = claimId(code);
            sql.sql("""
                            insert into outbox (aggregate_type, aggregate_id, event_type, partition_key,
                                                mutation_log_id, payload)
                            values ('claim', :id, 'claim.check', 0, :log, jsonb_build_object('mutationLogId', :log::text))""").param("id", id).param("log", log).update();
            // the scenario test may have checked them already: put them back to entered, as submitted
            sql.sql("update claim set status = 2 where id = :id")
                    .param("id", id)
                    .update();
            events.add(new ClaimEvent(events.size() + 1, "claim.check", id, 0, log));
        }

        adjudicator.adjudicate(events.subList(0, 1));
        assertThat(sql.sql("select status from mutation_log where id = :id")
                        .param("id", log)
                        .query(Integer.class)
                        .single())
                .as("one claim still waits")
                .isZero();
        adjudicator.adjudicate(events.subList(1, 2));

        Map<String, Object> done = sql.sql("select status, json_ext::text as stats from mutation_log where id = :id")
                .param("id", log)
                .query()
                .singleRow();
        assertThat(String.valueOf(done.get("status"))).isEqualTo("2");
        assertThat(String.valueOf(done.get("stats")))
                .contains(
                        "\"submitted\": 2",
                        "\"checked\": 1",
                        "\"rejected\": 1",
                        "\"itemsPassed\": 1",
                        "\"itemsRejected\": 1");
    }

    @Test
    @Order(2)
    void section_nine_s_checked_claims_are_valued_as_section_nine_says() {
        List<ClaimEvent> events = new ArrayList<>();
        for (Map.Entry<String, int[]> claim : EXPECTED.entrySet())
            if (claim.getValue()[0] == 4)
                events.add(new ClaimEvent(100 + events.size(), "claim.process", claimId(claim.getKey()), 0, null));
        ValuationAdjudicator valuation =
                new ValuationAdjudicator(sql, new DataSourceTransactionManager(dataSource), RuleSet.MODULAR, 16);
        for (int i = 0; i < events.size(); i += 5)
            valuation.adjudicate(events.subList(i, Math.min(events.size(), i + 5)));

        Map<String, String> valued = new LinkedHashMap<>();
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
                "CLM-OWN"))
            valued.put(
                    code,
                    sql.sql("select status || ' ' || approved from claim where code = :code and validity_to is null")
                            .param("code", code)
                            .query(String.class)
                            .single());

        // §9's final amounts before the June batch (CLM-REVIEW's 100 needs the review first)
        assertThat(valued)
                .containsEntry("CLM-OK-OP", "16 500.00")
                .containsEntry("CLM-PL", "16 10.00")
                .containsEntry("CLM-FREQ1", "16 125.00")
                .containsEntry("CLM-MAXPROV-1", "16 500.00")
                .containsEntry("CLM-CONS-MAX-1", "16 200.00")
                .containsEntry("CLM-CONS-MAX-2", "16 300.00")
                .containsEntry("CLM-CONS-MAX-3", "16 300.00")
                .containsEntry("CLM-DELIV", "16 4600.00")
                .containsEntry("CLM-SURG", "8 25000.00")
                .containsEntry("CLM-BEST", "16 0.00")
                .containsEntry("CLM-OWN", "16 1500.00");
        assertThat(sql.sql("""
                        select cs.exceed_ceiling_amount_category::text from claim_service cs join claim c on c.id = cs.claim_id
                         where c.code = 'CLM-SURG' and cs.validity_to is null""").query(String.class).single()).isEqualTo("5000.00");
        assertThat(sql.sql("""
                        select cs.price_valuated::text from claim_service cs join claim c on c.id = cs.claim_id
                         where c.code = 'CLM-BEST' and cs.validity_to is null""").query(String.class).single())
                .as("valued, though outside the ceiling and so not approved")
                .isEqualTo("2000.00");
        // one ledger row per claim and policy; a second delivery writes nothing more
        long rows =
                sql.sql("select count(*) from claim_ded_rem").query(Long.class).single();
        valuation.adjudicate(events);
        assertThat(sql.sql("select count(*) from claim_ded_rem")
                        .query(Long.class)
                        .single())
                .isEqualTo(rows);
    }

    @Test
    @Order(3)
    void a_redelivered_check_changes_nothing() {
        long id = checkedReview(900);
        Map<String, Object> before = sql.sql("select status, version, approved from claim where id = :id")
                .param("id", id)
                .query()
                .singleRow();

        adjudicator.adjudicate(List.of(new ClaimEvent(901, "claim.check", id, 0, null)));

        assertThat(sql.sql("select status, version, approved from claim where id = :id")
                        .param("id", id)
                        .query()
                        .singleRow())
                .isEqualTo(before);
        assertThat(String.valueOf(before.get("approved"))).isEqualTo("200.00");
    }

    /**
     * A review's ledger re-run (claim.ledger) delivered twice: the second delivery is recognised by its outbox id and
     * changes nothing, though the claim's lines changed in between (so a re-run would have written other amounts);
     * the next review's event runs again.
     */
    @Test
    @Order(5)
    void a_repeated_ledger_event_is_skipped_and_the_next_one_runs() {
        long id = checkedReview(950);
        ValuationAdjudicator valuation =
                new ValuationAdjudicator(sql, new DataSourceTransactionManager(dataSource), RuleSet.MODULAR, 16);
        String ledger = """
                select coalesce(string_agg(concat_ws('|', policy_id, ded_g, ded_op, rem_g, rem_op, rem_consult), ';'
                                           order by policy_id), '')
                  from claim_ded_rem where claim_id = :id and validity_to is null""";

        valuation.adjudicate(List.of(new ClaimEvent(960, "claim.ledger", id, 0, null)));
        String first = sql.sql(ledger).param("id", id).query(String.class).single();
        assertThat(first).as("the claim's ledger rows").isNotEmpty();
        // the reviewer approves half of every quantity, as a later review would: a re-run now writes other amounts
        for (String table : List.of("claim_item", "claim_service"))
            sql.sql("update " + table + " set qty_approved = qty_provided / 2"
                            + " where claim_id = :id and validity_to is null and status = 1")
                    .param("id", id)
                    .update();

        valuation.adjudicate(List.of(new ClaimEvent(960, "claim.ledger", id, 0, null)));
        assertThat(sql.sql(ledger).param("id", id).query(String.class).single())
                .as("after the same event again")
                .isEqualTo(first);

        valuation.adjudicate(List.of(new ClaimEvent(961, "claim.ledger", id, 0, null)));
        assertThat(sql.sql(ledger).param("id", id).query(String.class).single())
                .as("after the next review's event")
                .isNotEqualTo(first);
        assertThat(sql.sql("select ledger_event_id from claim where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(961L);
    }

    /**
     * A process event for a claim rejected at its check (no ledger rows) leaves the ledger alone: it does not queue
     * behind a session holding the ledger, as a DELETE would (the failover tests count on it: a batch they find
     * stopped at the ledger has written claims). A rejected claim that does hold rows, reserved at its check, loses
     * them.
     */
    @Test
    @Order(6)
    void a_process_event_drops_a_rejected_claim_s_ledger_rows_and_leaves_the_ledger_alone_when_it_has_none()
            throws Exception {
        ValuationAdjudicator valuation =
                new ValuationAdjudicator(sql, new DataSourceTransactionManager(dataSource), RuleSet.MODULAR, 16);
        String ledgerRows = "select count(*) from claim_ded_rem where claim_id = :id";
        long rejected = claimId("CLM-FREQ2");
        if (status(rejected) == 2)
            adjudicator.adjudicate(List.of(new ClaimEvent(969, "claim.check", rejected, 0, null)));
        assertThat(status(rejected)).isEqualTo(1);
        assertThat(sql.sql(ledgerRows)
                        .param("id", rejected)
                        .query(Integer.class)
                        .single())
                .isZero();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("lock table claim_ded_rem in share mode");
            }
            CompletableFuture<Void> process = CompletableFuture.runAsync(
                    () -> valuation.adjudicate(List.of(new ClaimEvent(970, "claim.process", rejected, 0, null))));
            // a TimeoutException here: the batch waited for the ledger it had nothing to write to
            process.get(10, TimeUnit.SECONDS);
        }

        long reviewed = checkedReview(971);
        assertThat(sql.sql(ledgerRows)
                        .param("id", reviewed)
                        .query(Integer.class)
                        .single())
                .as("rows reserved at the check")
                .isPositive();
        // rejected after its check, as a review rejecting every line leaves it
        sql.sql("update claim set status = 1 where id = :id")
                .param("id", reviewed)
                .update();
        valuation.adjudicate(List.of(new ClaimEvent(972, "claim.process", reviewed, 0, null)));
        assertThat(sql.sql(ledgerRows)
                        .param("id", reviewed)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    int status(long claimId) {
        return sql.sql("select status from claim where id = :id")
                .param("id", claimId)
                .query(Integer.class)
                .single();
    }
}
