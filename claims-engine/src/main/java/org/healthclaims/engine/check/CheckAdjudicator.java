package org.healthclaims.engine.check;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.healthclaims.engine.intake.Adjudicator;
import org.healthclaims.engine.intake.ClaimEvent;
import org.healthclaims.engine.intake.EngineVersion;
import org.healthclaims.engine.intake.LeaseFence;
import org.healthclaims.engine.intake.ResultStamp;
import org.healthclaims.engine.kernel.CheckBatch;
import org.healthclaims.engine.kernel.CheckStep;
import org.healthclaims.engine.kernel.RuleSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The check step for the {@code claim.check} and {@code claim.check-and-process} events of a batch: load, check,
 * write, in one transaction. The columns are allocated once for the largest batch and reused. {@code claim.process}
 * and {@code claim.ledger} events are the valuation's; an event of no known type is refused, so the intake parks it with the reason.
 */
public final class CheckAdjudicator implements Adjudicator {

    /**
     * Called inside the check's transaction with the claims it has just checked (2 → 4), in their order: the
     * engine's ledger run without processing (openIMIS's submit-time dedrem) reserves their deductibles and
     * ceilings there, so it happens exactly once per check, never again for a repeated event.
     */
    @FunctionalInterface
    public interface Checked {
        Checked NONE = claimIds -> {};

        void claims(long[] claimIds);
    }

    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LeaseFence fence;
    private final Checked checked;
    private final String version;
    private final CheckLoader loader;
    private final CheckWriter writer;
    private final RuleSet rules;
    private final CheckBatch batch;

    public CheckAdjudicator(JdbcClient jdbc, PlatformTransactionManager transactions, RuleSet rules, int maxClaims) {
        this(jdbc, transactions, rules, maxClaims, Clock.systemDefaultZone(), LeaseFence.NONE, Checked.NONE);
    }

    /**
     * With the clock that stamps the results (tests set the day a scenario happens on), the engine's lease fence,
     * proved first in each transaction, and what follows a check in its transaction.
     */
    public CheckAdjudicator(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            RuleSet rules,
            int maxClaims,
            Clock clock,
            LeaseFence fence,
            Checked checked) {
        this.fence = fence;
        this.checked = checked;
        this.clock = clock;
        this.version = EngineVersion.of(rules);
        this.transaction = new TransactionTemplate(transactions);
        this.loader = new CheckLoader(jdbc, rules);
        this.writer = new CheckWriter(jdbc, rules);
        this.rules = rules;
        // a claim has a handful of lines, a line a handful of coverages; both grow if a batch needs more
        this.batch = new CheckBatch(maxClaims, maxClaims * 64, maxClaims * 256);
    }

    @Override
    public synchronized void adjudicate(List<ClaimEvent> events) {
        Set<Long> claims = new LinkedHashSet<>();
        Set<UUID> logs = new LinkedHashSet<>();
        for (ClaimEvent event : events) {
            switch (event.eventType()) {
                case "claim.check", "claim.check-and-process" -> claims.add(event.claimId());
                case "claim.process", "claim.ledger" -> {
                    continue;
                }
                default ->
                    throw new IllegalArgumentException(
                            "no step adjudicates " + event.eventType() + " (claim " + event.claimId() + ")");
            }
            if (event.mutationLogId() != null) logs.add(event.mutationLogId());
        }
        if (claims.isEmpty()) return;
        long[] ids = claims.stream().mapToLong(Long::longValue).toArray();
        int[] partitions = events.stream().mapToInt(ClaimEvent::partition).toArray();
        transaction.executeWithoutResult(status -> {
            fence.hold(partitions);
            List<CheckLoader.Loaded> loaded = loader.load(ids, batch);
            CheckStep.run(batch, rules);
            long[] nowChecked =
                    writer.write(batch, loaded, loader.lineIds, new ArrayList<>(logs), ResultStamp.now(clock, version));
            if (nowChecked.length > 0) checked.claims(nowChecked);
        });
    }
}
