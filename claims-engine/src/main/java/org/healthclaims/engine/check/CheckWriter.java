package org.healthclaims.engine.check;

import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.healthclaims.engine.intake.ResultStamp;
import org.healthclaims.engine.kernel.CheckBatch;
import org.healthclaims.engine.kernel.RuleSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a checked batch back: one UPDATE for the claims, guarded by each claim's version and its Entered status
 * (a redelivered event finds the claim already checked and writes nothing), one per line table for the lines of the
 * claims that were written, then the mutation logs whose every claim now has a result turn 2 with openIMIS's
 * statistics. The caller runs it in one transaction.
 */
final class CheckWriter {

    static final String CLAIMS = """
            update claim c
               set status = u.status, rejection_reason = u.rejection, category = u.category,
                   approved = coalesce(u.approved, c.approved), submit_stamp = coalesce(c.submit_stamp, :at),
                   adjudicated_at = :at, adjudication_batch = :batch, engine_version = :engine,
                   version = c.version + 1
              from unnest(cast(:ids as bigint[]), cast(:versions as int[]), cast(:statuses as smallint[]),
                          cast(:rejections as smallint[]), cast(:categories as varchar[]), cast(:approved as numeric[]))
                   as u(id, version, status, rejection, category, approved)
             where c.id = u.id and c.version = u.version and c.status = 2 and c.validity_to is null
            returning c.id""";

    /** %s is claim_item or claim_service. */
    static final String LINES = """
            update %s l
               set status = u.status, rejection_reason = u.rejection, qty_approved = u.qty_approved,
                   product_id = u.product_id, policy_id = u.policy_id, price_origin = u.price_origin,
                   limitation = u.limitation, limitation_value = u.limitation_value,
                   price_adjusted = coalesce(u.price_adjusted, l.price_adjusted)
              from unnest(cast(:ids as bigint[]), cast(:statuses as smallint[]), cast(:rejections as smallint[]),
                          cast(:qty as numeric[]), cast(:products as bigint[]), cast(:policies as bigint[]),
                          cast(:origins as varchar[]), cast(:limitations as varchar[]),
                          cast(:limitationValues as numeric[]), cast(:adjusted as numeric[]))
                   as u(id, status, rejection, qty_approved, product_id, policy_id, price_origin, limitation,
                        limitation_value, price_adjusted)
             where l.id = u.id""";

    /**
     * A mutation log of submitClaims all of whose claims are answered (none still entered) turns 2, with the
     * statistics openIMIS appends: submitted, checked, rejected, and lines passed and rejected.
     */
    static final String LOGS = """
            with answered as (
                select m.id,
                       count(distinct c.id) as submitted,
                       count(distinct c.id) filter (where c.status = 4) as checked,
                       count(distinct c.id) filter (where c.status = 1) as rejected,
                       count(distinct c.id) filter (where c.status = 2) as waiting
                  from mutation_log m
                  join outbox o on o.mutation_log_id = m.id and o.aggregate_type = 'claim'
                  join claim c on c.id = o.aggregate_id
                 where m.id = any(:logs) and m.status = 0 and m.mutation_name = 'submitClaims'
                 group by m.id),
            lines as (
                -- per claim through the line tables' claim index: a join with the whole union of lines would
                -- scan every line of the database once per claim
                select a.id,
                       sum(i.passed) as items_passed, sum(i.rejected) as items_rejected,
                       sum(s.passed) as services_passed, sum(s.rejected) as services_rejected
                  from answered a
                  join (select distinct mutation_log_id, aggregate_id from outbox
                         where mutation_log_id = any(:logs) and aggregate_type = 'claim') o
                    on o.mutation_log_id = a.id
                 cross join lateral (
                       select count(*) filter (where status = 1) as passed, count(*) filter (where status = 2) as rejected
                         from claim_item where claim_id = o.aggregate_id and validity_to is null) i
                 cross join lateral (
                       select count(*) filter (where status = 1) as passed, count(*) filter (where status = 2) as rejected
                         from claim_service where claim_id = o.aggregate_id and validity_to is null) s
                 where a.waiting = 0
                 group by a.id)
            update mutation_log m
               set status = 2,
                   json_ext = jsonb_build_object('submitted', a.submitted, 'checked', a.checked,
                                                 'rejected', a.rejected, 'itemsPassed', l.items_passed,
                                                 'itemsRejected', l.items_rejected,
                                                 'servicesPassed', l.services_passed,
                                                 'servicesRejected', l.services_rejected)
              from answered a join lines l on l.id = a.id
             where m.id = a.id and a.waiting = 0""";

    private final JdbcClient jdbc;
    private final RuleSet rules;

