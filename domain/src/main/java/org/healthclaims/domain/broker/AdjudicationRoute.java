package org.healthclaims.domain.broker;

/**
 * Where a claim travels to the claims engine, shared by the api (which publishes) and the engine (which consumes):
 * one exchange, a fixed number of durable partition queues, and the partition of a claim chosen by its family (the
 * policy holder: per-policy deductibles and ceilings are the family's), so that one engine at a time adjudicates a
 * family's claims. Every name carries the deployment's prefix (AMQP_PREFIX).
 */
public record AdjudicationRoute(String prefix, int partitions) {

    /** More queues than this would cost the broker more than they spread the load. */
    public static final int MOST_PARTITIONS = 1024;

    public AdjudicationRoute {
        if (partitions < 1 || partitions > MOST_PARTITIONS)
            throw new IllegalArgumentException(
                    "the adjudication partitions are 1 to " + MOST_PARTITIONS + ", not " + partitions);
    }

    public String exchange() {
        return prefix + "claims.adjudication";
    }

    public String queue(int partition) {
        return prefix + "claims.adjudication.p" + partition;
    }

    public String routingKey(int partition) {
        return "partition." + partition;
    }

    /** Where a claim that cannot be adjudicated is parked, with its reason, after its retries. */
    public String parkedQueue() {
        return prefix + "claims.adjudication.parked";
    }

    /**
     * The partition of a family (or, for an insuree without one, of the negated insuree id the outbox stores): a
     * multiplicative hash, so that consecutive family ids spread over the partitions.
     */
    public int partitionOf(long familyKey) {
        long mixed = familyKey * 0x9E3779B97F4A7C15L;
        return (int) Long.remainderUnsigned(mixed ^ (mixed >>> 32), partitions);
    }
}
