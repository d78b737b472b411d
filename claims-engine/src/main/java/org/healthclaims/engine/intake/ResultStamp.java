package org.healthclaims.engine.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What the writers record with every result of one adjudicated batch: the time (from the engine's clock, so a test
 * can set the day a scenario happens on), the batch's id and the engine version that produced it.
 */
public record ResultStamp(OffsetDateTime at, UUID batchId, String engineVersion) {

    public static ResultStamp now(Clock clock, String engineVersion) {
        return new ResultStamp(OffsetDateTime.now(clock), UUID.randomUUID(), engineVersion);
    }

    /** The day of {@link #at} where the engine runs: openIMIS's DateProcessed. */
    public LocalDate day() {
        return at.toLocalDate();
    }
}
