package org.healthclaims.engine.valuation;

import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.healthclaims.engine.intake.ResultStamp;
import org.healthclaims.engine.kernel.ValuationBatch;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a valued batch back: the processed claims still checked at their loaded version (one UPDATE; a redelivered
 * event finds them processed and writes nothing), their passed lines (one UPDATE per table); for a ledger run only
 * the lines' PriceAdjusted; then one ledger row per claim and policy replacing the claim's earlier ones (one DELETE,
 * one INSERT), and the processClaims logs all of whose claims are now answered turn 2 with statistics.
 */
final class ValuationWriter {

    static final String CLAIMS = """
            update claim c
               set status = u.status, approved = u.approved,
                   valuated = case when u.status = 16 then u.approved else c.valuated end,
                   remunerated = case when u.status = 16 then u.approved else c.remunerated end,
                   process_stamp = :at, date_processed = :day,
                   adjudicated_at = :at, adjudication_batch = :batch, engine_version = :engine,
                   review_status = case when c.review_status = 4 then 16 else c.review_status end,
                   feedback_status = case when c.feedback_status = 4 then 16 else c.feedback_status end,
                   version = c.version + 1
              from unnest(cast(:ids as bigint[]), cast(:versions as int[]), cast(:statuses as smallint[]),
                          cast(:approved as numeric[])) as u(id, version, status, approved)
             where c.id = u.id and c.version = u.version and c.status = 4 and c.validity_to is null
            returning c.id""";

    /** %s is claim_item or claim_service. */
    static final String LINES = """
            update %s l
               set price_adjusted = coalesce(u.adjusted, l.price_adjusted), price_valuated = u.valuated,
                   deductable_amount = u.deducted, exceed_ceiling_amount = u.exceed,
                   exceed_ceiling_amount_category = u.exceed_category, remunerated_amount = u.remunerated
              from unnest(cast(:ids as bigint[]), cast(:adjusted as numeric[]), cast(:valuated as numeric[]),
                          cast(:deducted as numeric[]), cast(:exceed as numeric[]),
                          cast(:exceedCategory as numeric[]), cast(:remunerated as numeric[]))
                   as u(id, adjusted, valuated, deducted, exceed, exceed_category, remunerated)
             where l.id = u.id""";

    static final String LEDGER = """
            insert into claim_ded_rem (policy_id, insuree_id, claim_id, ded_g, ded_ip, ded_op, rem_g, rem_ip, rem_op,
                                       rem_surgery, rem_delivery, rem_antenatal, rem_hospitalization, rem_consult)
            select u.policy_id, u.insuree_id, u.claim_id, u.ded, case when u.hospital then u.ded end,
                   case when u.hospital then null else u.ded end, u.rem, case when u.hospital then u.rem end,
                   case when u.hospital then null else u.rem end, u.surgery, u.delivery, u.antenatal,
                   u.hospitalization, u.consult
              from unnest(cast(:policies as bigint[]), cast(:insurees as bigint[]), cast(:claims as bigint[]),
                          cast(:deducted as numeric[]), cast(:remunerated as numeric[]), cast(:hospital as boolean[]),
                          cast(:surgery as numeric[]), cast(:delivery as numeric[]), cast(:antenatal as numeric[]),
                          cast(:hospitalization as numeric[]), cast(:consult as numeric[]))
                   as u(policy_id, insuree_id, claim_id, ded, rem, hospital, surgery, delivery, antenatal,
                        hospitalization, consult)""";

    /** A ledger run's claims, still checked at their loaded version, locked for the run. */
    static final String LEDGER_CLAIMS = """
            select c.id from claim c
              join unnest(cast(:ids as bigint[]), cast(:versions as int[])) as u(id, version)
                on c.id = u.id and c.version = u.version
             where c.status = 4 and c.validity_to is null
               for update of c""";

    static final String LEDGER_EVENTS = """
            update claim c set ledger_event_id = u.event
              from unnest(cast(:ids as bigint[]), cast(:events as bigint[])) as u(id, event)
             where c.id = u.id""";

    /** %s is claim_item or claim_service: a ledger run rewrites PriceAdjusted only where no PriceApproved is set. */
    static final String LEDGER_LINES = """
            update %s l
               set price_adjusted = u.adjusted
              from unnest(cast(:ids as bigint[]), cast(:adjusted as numeric[])) as u(id, adjusted)
             where l.id = u.id and u.adjusted is not null and l.price_approved is null""";

    static final String LOGS = """
            with answered as (
                select m.id,
                       count(distinct c.id) as submitted,
                       count(distinct c.id) filter (where c.status = 8) as processed,
                       count(distinct c.id) filter (where c.status = 16) as valuated,
                       count(distinct c.id) filter (where c.status = 1) as rejected,
                       count(distinct c.id) filter (where c.status in (2, 4)) as waiting
                  from mutation_log m
                  join outbox o on o.mutation_log_id = m.id and o.aggregate_type = 'claim'
                  join claim c on c.id = o.aggregate_id
                 where m.id = any(:logs) and m.status = 0 and m.mutation_name = 'processClaims'
                 group by m.id)
            update mutation_log m
               set status = 2,
                   json_ext = jsonb_build_object('submitted', a.submitted, 'processed', a.processed,
                                                 'valuated', a.valuated, 'rejected', a.rejected)
              from answered a
             where m.id = a.id and a.waiting = 0""";