    CheckWriter(JdbcClient jdbc, RuleSet rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /**
     * Writes the batch (the claims still entered at their loaded version, and their lines); answers the claims it
     * checked (status 4) in this write, in the batch's order.
     */
    long[] write(
            CheckBatch b,
            List<CheckLoader.Loaded> loaded,
            Map<Integer, Long> lineIds,
            List<UUID> logs,
            ResultStamp stamp) {
        int n = loaded.size();
        long[] ids = new long[n];
        int[] versions = new int[n];
        short[] statuses = new short[n];
        short[] rejections = new short[n];
        String[] categories = new String[n];
        @Nullable BigDecimal[] approved = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            int c = loaded.get(i).index();
            ids[i] = loaded.get(i).claimId();
            versions[i] = loaded.get(i).version();
            statuses[i] = b.status[c];
            rejections[i] = b.claimRejection[c];
            categories[i] = String.valueOf((char) b.category[c]);
            approved[i] = money(b.approved[c]);
        }
        // a set: each loaded claim asks whether it was written
        Set<Long> written = new HashSet<>(jdbc.sql(CLAIMS)
                .param("ids", ids)
                .param("versions", versions)
                .param("statuses", statuses)
                .param("rejections", rejections)
                .param("categories", categories)
                .param("approved", approved)
                .param("at", stamp.at())
                .param("batch", stamp.batchId())
                .param("engine", stamp.engineVersion())
                .query(Long.class)
                .list());
        if (!written.isEmpty()) {
            writeLines(b, loaded, lineIds, written, true);
            writeLines(b, loaded, lineIds, written, false);
        }
        if (!logs.isEmpty())
            jdbc.sql(LOGS).param("logs", logs.toArray(UUID[]::new)).update();
        return loaded.stream()
                .filter(claim -> written.contains(claim.claimId()) && b.status[claim.index()] == 4)
                .mapToLong(CheckLoader.Loaded::claimId)
                .toArray();
    }

    private void writeLines(
            CheckBatch b,
            List<CheckLoader.Loaded> loaded,
            Map<Integer, Long> lineIds,
            Set<Long> written,
            boolean services) {
        List<Integer> lines = new ArrayList<>();
        for (CheckLoader.Loaded claim : loaded) {
            if (!written.contains(claim.claimId())) continue;
            for (int l = b.firstLine[claim.index()]; l < b.endLine[claim.index()]; l++)
                if (b.service[l] == services) lines.add(l);
        }
        if (lines.isEmpty()) return;
        int n = lines.size();
        long[] ids = new long[n];
        short[] statuses = new short[n];
        short[] rejections = new short[n];
        @Nullable BigDecimal[] qty = new BigDecimal[n];
        @Nullable Long[] products = new Long[n];
        @Nullable Long[] policies = new Long[n];
        @Nullable String[] origins = new String[n];
        @Nullable String[] limitations = new String[n];
        @Nullable BigDecimal[] limitationValues = new BigDecimal[n];
        @Nullable BigDecimal[] adjusted = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            int l = lines.get(i);
            ids[i] = java.util.Objects.requireNonNull(lineIds.get(l), "a loaded line");
            statuses[i] = b.lineStatus[l];
            rejections[i] = b.rejection[l];
            qty[i] = money(b.qtyApprovedOut[l]);
            products[i] = b.productId[l] == NO_AMOUNT ? null : b.productId[l];
            policies[i] = b.policyId[l] == NO_AMOUNT ? null : b.policyId[l];
            origins[i] = b.priceOrigin[l] == 0 ? null : String.valueOf((char) b.priceOrigin[l]);
            limitations[i] = b.limitation[l] == 0 ? null : String.valueOf((char) b.limitation[l]);
            limitationValues[i] = money(b.limitationValue[l]);
            // the modular submit-time ledger run writes the unit price the claim was approved at
            adjusted[i] = rules == RuleSet.MODULAR && b.lineStatus[l] == 1
                    ? money(
                            b.priceOrigin[l] != 'O' && b.priceListPrice[l] != NO_AMOUNT
                                    ? b.priceListPrice[l]
                                    : b.priceAsked[l])
                    : null;
        }
        jdbc.sql(LINES.formatted(services ? "claim_service" : "claim_item"))
                .param("ids", ids)
                .param("statuses", statuses)
                .param("rejections", rejections)
                .param("qty", qty)
                .param("products", products)
                .param("policies", policies)
                .param("origins", origins)
                .param("limitations", limitations)
                .param("limitationValues", limitationValues)
                .param("adjusted", adjusted)
                .update();
    }

    /** Cents (or hundredths) as numeric(18,2); null for NO_AMOUNT. */
    private static @Nullable BigDecimal money(long cents) {
        return cents == NO_AMOUNT ? null : BigDecimal.valueOf(cents, 2);
    }
}
