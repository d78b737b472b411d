package org.healthclaims.load.bench;

import static org.healthclaims.load.datagen.Draws.draw;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.load.datagen.Draws;

/**
 * Entered claims for a benchmark, written by the database itself from the registers already there (the demo data or
 * any openIMIS-shaped data): {@code count} claims of insurees covered today, at random facilities, dated in the last
 * 60 days, with one to four items and up to two services of the registers at their prices. Deterministic: the same
 * seed over the same registers gives the same claims (codes {@code G<seed>-<n>}, uuids, lines): every draw is one of
 * {@link Draws}.
 */
final class GeneratedClaims {

    /**
     * The insurees covered today, numbered: a table, not an array (an array of 200,000 ids in a row was read whole
     * for every claim drawn from it).
     */
    private static final String INSUREES = """
            create temp table generation_insurees on commit drop as
            select cast(row_number() over (order by i.id) as int) as place, i.id from insuree i
             where i.validity_to is null
               and exists (select 1 from insuree_policy ip where ip.insuree_id = i.id and ip.validity_to is null
                              and ip.effective_date <= current_date and ip.expiry_date >= current_date)""";

    private static final String REFERENCES = """
            create temp table generation_refs on commit drop as
            select (select count(*) from generation_insurees) as insurees,
                   (select array_agg(hf.id order by hf.id) from health_facility hf where hf.validity_to is null)
                       as facilities,
                   (select array_agg(d.id order by d.id) from diagnosis d where d.validity_to is null) as diagnoses,
                   (select array_agg(m.id order by m.id) from medical_item m where m.validity_to is null) as items,
                   (select array_agg(m.price order by m.id) from medical_item m where m.validity_to is null)
                       as item_prices,
                   (select array_agg(m.id order by m.id) from medical_service m where m.validity_to is null)
                       as services,
                   (select array_agg(m.price order by m.id) from medical_service m where m.validity_to is null)
                       as service_prices""";

    private static final String CLAIMS = """
            insert into claim (uuid, code, insuree_id, health_facility_id, date_from, date_to, date_claimed, icd_id,
                               visit_type, status, claimed)
            select md5(:seed || '-' || n)::uuid, 'G' || :seed || '-' || n,
                   (select g.id from generation_insurees g where g.place = 1 + %s), r.facilities[1 + %s], d.day_from,
                   d.day_from + cast(case when %s = 0 then 1 + %s else 0 end as int),
                   d.day_from + cast(case when %s = 0 then 1 + %s else 0 end as int),
                   r.diagnoses[1 + %s], 'O', 2, 0
              from generate_series(1, :count) n
             cross join generation_refs r
             cross join lateral (select current_date - cast(%s as int) - 3 as day_from) d
             order by n""".formatted(
                    draw("n", 1, "least(:insurees, r.insurees)"),
                    draw("n", 2, "cardinality(r.facilities)"),
                    draw("n", 3, "8"),
                    draw("n", 4, "3"),
                    draw("n", 3, "8"),
                    draw("n", 4, "3"),
                    draw("n", 5, "cardinality(r.diagnoses)"),
                    draw("n", 6, "60"));

    /** %s: item or service; the lines of claim n are numbered j = 1..k. */
    private static final String LINES = """
            insert into claim_%1$s (claim_id, %1$s_id, qty_provided, price_asked)
            select c.id, r.%1$ss[1 + %2$s], 1 + %3$s, r.%1$s_prices[1 + %2$s]
              from claim c
             cross join generation_refs r
             cross join lateral (select cast(substring(c.code from position('-' in c.code) + 1) as bigint) as n) g
             cross join lateral generate_series(1, %4$s) j
             where c.code like 'G' || :seed || '-%%' and c.validity_to is null
             order by c.id, j""";

    private static final String CLAIMED = """
            update claim c
               set claimed = t.total
              from (select l.claim_id, sum(l.qty_provided * l.price_asked) as total
                      from (select claim_id, qty_provided, price_asked from claim_item where validity_to is null
                            union all
                            select claim_id, qty_provided, price_asked from claim_service where validity_to is null) l
                      join claim g on g.id = l.claim_id and g.code like 'G' || :seed || '-%'
                     group by l.claim_id) t
             where c.id = t.claim_id""";

    private GeneratedClaims() {}

    /** What was written. */
    record Written(int claims, int lines) {}

    /** Writes {@code count} entered claims in one transaction, of all the insurees covered today. */
    static Written write(Connection connection, long seed, int count) throws SQLException {
        return write(connection, seed, count, Integer.MAX_VALUE);
    }

