package org.healthclaims.engine.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.healthclaims.engine.intake.Adjudicator;
import org.healthclaims.engine.intake.ClaimEvent;
import org.healthclaims.engine.kernel.CheckBatch;
import org.healthclaims.engine.kernel.CheckStep;
import org.healthclaims.engine.kernel.RuleSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The check step for a batch of {@code claim.check} events: load, check, write, in one transaction. The columns are
 * allocated once for the largest batch and reused; the adjudicator belongs to one partition consumer at a time.
 * Other events (valuation) are not this step's: they are refused, so the intake retries and parks them rather than
 * acknowledging them unanswered.
 */
public final class CheckAdjudicator implements Adjudicator {

    private final TransactionTemplate transaction;
    private final CheckLoader loader;
    private final CheckWriter writer;
    private final RuleSet rules;
    private final CheckBatch batch;

    public CheckAdjudicator(JdbcClient jdbc, PlatformTransactionManager transactions, RuleSet rules, int maxClaims) {
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
            if (!event.eventType().equals("claim.check"))
                throw new UnsupportedOperationException(
                        "the engine does not value claims yet: " + event.eventType() + " of claim " + event.claimId());
            claims.add(event.claimId());
            if (event.mutationLogId() != null) logs.add(event.mutationLogId());
        }
        long[] ids = claims.stream().mapToLong(Long::longValue).toArray();
        transaction.executeWithoutResult(status -> {
            List<CheckLoader.Loaded> loaded = loader.load(ids, batch);
            CheckStep.run(batch, rules);
            writer.write(batch, loaded, loader.lineIds, new ArrayList<>(logs));
        });
    }
}
