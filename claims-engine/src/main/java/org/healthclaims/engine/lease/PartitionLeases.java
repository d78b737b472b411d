package org.healthclaims.engine.lease;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.healthclaims.engine.intake.LeaseFence;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One engine's share of the adjudication partitions, held as leases in PostgreSQL. Each {@link #tick()} (every third
 * of the lease time, say) the engine
 *
 * <ol>
 *   <li>says it is alive ({@code engine_member.seen_at});
 *   <li>works out its fair share from the live engines, sorted by id: partition p goes to the engine at
 *       {@code p mod live}, so every engine computes the same split without talking to the others;
 *   <li>gives up what is no longer its share, after its consumer has stopped taking that partition's messages;
 *   <li>renews what it keeps, and takes what is its share and free (no owner, or an expired lease).
 * </ol>
 *
 * A partition is therefore never held by two engines: the lease row is taken only when free or expired, and an
 * engine that lost a lease (paused past its expiry) learns it at its next tick and stops the partition. A dead
 * engine stops renewing, drops out of the live set after one lease time, and the others take its partitions at
 * their next tick once its leases have expired. The clock is the database's.
 */
public final class PartitionLeases {

    /** Told when this engine starts or must stop consuming a partition. */
    public interface Listener {

        void assigned(int partition);

        /** Must return only once no message of the partition is being adjudicated any more. */
        void revoked(int partition);
    }

    private final JdbcClient jdbc;
    private final String member;
    private final int partitions;
    private final Duration ttl;
    private final Listener listener;
    private final BitSet held = new BitSet();

    public PartitionLeases(JdbcClient jdbc, String member, int partitions, Duration ttl, Listener listener) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("the lease time must be positive");
        this.jdbc = jdbc;
        this.member = member;
        this.partitions = partitions;
        this.ttl = ttl;
        this.listener = listener;
    }

    /** One round of the protocol above; answers the partitions held afterwards. */
    public synchronized BitSet tick() {
        String interval = ttl.toMillis() + " milliseconds";
        jdbc.sql("""
                        insert into engine_member (member_id, seen_at) values (:member, now())
                        on conflict (member_id) do update set seen_at = now()""").param("member", member).update();
        List<String> live =
                jdbc.sql("""
                        select member_id from engine_member
                         where seen_at > now() - cast(:ttl as interval) order by member_id""").param("ttl", interval).query(String.class).list();
        BitSet share = share(live.indexOf(member), live.size());

        // leases lost while this engine was not looking (a pause longer than the lease time)
        BitSet stillMine = new BitSet();
        for (int p : jdbc.sql("select partition_no from partition_lease where owner = :member and expires_at > now()")
                .param("member", member)
                .query(Integer.class)
                .list()) stillMine.set(p);
        for (int p = held.nextSetBit(0); p >= 0; p = held.nextSetBit(p + 1))
            if (!stillMine.get(p) || !share.get(p)) {
                listener.revoked(p);
                held.clear(p);
                jdbc.sql("update partition_lease set owner = null, expires_at = now()"
                                + " where partition_no = :p and owner = :member")
                        .param("p", p)
                        .param("member", member)
                        .update();
            }

        if (!held.isEmpty())
            jdbc.sql("update partition_lease set expires_at = now() + cast(:ttl as interval)"
                            + " where owner = :member and partition_no = any(:held)")
                    .param("ttl", interval)
                    .param("member", member)
                    .param("held", held.stream().toArray())
                    .update();

        List<Integer> wanted = new ArrayList<>();
        for (int p = share.nextSetBit(0); p >= 0; p = share.nextSetBit(p + 1)) if (!held.get(p)) wanted.add(p);
        if (!wanted.isEmpty()) {
            int[] partitionNos = wanted.stream().mapToInt(Integer::intValue).toArray();
            // another engine's expired lease is deleted, not updated: a DELETE waits for the batches still holding
            // that partition's fence (FOR KEY SHARE, which an UPDATE of the expiry or owner would not wait for)
            jdbc.sql("""
                            delete from partition_lease
                             where partition_no = any(:wanted) and owner <> :member and expires_at < now()""").param("member", member).param("wanted", partitionNos).update();
            List<Integer> taken = jdbc.sql("""
                            insert into partition_lease (partition_no, owner, expires_at)
                            select p, :member, now() + cast(:ttl as interval) from unnest(cast(:wanted as int[])) p
                            on conflict (partition_no) do update
                               set owner = excluded.owner, expires_at = excluded.expires_at
                             where partition_lease.owner is null or partition_lease.owner = excluded.owner
                            returning partition_no""")
                    .param("member", member)
                    .param("ttl", interval)
                    .param("wanted", partitionNos)
                    .query(Integer.class)
                    .list();
            for (int p : taken) {
                held.set(p);
                listener.assigned(p);
            }
        }
        // members gone for long are forgotten, so the table does not grow with every restart
        jdbc.sql("delete from engine_member where seen_at < now() - 10 * cast(:ttl as interval)")
                .param("ttl", interval)
                .update();
        return (BitSet) held.clone();
    }

    /**
     * The {@link LeaseFence} of this engine: inside an adjudication's transaction, locks the leases of {@code
     * partitions} and requires them to be this engine's and unexpired. FOR KEY SHARE: another engine's takeover
     * (a DELETE) waits until the transaction ends, while this engine's renewal (an UPDATE of the expiry) does not, so
     * a long batch cannot let its own leases lapse. Not synchronized: a tick must never wait for a batch.
     */
    public void fence(int[] partitions) {
        int[] distinct = java.util.Arrays.stream(partitions).distinct().toArray();
        List<Integer> mine = jdbc.sql("""
                        select partition_no from partition_lease
                         where partition_no = any(:partitions) and owner = :member and expires_at > now()
                           for key share""")
                .param("partitions", distinct)
                .param("member", member)
                .query(Integer.class)
                .list();
        if (mine.size() < distinct.length)
            throw new LeaseFence.LeaseLost("engine " + member + " no longer holds the lease of every partition of"
                    + " the batch " + java.util.Arrays.toString(distinct) + " (held: " + mine + ")");
    }

    /**
     * Leaves cleanly: stops every partition and frees its lease at once, so the other engines need not wait for
     * it to expire.
     */
    public synchronized void leave() {
        for (int p = held.nextSetBit(0); p >= 0; p = held.nextSetBit(p + 1)) listener.revoked(p);
        held.clear();
        jdbc.sql("update partition_lease set owner = null, expires_at = now() where owner = :member")
                .param("member", member)
                .update();
        jdbc.sql("delete from engine_member where member_id = :member")
                .param("member", member)
                .update();
    }

    /**
     * Stops every partition without touching the database (which may be the thing that is away): the leases
     * expire by themselves, and the next tick that reaches the database takes back what is still this engine's.
     */
    public synchronized void dropAll() {
        for (int p = held.nextSetBit(0); p >= 0; p = held.nextSetBit(p + 1)) listener.revoked(p);
        held.clear();
    }

    /** The partitions of the engine at {@code index} among {@code live} (none when it is not yet listed). */
    BitSet share(int index, int live) {
        BitSet share = new BitSet(partitions);
        if (index < 0) return share;
        for (int p = index; p < partitions; p += live) share.set(p);
        return share;
    }

    public String member() {
        return member;
    }
}
