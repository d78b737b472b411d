package org.healthclaims.engine.intake;

/**
 * Called first in every adjudication transaction with the partitions of its events: proves that this engine still
 * holds their leases and keeps them from being taken over until the transaction ends, or throws {@link LeaseLost}.
 * So a batch that outlives its engine's lease (a long pause, a consumer stopped too late) commits nothing, and the
 * engine that takes the partition over starts only after it: a family's claims are never adjudicated by two engines
 * at once.
 */
@FunctionalInterface
public interface LeaseFence {

    /** For adjudication outside the partitions (a benchmark's reference run, a test): nothing to prove. */
    LeaseFence NONE = partitions -> {};

    void hold(int[] partitions);

    /** The lease of a partition is no longer this engine's: the batch goes back to the queue, untouched. */
    final class LeaseLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LeaseLost(String message) {
            super(message);
        }
    }
}
