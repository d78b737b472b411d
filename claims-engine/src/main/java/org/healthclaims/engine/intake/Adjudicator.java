package org.healthclaims.engine.intake;

import java.util.List;

/** Adjudicates a batch of events of one partition, in order, and commits the results before returning. */
@FunctionalInterface
public interface Adjudicator {

    /**
     * Throws when the batch could not be committed; nothing of it may then be left written. Called by one thread per
     * partition at a time, so the events of a family are never adjudicated concurrently.
     */
    void adjudicate(List<ClaimEvent> batch);
}