    /**
     * Writes {@code count} entered claims in one transaction, of the first {@code insurees} insurees covered today
     * (few insurees: many claims each, so their maximum numbers and provisions run out).
     */
    static Written write(Connection connection, long seed, int count, int insurees) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute(INSUREES);
                s.execute("alter table generation_insurees add primary key (place)");
                s.execute(REFERENCES);
            }
            Map<String, Object> values = Map.of("seed", seed, "count", count, "insurees", insurees);
            int claims = update(connection, CLAIMS, values);
            // items: 1 to 4 per claim (draw 7 picks each, 8 the quantity); services: 0 to 2 (9, 10)
            int items = update(
                    connection,
                    LINES.formatted(
                            "item",
                            draw("(g.n * 8 + j)", 7, "cardinality(r.items)"),
                            draw("(g.n * 8 + j)", 8, "10"),
                            "1 + " + draw("g.n", 11, "4")),
                    values);
            int services = update(
                    connection,
                    LINES.formatted(
                            "service",
                            draw("(g.n * 8 + j)", 9, "cardinality(r.services)"),
                            draw("(g.n * 8 + j)", 10, "2"),
                            draw("g.n", 12, "3")),
                    values);
            update(connection, CLAIMED, values);
            connection.commit();
            // fresh statistics for the claims and lines just written, as after any bulk load
            try (Statement s = connection.createStatement()) {
                s.execute("analyze claim, claim_item, claim_service");
            }
            return new Written(claims, items + services);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * One entered claim (code {@code S<seed>-<partition>}, a consultation-free item line) on each partition of
     * {@code route}, for an insuree whose family the partition holds; answers their uuids. A bench submits them last
     * to know that each partition's queue has been consumed up to them.
     */
    static java.util.List<String> sentinels(Connection connection, long seed, AdjudicationRoute route)
            throws SQLException {
        java.util.Map<Integer, long[]> chosen = new java.util.TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "select id, coalesce(family_id, -id) from insuree where validity_to is null order by id")) {
            while (rs.next() && chosen.size() < route.partitions())
                chosen.putIfAbsent(route.partitionOf(rs.getLong(2)), new long[] {rs.getLong(1)});
        }
        java.util.List<String> uuids = new java.util.ArrayList<>();
        for (java.util.Map.Entry<Integer, long[]> partition : chosen.entrySet()) {
            String code = "S" + seed + "-" + partition.getKey();
            try (PreparedStatement p = connection.prepareStatement("""
                    with c as (
                        insert into claim (uuid, code, insuree_id, health_facility_id, date_from, date_claimed, icd_id,
                                           visit_type, status, claimed)
                        select gen_random_uuid(), ?, ?, (select min(id) from health_facility where validity_to is null),
                               current_date - 1, current_date - 1, (select min(id) from diagnosis), 'O', 2, 10
                        returning id, uuid)
                    insert into claim_item (claim_id, item_id, qty_provided, price_asked)
                    select c.id, (select min(id) from medical_item where validity_to is null), 1, 10 from c
                    returning (select uuid::text from c)""")) {
                p.setString(1, code);
                p.setLong(2, partition.getValue()[0]);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    uuids.add(rs.getString(1));
                }
            }
        }
        return uuids;
    }

    /** Deletes the claims of {@code seed} (and its sentinels) with their lines, ledger rows and outbox events. */
    static int delete(Connection connection, long seed) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        String ids = "select id from claim where code like 'G' || ? || '-%' or code like 'S' || ? || '-%'";
        try {
            for (String table : new String[] {"claim_ded_rem", "claim_item", "claim_service"})
                try (PreparedStatement p =
                        connection.prepareStatement("delete from " + table + " where claim_id in (" + ids + ")")) {
                    p.setLong(1, seed);
                    p.setLong(2, seed);
                    p.executeUpdate();
                }
            try (PreparedStatement p = connection.prepareStatement(
                    "delete from outbox where aggregate_type = 'claim' and aggregate_id in (" + ids + ")")) {
                p.setLong(1, seed);
                p.setLong(2, seed);
                p.executeUpdate();
            }
            int deleted;
            try (PreparedStatement p = connection.prepareStatement("delete from claim where id in (" + ids + ")")) {
                p.setLong(1, seed);
                p.setLong(2, seed);
                deleted = p.executeUpdate();
            }
            connection.commit();
            return deleted;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The ids of the claims of {@code seed}, in the order they were generated. */
    static long[] ids(Connection connection, long seed) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "select id from claim where code like 'G' || ? || '-%' and validity_to is null order by id")) {
            p.setLong(1, seed);
            try (ResultSet rs = p.executeQuery()) {
                java.util.List<Long> ids = new java.util.ArrayList<>();
                while (rs.next()) ids.add(rs.getLong(1));
                return ids.stream().mapToLong(Long::longValue).toArray();
            }
        }
    }

    private static int update(Connection connection, String sql, Map<String, Object> values) throws SQLException {
        try (Statement s = connection.createStatement()) {
            return s.executeUpdate(Draws.bind(sql, values));
        }
    }
}
