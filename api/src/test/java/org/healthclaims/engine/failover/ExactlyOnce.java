package org.healthclaims.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What "adjudicated exactly once" means in the database, checked for a wave of claims after every fault:
 *
 * <ul>
 *   <li>each claim has the result its event asked for (a submitted claim is checked or rejected; a processed one is
 *       rejected, processed or valuated) and its version moved once per step written (each engine write bumps it:
 *       1 for a check, 2 for a check and a valuation), so no result was written twice or lost;
 *   <li>the ledger (claim_ded_rem), which the ceilings and deductibles of later claims are computed from, holds
 *       exactly one row per checked or valued claim and policy of its passed lines (the check reserves what the
 *       claim would consume, as openIMIS's submit does), and none for a rejected or entered claim: nothing consumed
 *       twice, nothing consumed and then rolled back into a second consumption;
 *   <li>every mutation log of the hand-off turned 2, counting all of its claims;
 *   <li>nothing was parked;
 *   <li>the write trace holds as many committed writes of each claim as its version counts.
 * </ul>
 */
final class ExactlyOnce {

    static final String CLAIMS = """
            select c.id, c.status, c.version from claim c where c.id = any(:ids) order by c.id""";

    static final String LEDGER = """
            select r.claim_id || '/' || r.policy_id from claim_ded_rem r
             where r.claim_id = any(:ids)
             order by r.claim_id, r.policy_id""";

    /** The (claim, policy) pairs a check or valuation must have put in the ledger: the policies of the passed lines. */
    static final String LEDGER_EXPECTED = """
            select e.claim_id || '/' || e.policy_id from (
                select distinct l.claim_id, l.policy_id
                  from (select claim_id, policy_id, status from claim_item where validity_to is null
                        union all
                        select claim_id, policy_id, status from claim_service where validity_to is null) l
                  join claim c on c.id = l.claim_id
                 where c.id = any(:ids) and c.status in (4, 8, 16) and l.status = 1 and l.policy_id is not null) e
             order by e.claim_id, e.policy_id""";

    static final String LOGS = """
            select m.id::text as id, m.status, m.mutation_name, m.json_ext ->> 'submitted' as submitted
              from mutation_log m where m.id = any(:logs)""";

    static final String PARKED = "select count(*) from adjudication_failure where claim_id = any(:ids)";

    private ExactlyOnce() {}

    /** Asserts the above for the wave; answers its outcomes, claims by status, for the test's log. */
    static Map<Integer, Integer> assertAdjudicatedOnce(JdbcClient sql, WriteTrace trace, ClaimWave wave) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        sql.sql(CLAIMS).param("ids", wave.ids()).query(rs -> {
            long id = rs.getLong("id");
            int status = rs.getInt("status");
            int version = rs.getInt("version");
            byStatus.merge(status, 1, Integer::sum);
            boolean processed = wave.isProcessed(id);
            boolean finished = processed ? status == 1 || status == 8 || status == 16 : status == 1 || status == 4;
            int steps = status == 8 || status == 16 ? 2 : 1;
            if (!finished || version != steps)
                wrong.add("claim " + id + (processed ? " (processClaims)" : " (submitClaims)") + ": status " + status
                        + ", version " + version + ", expected " + steps);
        });
        assertThat(byStatus.values().stream().mapToInt(Integer::intValue).sum())
                .as("claims of the wave")
                .isEqualTo(wave.size());
        assertThat(wrong).as("claims not adjudicated exactly once").isEmpty();

        List<String> ledger =
                sql.sql(LEDGER).param("ids", wave.ids()).query(String.class).list();
        List<String> expected = sql.sql(LEDGER_EXPECTED)
                .param("ids", wave.ids())
                .query(String.class)
                .list();
        assertThat(expected)
                .as("valued claims with ledger rows: the check must have something to find")
                .isNotEmpty();
        assertThat(ledger).as("ledger rows, one per valued claim and policy").containsExactlyElementsOf(expected);

        List<String> logs = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Map<String, List<Long>> claimsOfLog = wave.claimsOfLog();
        sql.sql(LOGS).param("logs", wave.logs()).query(rs -> {
            String id = rs.getString("id");
            seen.add(id);
            int claims = java.util.Objects.requireNonNull(claimsOfLog.get(id)).size();
            if (rs.getInt("status") != 2 || !String.valueOf(claims).equals(rs.getString("submitted")))
                logs.add(rs.getString("mutation_name") + " " + id + ": status " + rs.getInt("status") + ", submitted "
                        + rs.getString("submitted") + " of " + claims);
        });
        assertThat(logs).as("mutation logs not turned 2 with all their claims").isEmpty();
        assertThat(seen).as("the hand-off's mutation logs").containsExactlyInAnyOrderElementsOf(claimsOfLog.keySet());

        assertThat(sql.sql(PARKED).param("ids", wave.ids()).query(Integer.class).single())
                .as("claims parked")
                .isZero();

        // counted apart from the version: each committed transaction that wrote a claim left one trace row
        Map<Long, Integer> committed = new TreeMap<>();
        for (WriteTrace.Write w : trace.writes(wave.ids())) committed.merge(w.claimId(), 1, Integer::sum);
        List<String> rewritten = new ArrayList<>();
        sql.sql(CLAIMS).param("ids", wave.ids()).query(rs -> {
            int writes = committed.getOrDefault(rs.getLong("id"), 0);
            if (writes != rs.getInt("version"))
                rewritten.add("claim " + rs.getLong("id") + ": " + writes + " committed writes, version "
                        + rs.getInt("version"));
        });
        assertThat(rewritten)
                .as("claims written by more (or fewer) transactions than steps")
                .isEmpty();
        return byStatus;
    }
}
