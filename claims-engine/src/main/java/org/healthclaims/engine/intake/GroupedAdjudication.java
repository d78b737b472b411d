package org.healthclaims.engine.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Adjudicates the batches the partition consumers hand over together, as a database commits a group: whoever finds
 * the adjudicator free takes every batch waiting (up to {@code maxClaims} events) and adjudicates them as one, and the
 * others return when it has. The partitions' batches are small when claims arrive spread over many queues; grouped,
 * the fixed cost of a batch (its statements, its commit) is paid once for them all. Each partition's events stay in
 * order, behind its earlier ones, so a family is still adjudicated in order and by one thread at a time.
 *
 * <p>When a group fails, every member fails with it (as a plain failure, even when the cause was one partition's lost
 * lease); the consumers then try their events alone on the adjudicator itself, not through the group, so one bad
 * claim or one lost lease cannot fail other partitions' claims again.
 */
final class GroupedAdjudication implements Adjudicator {

    /** A consumer's batch, waiting for a group. */
    private static final class Member {
        final List<ClaimEvent> events;
        volatile boolean done;
        volatile @Nullable RuntimeException failure;

        Member(List<ClaimEvent> events) {
            this.events = events;
        }
    }

    private final Adjudicator adjudicator;
    private final int maxClaims;
    private final ConcurrentLinkedQueue<Member> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock leading = new ReentrantLock();

    GroupedAdjudication(Adjudicator adjudicator, int maxClaims) {
        this.adjudicator = adjudicator;
        this.maxClaims = maxClaims;
    }

    @Override
    public void adjudicate(List<ClaimEvent> batch) {
        Member member = new Member(batch);
        waiting.add(member);
        while (!member.done) {
            leading.lock();
            try {
                // a leader before us may have taken and finished this batch while we waited for the lock
                if (!member.done) lead();
            } finally {
                leading.unlock();
            }
        }
        RuntimeException failure = member.failure;
        if (failure != null) throw failure;
    }

    /** Takes the waiting batches, in the order they came, up to the group's size; adjudicates them as one. */
    private void lead() {
        List<Member> group = new ArrayList<>();
        List<ClaimEvent> events = new ArrayList<>();
        for (Member next = waiting.peek(); next != null; next = waiting.peek()) {
            if (!group.isEmpty() && events.size() + next.events.size() > maxClaims) break;
            waiting.poll();
            group.add(next);
            events.addAll(next.events);
        }
        RuntimeException failure = null;
        try {
            adjudicator.adjudicate(events);
        } catch (RuntimeException e) {
            // not the members' own verdict: a lease lost for one partition of the group must not send the other
            // partitions' batches back to their queues (their consumers would go on with later events first); each
            // member retries its events alone, where its own partition's fence decides
            failure = group.size() > 1 ? new IllegalStateException("the group's batch failed: " + e, e) : e;
        }
        for (Member m : group) {
            m.failure = failure;
            m.done = true;
        }
    }
}
