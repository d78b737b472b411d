package org.healthclaims.load.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.healthclaims.engine.check.CheckAdjudicator;
import org.healthclaims.engine.intake.ClaimEvent;
import org.healthclaims.engine.intake.LeaseFence;
import org.healthclaims.engine.kernel.LineValues;
import org.healthclaims.engine.kernel.RuleSet;
import org.healthclaims.engine.valuation.ValuationAdjudicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The reference a benchmark run is judged against: the engine's two steps run directly on the database, with no
 * broker, no partitions and no api, the claims in the order they were generated, the lines valued by the scalar
 * pass. It submits every claim (the check, with its ledger run), then processes the checked ones, in batches, as the
 * engines do.
 */
final class ReferenceRun {

    private static final int BATCH = 256;

    /**
     * How a run cuts the claims of a step into batches: each batch's claims in the order they are adjudicated, a
     * claim possibly more than once (a repeated delivery), in one batch or several.
     */
    @FunctionalInterface
    interface Batching {

        List<long[]> cut(long[] ids);

        /** Consecutive batches of {@code size}, each claim once: what the engines see when nothing goes wrong. */
        static Batching of(int size) {
            return ids -> {
                List<long[]> batches = new ArrayList<>();
                for (int from = 0; from < ids.length; from += size)
                    batches.add(java.util.Arrays.copyOfRange(ids, from, Math.min(ids.length, from + size)));
                return batches;
            };
        }
    }

    private ReferenceRun() {}

    /** Adjudicates the claims {@code ids} in the engines' batch size; answers the seconds it took. */
    static double run(DataSource data, long[] ids, RuleSet rules) {
        return run(data, ids, rules, Batching.of(BATCH));
    }

    /** Adjudicates the claims {@code ids} in the batches {@code batching} cuts; answers the seconds it took. */
    static double run(DataSource data, long[] ids, RuleSet rules, Batching batching) {
        if (LineValues.VECTORISED)
            throw new IllegalStateException("the reference run needs the scalar kernel: start this JVM with"
                    + " -Dclaims.kernel=scalar (the benchmark command sets it)");
        JdbcClient jdbc = JdbcClient.create(data);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(data);
        // wired as ClaimsEngine wires them: the check's ledger run (reservations) in the check's transaction
        ValuationAdjudicator valuation = new ValuationAdjudicator(jdbc, transactions, rules, BATCH);
        CheckAdjudicator check = new CheckAdjudicator(
                jdbc, transactions, rules, BATCH, Clock.systemDefaultZone(), LeaseFence.NONE, valuation::reserve);
        long started = System.nanoTime();
        adjudicate(check, valuation, batching.cut(ids), "claim.check");
        long[] checked = jdbc
                .sql("select id from claim where id = any(:ids) and status = 4 order by id")
                .param("ids", ids)
                .query(Long.class)
                .list()
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
        adjudicate(check, valuation, batching.cut(checked), "claim.process");
        return (System.nanoTime() - started) / 1e9;
    }

    private static void adjudicate(
            CheckAdjudicator check, ValuationAdjudicator valuation, List<long[]> batches, String eventType) {
        long event = 0;
        for (long[] batch : batches) {
            List<ClaimEvent> events = new ArrayList<>(batch.length);
            for (long id : batch) events.add(new ClaimEvent(++event, eventType, id, 0, null));
            check.adjudicate(events);
            valuation.adjudicate(events);
        }
    }
}
