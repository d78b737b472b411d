package org.healthclaims.engine.valuation;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.healthclaims.engine.intake.ClaimEvent;
import org.healthclaims.engine.intake.EngineVersion;
import org.healthclaims.engine.intake.LeaseFence;
import org.healthclaims.engine.intake.ResultStamp;
import org.healthclaims.engine.kernel.RuleSet;
import org.healthclaims.engine.kernel.ValuationBatch;
import org.healthclaims.engine.kernel.ValuationStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The processing step for the {@code claim.process} and {@code claim.check-and-process} events of a batch (the
 * check having run first), and openIMIS's ledger run without processing (its {@code process_dedrem} with {@code
 * is_process = false}) for the claims the check has just checked ({@link #reserve}, in the check's transaction) and
 * for a {@code claim.ledger} (a review delivered): the deductibles and ceilings a checked claim would consume are recorded in {@code
 * claim_ded_rem} at once, in submission order, so later claims of the family count them as openIMIS does. Load,
 * value, write, in one transaction.
 */
public final class ValuationAdjudicator {

    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LeaseFence fence;
    private final String version;
    private final ValuationLoader loader;
    private final ValuationWriter writer;
    private final RuleSet rules;
    private final ValuationBatch batch;

    public ValuationAdjudicator(
            JdbcClient jdbc, PlatformTransactionManager transactions, RuleSet rules, int maxClaims) {
        this(jdbc, transactions, rules, maxClaims, Clock.systemDefaultZone(), LeaseFence.NONE);
    }

    /**
     * With the clock that stamps the results (tests set the day a scenario happens on) and the engine's lease fence,
     * proved first in each transaction.
     */
    public ValuationAdjudicator(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            RuleSet rules,
            int maxClaims,
            Clock clock,
            LeaseFence fence) {
        this.fence = fence;
        this.clock = clock;
        this.version = EngineVersion.of(rules);
        this.transaction = new TransactionTemplate(transactions);
        this.loader = new ValuationLoader(jdbc);
        this.writer = new ValuationWriter(jdbc);
        this.rules = rules;
        this.batch = new ValuationBatch(maxClaims, maxClaims * 4, maxClaims * 16);
    }

    /**
     * The ledger run without processing for claims just checked, inside the caller's (the check's) transaction:
     * their reservations of deductibles and ceilings, in their order.
     */
    public synchronized void reserve(long[] claimIds) {
        List<ValuationLoader.Loaded> loaded = loader.load(claimIds, batch);
        ValuationStep.run(batch, rules);
        writer.write(batch, loaded, Set.of(), Map.of(), List.of(), ResultStamp.now(clock, version));
    }

    public synchronized void adjudicate(List<ClaimEvent> events) {
        Set<Long> processed = new LinkedHashSet<>();
        Set<Long> claims = new LinkedHashSet<>();
        Set<UUID> logs = new LinkedHashSet<>();
        // a review's ledger re-run, by the claim's latest event of the batch; skipped when the claim has had it
        Map<Long, Long> ledgerEvents = new HashMap<>();
        for (ClaimEvent event : events) {
            switch (event.eventType()) {
                case "claim.process", "claim.check-and-process" -> processed.add(event.claimId());
                case "claim.ledger" -> ledgerEvents.merge(event.claimId(), event.outboxId(), Math::max);
                default -> {
                    continue;
                }
            }
            claims.add(event.claimId());
            if (event.mutationLogId() != null) logs.add(event.mutationLogId());
        }
        if (claims.isEmpty()) return;
        ledgerEvents.keySet().removeAll(processed);
        // in the events' order: a claim's ledger run counts what the claims before it in the batch consumed
        long[] ids = claims.stream().mapToLong(Long::longValue).toArray();
        int[] partitions = events.stream().mapToInt(ClaimEvent::partition).toArray();
        transaction.executeWithoutResult(status -> {
            fence.hold(partitions);
            List<ValuationLoader.Loaded> loaded = loader.load(ids, ledgerEvents, batch);
            ValuationStep.run(batch, rules);
            writer.write(batch, loaded, processed, ledgerEvents, List.copyOf(logs), ResultStamp.now(clock, version));
            writer.dropRejected(ids);
        });
    }
}
