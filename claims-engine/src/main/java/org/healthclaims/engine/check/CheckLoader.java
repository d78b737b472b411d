package org.healthclaims.engine.check;

import static org.healthclaims.engine.kernel.CheckBatch.NONE;
import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthclaims.engine.kernel.CheckBatch;
import org.healthclaims.engine.kernel.RuleSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads the claims of a batch that still wait for their check (current, entered) into a {@link CheckBatch}: one
 * statement for the claims, one for their lines, one for the lines' candidate coverages with what the insuree
 * already used of them. "Counted" claims are the insuree's other current claims checked or beyond, outside this
 * batch (the kernel adds the batch's own as it checks them).
 *
 * <p>What the insuree had before is looked up only where a rule reads it: the other claims' dates of an item or
 * service with a frequency, the quantity used of one with a maximum provision, the claims counted for a service of
 * a product with maximum numbers. Each lookup scans the insuree's history, so a claim of an insuree with many claims
 * cost that much for every line and candidate; most lines need none of them (they were most of a check's time).
 */
final class CheckLoader {

    /** A claim as loaded: its version guards the write-back. */
    record Loaded(int index, long claimId, int version) {}

    private static final String TD = "coalesce(%1$s.date_to, %1$s.date_from)";

    static final String CLAIMS = """
            select c.id, c.version, c.insuree_id,
                   (i.validity_to is null and f.id is not null and f.validity_to is null) as family_valid,
                   exists (select 1 from insuree_policy ip
                            where ip.insuree_id = c.insuree_id and ip.validity_to is null
                              and ip.effective_date <= c.date_from and ip.expiry_date >= %s) as covered,
                   c.date_from, c.date_to, c.date_claimed, coalesce(c.visit_type, 'O') as visit_type,
                   coalesce(hf.care_type, 'B') as facility_care_type,
                   (i.dob + interval '18 years')::date as adult_from, coalesce(i.gender, 'F') <> 'F' as male
              from claim c
              join insuree i on i.id = c.insuree_id
              left join family f on f.id = i.family_id
              join health_facility hf on hf.id = c.health_facility_id
             where c.id = any(:ids) and c.validity_to is null and c.status = 2""".formatted(TD.formatted("c"));

    /** %1$s item or service, %2$s items or services. */
    private static final String LINES_OF = """
            select cl.claim_id, %3$s as service, cl.id as line_id, cl.%1$s_id as medical_id,
                   m.validity_to is null as register_valid,
                   d.id is not null as in_price_list, coalesce(d.price_overrule, m.price) as price_list_price,
                   m.care_type, %4$s as category, m.patient_category, coalesce(m.frequency, 0) as frequency,
                   case when m.frequency > 0 then
                   (select max(%5$s) from claim o join claim_%1$s ol on ol.claim_id = o.id
                     where o.insuree_id = c.insuree_id and o.validity_to is null and o.status > 2 and o.id <> all(:ids)
                       and ol.%1$s_id = cl.%1$s_id and ol.status = 1 and ol.validity_to is null
                       and %5$s <= c.td) end as other_td_before,
                   case when m.frequency > 0 then
                   (select min(%5$s) from claim o join claim_%1$s ol on ol.claim_id = o.id
                     where o.insuree_id = c.insuree_id and o.validity_to is null and o.status > 2 and o.id <> all(:ids)
                       and ol.%1$s_id = cl.%1$s_id and ol.status = 1 and ol.validity_to is null
                       and %5$s > c.td) end as other_td_after,
                   cl.qty_provided, cl.qty_approved, cl.price_asked, cl.price_approved, cl.rejection_reason
              from claim_%1$s cl
              join batch c on c.id = cl.claim_id
              join medical_%1$s m on m.id = cl.%1$s_id
              left join lateral (select d.id, d.price_overrule from %2$s_pricelist_detail d
                                  where d.%2$s_pricelist_id = c.%2$s_pricelist_id and d.%1$s_id = cl.%1$s_id
                                    and d.validity_from::date <= c.td
                                    and (d.validity_to is null or d.validity_to::date > c.td)
                                  order by d.id desc limit 1) d on true
             where cl.validity_to is null""";

    static final String LINES = """
            with batch as (select c.id, c.insuree_id, %s as td, hf.items_pricelist_id, hf.services_pricelist_id
                             from claim c join health_facility hf on hf.id = c.health_facility_id
                            where c.id = any(:ids))
            %s
            union all
            %s
            order by claim_id, service, line_id""".formatted(
                    TD.formatted("c"),
                    LINES_OF.formatted("item", "items", "false", "null::varchar", TD.formatted("o")),
                    LINES_OF.formatted("service", "services", "true", "m.category", TD.formatted("o")));

    /**
     * %1$s item or service; %2$s the end of the counting period (modular: the earlier of the policy's and the
     * insuree's expiry; legacy: the insuree's).
     */
    private static final String CANDIDATES_OF = """
            select %4$s as service, cl.id as line_id, p.id as policy_id, pr.id as product_id, ip.effective_date as covered_from,
                   %2$s as count_to, p.effective_date as policy_effective, p.stage = 'N' as new_policy,
                   pl.waiting_period_adult, pl.waiting_period_child,
                   floor(pl.limit_no_adult)::int as limit_no_adult, floor(pl.limit_no_child)::int as limit_no_child,
                   pr.max_no_consultation, pr.max_no_surgery, pr.max_no_delivery, pr.max_no_antenatal,
                   pr.max_no_hospitalization, pr.max_no_visits,
                   counted.consultation, counted.surgery, counted.delivery, counted.antenatal, counted.hospitalization,
                   counted.visits,
                   case when pl.limit_no_adult is not null or pl.limit_no_child is not null then
                   (select coalesce(sum(coalesce(ol.qty_approved, ol.qty_provided)), 0)
                      from claim o join claim_%1$s ol on ol.claim_id = o.id
                     where o.insuree_id = c.insuree_id and o.validity_to is null and o.status > 2
                       and o.id <> all(:ids) and ol.%1$s_id = cl.%1$s_id and ol.status = 1
                       and ol.validity_to is null
                       and %3$s between ip.effective_date and %2$s) else 0 end as used_quantity,
                   pl.price_origin, pl.limitation_type, pl.limitation_type_e, pl.limitation_type_r,
                   pl.limit_adult, pl.limit_child, pl.limit_adult_e, pl.limit_child_e, pl.limit_adult_r,
                   pl.limit_child_r
              from claim_%1$s cl
              join batch c on c.id = cl.claim_id
              join insuree_policy ip on ip.insuree_id = c.insuree_id and ip.validity_to is null
                   and ip.effective_date <= c.td and coalesce(ip.expiry_date, c.td) >= c.td
              join policy p on p.id = ip.policy_id and p.validity_to is null and p.status in (2, 8)
                   and p.effective_date <= c.td and p.expiry_date >= c.td
              join product pr on pr.id = p.product_id and pr.validity_to is null
              join product_%1$s pl on pl.product_id = pr.id and pl.%1$s_id = cl.%1$s_id and pl.validity_to is null
              cross join lateral (
                   select count(*) filter (where o.category = 'C') as consultation,
                          count(*) filter (where o.category = 'S') as surgery,
                          count(*) filter (where o.category = 'D') as delivery,
                          count(*) filter (where o.category = 'A') as antenatal,
                          count(*) filter (where o.category = 'H') as hospitalization,
                          count(*) filter (where o.category = 'V' or o.category is null) as visits
                     from claim o
                    where %4$s and coalesce(pr.max_no_consultation, pr.max_no_surgery, pr.max_no_delivery,
                                           pr.max_no_antenatal, pr.max_no_hospitalization, pr.max_no_visits) is not null
                      and o.insuree_id = c.insuree_id and o.validity_to is null and o.status > 2
                      and o.id <> all(:ids) and %3$s between ip.effective_date and %2$s) counted
             where cl.validity_to is null""";

    private static String candidates(RuleSet rules) {
        String countTo = rules == RuleSet.MODULAR
                ? "least(p.expiry_date, coalesce(ip.expiry_date, p.expiry_date))"
                : "coalesce(ip.expiry_date, p.expiry_date)";
        return """
                with batch as (select c.id, c.insuree_id, %s as td from claim c where c.id = any(:ids))
                %s
                union all
                %s
                order by service, line_id, policy_id, product_id""".formatted(
                        TD.formatted("c"),
                        CANDIDATES_OF.formatted("item", countTo, TD.formatted("o"), "false"),
                        CANDIDATES_OF.formatted("service", countTo, TD.formatted("o"), "true"));
    }

    private final JdbcClient jdbc;
    private final RuleSet rules;
    private final String candidatesSql;

    CheckLoader(JdbcClient jdbc, RuleSet rules) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.candidatesSql = candidates(rules);
    }

    /**
     * Fills {@code batch} with those of {@code claimIds} (in their order: the order they were submitted) that still
     * wait for their check; answers them.
     */
    List<Loaded> load(long[] claimIds, CheckBatch batch) {
        batch.clear();
        lineIds.clear();
        Map<Long, Object[]> claims = new HashMap<>();
        jdbc.sql(CLAIMS).param("ids", claimIds).query(rs -> {
            claims.put(rs.getLong("id"), new Object[] {
                rs.getInt("version"),
                rs.getLong("insuree_id"),
                rs.getBoolean("family_valid"),
                rs.getBoolean("covered"),
                day(rs, "date_from"),
                day(rs, "date_to"),
                day(rs, "date_claimed"),
                rs.getString("visit_type").charAt(0),
                rs.getString("facility_care_type").charAt(0),
                day(rs, "adult_from"),
                rs.getBoolean("male")
            });
        });
        if (claims.isEmpty()) return List.of();
        // the claims that wait, not every claim of the events: a claim checked before (a repeated event) must count
        // among the insuree's earlier claims, as it would in any other batch
        long[] waiting = java.util.Arrays.stream(claimIds)
                .filter(claims::containsKey)
                .distinct()
                .toArray();
        Map<Long, List<Object[]>> lines = new HashMap<>();
        jdbc.sql(LINES).param("ids", waiting).query(rs -> {
            String category = rs.getString("category");
            lines.computeIfAbsent(rs.getLong("claim_id"), k -> new ArrayList<>())
                    .add(new Object[] {
                        rs.getBoolean("service"),
                        rs.getLong("medical_id"),
                        rs.getBoolean("register_valid"),
                        rs.getBoolean("in_price_list"),
                        rs.getString("care_type").charAt(0),
                        category == null ? (char) 0 : category.charAt(0),
                        rs.getInt("patient_category"),
                        rs.getInt("frequency"),
                        day(rs, "other_td_before"),
                        day(rs, "other_td_after"),
                        hundredths(rs, "qty_provided"),
                        hundredths(rs, "qty_approved"),
                        hundredths(rs, "price_asked"),
                        hundredths(rs, "price_approved"),
                        hundredths(rs, "price_list_price"),
                        rs.getInt("rejection_reason"),
                        rs.getLong("line_id")
                    });
        });
        Map<Long, List<Object[]>> candidates = new HashMap<>();
        jdbc.sql(candidatesSql).param("ids", waiting).query(rs -> {
            // item and service lines are numbered apart: a line is its table and its id
            candidates
                    .computeIfAbsent(lineKey(rs.getBoolean("service"), rs.getLong("line_id")), k -> new ArrayList<>())
                    .add(candidate(rs));
        });

        List<Loaded> loaded = new ArrayList<>();
        for (long claimId : waiting) {
            Object[] c = claims.remove(claimId);
            if (c == null) continue;
            int index = batch.claim(
                    claimId,
                    (long) c[1],
                    (boolean) c[2],
                    (boolean) c[3],
                    (int) c[4],
                    (int) c[5],
                    (int) c[6],
                    (char) c[7],
                    (char) c[8],
                    (int) c[9],
                    (boolean) c[10]);
            loaded.add(new Loaded(index, claimId, (int) c[0]));
            for (Object[] l : lines.getOrDefault(claimId, List.of())) {
                int line = batch.line(
                        (boolean) l[0],
                        (long) l[1],
                        (boolean) l[2],
                        (boolean) l[3],
                        (char) l[4],
                        (char) l[5],
                        (int) l[6],
                        (int) l[7],
                        (int) l[8],
                        (int) l[9],
                        (long) l[10],
                        (long) l[11],
                        (long) l[12],
                        (long) l[13],
                        (long) l[14],
                        (int) l[15]);
                lineIds.put(line, (long) l[16]);
                for (Object[] k : candidates.getOrDefault(lineKey((boolean) l[0], (long) l[16]), List.of()))
                    batch.candidate(
                            (long) k[0],
                            (long) k[1],
                            (int) k[2],
                            (int) k[3],
                            (int) k[4],
                            (boolean) k[5],
                            (int) k[6],
                            (int) k[7],
                            (int) k[8],
                            (int) k[9],
                            (int[]) k[10],
                            (int[]) k[11],
                            (long) k[12],
                            (char) k[13],
                            (char[]) k[14],
                            (long[]) k[15],
                            (long[]) k[16]);
            }
        }
        return loaded;
    }

    private static long lineKey(boolean service, long lineId) {
        return service ? -lineId : lineId;
    }

    /** The database id of each loaded line, by its index in the batch. */
    final Map<Integer, Long> lineIds = new HashMap<>();

    private static Object[] candidate(ResultSet rs) throws SQLException {
        return new Object[] {
            rs.getLong("policy_id"),
            rs.getLong("product_id"),
            day(rs, "covered_from"),
            day(rs, "count_to"),
            day(rs, "policy_effective"),
            rs.getBoolean("new_policy"),
            integer(rs, "waiting_period_adult"),
            integer(rs, "waiting_period_child"),
            integer(rs, "limit_no_adult"),
            integer(rs, "limit_no_child"),
            new int[] {
                integer(rs, "max_no_consultation"),
                integer(rs, "max_no_surgery"),
                integer(rs, "max_no_delivery"),
                integer(rs, "max_no_antenatal"),
                integer(rs, "max_no_hospitalization"),
                integer(rs, "max_no_visits")
            },
            new int[] {
                rs.getInt("consultation"),
                rs.getInt("surgery"),
                rs.getInt("delivery"),
                rs.getInt("antenatal"),
                rs.getInt("hospitalization"),
                rs.getInt("visits")
            },
            hundredths(rs, "used_quantity"),
            rs.getString("price_origin").charAt(0),
            new char[] {type(rs, "limitation_type"), type(rs, "limitation_type_e"), type(rs, "limitation_type_r")},
            new long[] {hundredths(rs, "limit_adult"), hundredths(rs, "limit_adult_e"), hundredths(rs, "limit_adult_r")
            },
            new long[] {hundredths(rs, "limit_child"), hundredths(rs, "limit_child_e"), hundredths(rs, "limit_child_r")}
        };
    }

    private static char type(ResultSet rs, String column) throws SQLException {
        String type = rs.getString(column);
        return type == null || type.isEmpty() ? (char) 0 : type.charAt(0);
    }

    private static int day(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? NONE : (int) date.toLocalDate().toEpochDay();
    }

    private static int integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? NONE : value;
    }

    /** A numeric(18,2) as hundredths (quantities) or cents (money) — the same scale — or NO_AMOUNT for null. */
    private static long hundredths(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? NO_AMOUNT : value.movePointRight(2).longValueExact();
    }

    RuleSet rules() {
        return rules;
    }
}
