package org.healthclaims.engine.intake;

import org.jspecify.annotations.Nullable;

/** Where the intake records a claim event it parks, besides the parked queue, so that it can be listed. */
@FunctionalInterface
public interface ParkingLot {

    /** {@code event} is null when the message was not a claim event at all. */
    void parked(@Nullable ClaimEvent event, String message, String reason);
}
