package org.healthclaims.engine.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.healthclaims.engine.failover.WriteTrace.Transaction;
import org.healthclaims.engine.failover.WriteTrace.Write;
import org.junit.jupiter.api.Test;

/** The overlap finder of the write trace: it must flag what the failover tests rely on it to flag. */
class WriteTraceTest {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    /** Families 1 and 2 share partition 0; family 3 is alone in partition 1. */
    static int partitionOf(long family) {
        return family == 3 ? 1 : 0;
    }

    static Write write(long tx, String engine, long family, long claim, int fromMillis, int toMillis) {
        return new Write(tx, engine, family, claim, 1, T.plusMillis(fromMillis), T.plusMillis(toMillis));
    }

    static List<Transaction> transactions(Write... writes) {
        return WriteTrace.transactions(List.of(writes), WriteTraceTest::partitionOf);
    }

    @Test
    void two_transactions_of_one_family_open_at_the_same_time_overlap() {
        List<Transaction> txs = transactions(write(1, "a", 1, 10, 0, 100), write(2, "b", 1, 11, 50, 150));

        assertThat(WriteTrace.overlaps(txs, false)).singleElement().asString().contains("tx 1", "tx 2", "families");
        assertThat(WriteTrace.overlaps(txs, true)).hasSize(1);
    }

    @Test
    void one_transaction_beginning_after_the_other_committed_does_not_overlap() {
        List<Transaction> txs = transactions(write(1, "a", 1, 10, 0, 100), write(2, "b", 1, 11, 100, 150));

        assertThat(WriteTrace.overlaps(txs, false)).isEmpty();
        assertThat(WriteTrace.overlaps(txs, true)).isEmpty();
    }

    @Test
    void families_of_one_partition_overlapping_count_only_by_partition() {
        List<Transaction> txs = transactions(write(1, "a", 1, 10, 0, 100), write(2, "b", 2, 11, 50, 150));

        assertThat(WriteTrace.overlaps(txs, false)).isEmpty();
        assertThat(WriteTrace.overlaps(txs, true)).singleElement().asString().contains("partitions [0]");
    }

    @Test
    void transactions_of_different_partitions_run_side_by_side() {
        List<Transaction> txs = transactions(write(1, "a", 1, 10, 0, 100), write(2, "a", 3, 11, 50, 150));

        assertThat(WriteTrace.overlaps(txs, true)).isEmpty();
    }

    @Test
    void the_claims_of_one_transaction_are_one_span_that_a_second_writer_of_any_of_its_families_overlaps() {
        List<Transaction> txs =
                transactions(write(1, "a", 3, 10, 0, 100), write(1, "a", 1, 12, 0, 100), write(2, "b", 1, 11, 99, 200));

        assertThat(txs).hasSize(2);
        assertThat(txs.getFirst().families()).containsExactlyInAnyOrder(1L, 3L);
        assertThat(WriteTrace.overlaps(txs, false)).hasSize(1);
    }
}
