package org.healthclaims.engine.failover;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongToIntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every committed write of a claim's result, as PostgreSQL saw it, independent of the engines' own word: a deferred
 * constraint trigger on claim (it fires at COMMIT, so a transaction that dies uncommitted leaves no row) records, for
 * each row whose version moved, the transaction, the engine (the session's application name), the claim's family,
 * when the transaction began and when it committed. Installed by the test in its own database: no migration.
 *
 * <p>Two transactions that write claims of one family and whose [began, committed] spans overlap adjudicated that
 * family at once: {@link #overlaps} finds them. The span is from the first statement (the loader's read of the
 * family's ledger) to the commit, so it is the window in which a second writer could consume a ceiling twice.
 */
final class WriteTrace {

    static final List<String> INSTALL = List.of("""
            create table claim_write_trace (
                tx           bigint      not null,
                engine       text        not null,
                family       bigint      not null,
                claim_id     bigint      not null,
                version      integer     not null,
                began_at     timestamptz not null,
                committed_at timestamptz not null)""", """
            create function trace_claim_write() returns trigger language plpgsql as $$
            begin
                insert into claim_write_trace (tx, engine, family, claim_id, version, began_at, committed_at)
                select txid_current(), current_setting('application_name'), coalesce(i.family_id, -i.id), new.id,
                       new.version, transaction_timestamp(), clock_timestamp()
                  from insuree i
                 where i.id = new.insuree_id;
                return null;
            end $$""", """
            create constraint trigger claim_write_trace after update on claim
                deferrable initially deferred
                for each row when (new.version <> old.version)
                execute function trace_claim_write()""");

    static final String WRITES = """
            select tx, engine, family, claim_id, version, began_at, committed_at
              from claim_write_trace
             where claim_id = any(:ids)
             order by committed_at, tx, claim_id""";

    /** One claim written by one committed transaction. */
    record Write(long tx, String engine, long family, long claimId, int version, Instant began, Instant committed) {}

    /** A committed transaction: its engine, span, and the families and partitions of the claims it wrote. */
    record Transaction(
            long tx, String engine, Instant began, Instant committed, Set<Long> families, Set<Integer> partitions) {

        boolean overlaps(Transaction other) {
            return began.isBefore(other.committed) && other.began.isBefore(committed);
        }
    }

    private final JdbcClient sql;

    private WriteTrace(JdbcClient sql) {
        this.sql = sql;
    }

    static WriteTrace install(JdbcClient sql) {
        for (String statement : INSTALL) sql.sql(statement).update();
        return new WriteTrace(sql);
    }

    /** The committed writes of these claims, in commit order. */
    List<Write> writes(long[] claimIds) {
        return sql.sql(WRITES)
                .param("ids", claimIds)
                .query((rs, n) -> new Write(
                        rs.getLong("tx"),
                        rs.getString("engine"),
                        rs.getLong("family"),
                        rs.getLong("claim_id"),
                        rs.getInt("version"),
                        rs.getObject("began_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("committed_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The writes grouped by transaction. */
    static List<Transaction> transactions(List<Write> writes, LongToIntFunction partitionOf) {
        Map<Long, Transaction> byTx = new LinkedHashMap<>();
        for (Write w : writes) {
            Transaction t = byTx.computeIfAbsent(
                    w.tx(),
                    tx -> new Transaction(tx, w.engine(), w.began(), w.committed(), new HashSet<>(), new HashSet<>()));
            t.families().add(w.family());
            t.partitions().add(partitionOf.applyAsInt(w.family()));
        }
        return List.copyOf(byTx.values());
    }

    /**
     * Every pair of transactions that wrote claims of one family while both were open, described; empty when no
     * family was ever adjudicated by two writers at once. With {@code byPartition}, pairs that share a partition
     * count too (stricter: one consumer per partition means its transactions never overlap either).
     */
    static List<String> overlaps(List<Transaction> transactions, boolean byPartition) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++)
            for (int j = i + 1; j < transactions.size(); j++) {
                Transaction a = transactions.get(i);
                Transaction b = transactions.get(j);
                boolean shared = byPartition
                        ? !java.util.Collections.disjoint(a.partitions(), b.partitions())
                        : !java.util.Collections.disjoint(a.families(), b.families());
                if (shared && a.overlaps(b))
                    found.add("tx " + a.tx() + " (" + a.engine() + ", " + a.began() + " to " + a.committed()
                            + ") and tx " + b.tx() + " (" + b.engine() + ", " + b.began() + " to " + b.committed()
                            + ") both wrote "
                            + (byPartition ? "partitions " + a.partitions() : "families " + a.families()) + " at once");
            }
        return found;
    }
}
