package org.healthclaims.engine.intake;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One outbox event as the engine receives it: what to do ({@code claim.check}, {@code claim.check-and-process},
 * {@code claim.process}) with which claim, on behalf of which mutation log.
 */
public record ClaimEvent(
        long outboxId,
        String eventType,
        long claimId,
        int partition,
        @Nullable UUID mutationLogId) {}