    private final JdbcClient jdbc;

    ValuationWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the batch: the claims of {@code processed} are processed (status, amounts, lines, ledger); the others
     * get the ledger run only (PriceAdjusted and their ledger rows, status unchanged), those run for a review's
     * event ({@code ledgerEvents}, claim to outbox id) marked with it. Answers the claims written.
     */
    int write(
            ValuationBatch b,
            List<ValuationLoader.Loaded> loaded,
            Set<Long> processed,
            Map<Long, Long> ledgerEvents,
            List<UUID> logs,
            ResultStamp stamp) {
        List<ValuationLoader.Loaded> toProcess = new ArrayList<>();
        List<ValuationLoader.Loaded> toLedger = new ArrayList<>();
        for (ValuationLoader.Loaded claim : loaded)
            (processed.contains(claim.claimId()) ? toProcess : toLedger).add(claim);
        int n = toProcess.size();
        long[] ids = new long[n];
        int[] versions = new int[n];
        short[] statuses = new short[n];
        @Nullable BigDecimal[] approved = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            int c = toProcess.get(i).index();
            ids[i] = toProcess.get(i).claimId();
            versions[i] = toProcess.get(i).version();
            statuses[i] = b.status[c];
            approved[i] = money(b.approved[c]);
        }
        // a set: each loaded claim asks whether it was written
        Set<Long> written = new HashSet<>();
        if (n > 0)
            written.addAll(jdbc.sql(CLAIMS)
                    .param("ids", ids)
                    .param("versions", versions)
                    .param("statuses", statuses)
                    .param("approved", approved)
                    .param("at", stamp.at())
                    .param("day", stamp.day())
                    .param("batch", stamp.batchId())
                    .param("engine", stamp.engineVersion())
                    .query(Long.class)
                    .list());
        Set<Long> ledgerOnly = new HashSet<>();
        if (!toLedger.isEmpty())
            ledgerOnly.addAll(jdbc.sql(LEDGER_CLAIMS)
                    .param(
                            "ids",
                            toLedger.stream()
                                    .mapToLong(ValuationLoader.Loaded::claimId)
                                    .toArray())
                    .param(
                            "versions",
                            toLedger.stream()
                                    .mapToInt(ValuationLoader.Loaded::version)
                                    .toArray())
                    .query(Long.class)
                    .list());
        List<Integer> claims = new ArrayList<>();
        List<Integer> ledgerClaims = new ArrayList<>();
        for (ValuationLoader.Loaded claim : loaded) {
            if (written.contains(claim.claimId())) claims.add(claim.index());
            else if (ledgerOnly.contains(claim.claimId())) ledgerClaims.add(claim.index());
        }
        if (!claims.isEmpty()) {
            lines(b, claims, false);
            lines(b, claims, true);
        }
        if (!ledgerClaims.isEmpty()) {
            adjustedPrices(b, ledgerClaims, false);
            adjustedPrices(b, ledgerClaims, true);
            // the review events these runs answer, so that a repeated delivery is recognised
            long[] marked = ledgerOnly.stream()
                    .filter(ledgerEvents::containsKey)
                    .mapToLong(Long::longValue)
                    .toArray();
            if (marked.length > 0)
                jdbc.sql(LEDGER_EVENTS)
                        .param("ids", marked)
                        .param(
                                "events",
                                Arrays.stream(marked)
                                        .map(claim -> ledgerEvents.getOrDefault(claim, 0L))
                                        .toArray())
                        .update();
        }
        List<Integer> ledger = new ArrayList<>(claims);
        ledger.addAll(ledgerClaims);
        if (!ledger.isEmpty()) ledger(b, ledger);
        if (!logs.isEmpty())
            jdbc.sql(LOGS).param("logs", logs.toArray(UUID[]::new)).update();
        return written.size() + ledgerOnly.size();
    }

    /**
     * openIMIS deletes a rejected claim's ledger rows: among {@code claimIds}, those now rejected (1) have none. Read
     * first, deleted only when there are some: most batches have none (a claim rejected at the check never reserved),
     * and a DELETE would take the ledger's write lock for nothing, queueing the batch behind whoever holds the ledger.
     */
    void dropRejected(long[] claimIds) {
        long[] ledgered = jdbc.sql("""
                        select distinct r.claim_id from claim_ded_rem r join claim c on c.id = r.claim_id
                         where c.id = any(:ids) and c.status = 1""").param("ids", claimIds).query(Long.class).list().stream()
                .mapToLong(Long::longValue)
                .toArray();
        if (ledgered.length > 0)
            jdbc.sql("delete from claim_ded_rem where claim_id = any(:claims)")
                    .param("claims", ledgered)
                    .update();
    }

    /** The lines of {@code claims} (batch indexes) in one line table, in batch order. */
    private static List<Integer> linesOf(ValuationBatch b, List<Integer> claims, boolean services) {
        List<Integer> lines = new ArrayList<>();
        for (int c : claims)
            for (int l = b.firstLine[c]; l < b.endLine[c]; l++) if (b.service[l] == services) lines.add(l);
        return lines;
    }

    private void adjustedPrices(ValuationBatch b, List<Integer> claims, boolean services) {
        List<Integer> lines = linesOf(b, claims, services);
        if (lines.isEmpty()) return;
        long[] ids = new long[lines.size()];
        @Nullable BigDecimal[] adjusted = new BigDecimal[lines.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = b.lineId[lines.get(i)];
            adjusted[i] = money(b.priceAdjusted[lines.get(i)]);
        }
        jdbc.sql(LEDGER_LINES.formatted(services ? "claim_service" : "claim_item"))
                .param("ids", ids)
                .param("adjusted", adjusted)
                .update();
    }

    private void lines(ValuationBatch b, List<Integer> claims, boolean services) {
        List<Integer> lines = linesOf(b, claims, services);
        if (lines.isEmpty()) return;
        int n = lines.size();
        long[] ids = new long[n];
        @Nullable
        BigDecimal[] adjusted = new BigDecimal[n],
                valuated = new BigDecimal[n],
                deducted = new BigDecimal[n],
                exceed = new BigDecimal[n],
                exceedCategory = new BigDecimal[n],
                remunerated = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            int l = lines.get(i);
            ids[i] = b.lineId[l];
            adjusted[i] = money(b.priceAdjusted[l]);
            valuated[i] = money(b.priceValuated[l]);
            deducted[i] = money(b.deductedAmount[l]);
            exceed[i] = money(b.exceedCeiling[l]);
            exceedCategory[i] = money(b.exceedCeilingCategory[l]);
            remunerated[i] = money(b.remuneratedAmount[l]);
        }
        jdbc.sql(LINES.formatted(services ? "claim_service" : "claim_item"))
                .param("ids", ids)
                .param("adjusted", adjusted)
                .param("valuated", valuated)
                .param("deducted", deducted)
                .param("exceed", exceed)
                .param("exceedCategory", exceedCategory)
                .param("remunerated", remunerated)
                .update();
    }

    private void ledger(ValuationBatch b, List<Integer> claims) {
        List<Integer> policies = new ArrayList<>();
        for (int c : claims) for (int p = b.firstPolicy[c]; p < b.endPolicy[c]; p++) policies.add(p);
        if (policies.isEmpty()) return;
        int n = policies.size();
        long[] policyIds = new long[n], insurees = new long[n], claimIds = new long[n];
        boolean[] hospital = new boolean[n];
        BigDecimal[] deducted = new BigDecimal[n], remunerated = new BigDecimal[n];
        BigDecimal[][] byCategory = new BigDecimal[5][n];
        int i = 0;
        for (int c : claims)
            for (int p = b.firstPolicy[c]; p < b.endPolicy[c]; p++, i++) {
                policyIds[i] = b.policyId[p];
                insurees[i] = b.insureeId[c];
                claimIds[i] = b.claimId[c];
                hospital[i] = b.hospitalVisit[p];
                deducted[i] = BigDecimal.valueOf(b.deducted[p], 2);
                remunerated[i] = BigDecimal.valueOf(b.remunerated[p], 2);
                for (int g = 0; g < 5; g++) byCategory[g][i] = BigDecimal.valueOf(b.remuneratedByCategory[g][p], 2);
            }
        // a claim has one row per policy: the rows of an earlier run (at the check, at a review) are replaced
        jdbc.sql("delete from claim_ded_rem where claim_id = any(:claims)")
                .param("claims", claims.stream().mapToLong(c -> b.claimId[c]).toArray())
                .update();
        jdbc.sql(LEDGER)
                .param("policies", policyIds)
                .param("insurees", insurees)
                .param("claims", claimIds)
                .param("deducted", deducted)
                .param("remunerated", remunerated)
                .param("hospital", hospital)
                .param("surgery", byCategory[ValuationBatch.SURGERY])
                .param("delivery", byCategory[ValuationBatch.DELIVERY])
                .param("antenatal", byCategory[ValuationBatch.ANTENATAL])
                .param("hospitalization", byCategory[ValuationBatch.HOSPITALIZATION])
                .param("consult", byCategory[ValuationBatch.CONSULTATION])
                .update();
    }

    private static @Nullable BigDecimal money(long cents) {
        return cents == NO_AMOUNT ? null : BigDecimal.valueOf(cents, 2);
    }
}
