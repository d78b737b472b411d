package org.healthclaims.engine.valuation;

import static org.healthclaims.engine.kernel.CheckBatch.NONE;
import static org.healthclaims.engine.kernel.CheckBatch.NO_AMOUNT;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthclaims.engine.kernel.ValuationBatch;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads the checked claims of a batch into a {@link ValuationBatch}: one statement for the claims, one for the
 * policies their passed lines were assigned to (with the product's settings, the members covered and what the
 * ledger holds for other claims), one for the passed lines (with the price-list price and the product line's
 * ceiling exclusions).
 */
final class ValuationLoader {

    /** A claim as loaded: its version guards the write-back. */
    record Loaded(int index, long claimId, int version) {}

    static final String CLAIMS = """
            select c.id, c.version, c.insuree_id, c.category, c.ledger_event_id,
                   c.date_to is not null and c.date_to <> c.date_from as hospitalisation,
                   hf.level = 'H' as hospital_facility,
                   (i.dob is null or i.dob + interval '18 years' <= coalesce(c.date_to, c.date_from)) as adult
              from claim c
              join insuree i on i.id = c.insuree_id
              join health_facility hf on hf.id = c.health_facility_id
             where c.id = any(:ids) and c.validity_to is null and c.status = 4""";

    static final String POLICIES = """
            with lines as (
                select claim_id, policy_id from claim_item where claim_id = any(:ids) and validity_to is null
                   and status = 1 and policy_id is not null
                union
                select claim_id, policy_id from claim_service where claim_id = any(:ids) and validity_to is null
                   and status = 1 and policy_id is not null)
            select l.claim_id, p.id as policy_id, coalesce(pr.ceiling_interpretation, 'I') as ceiling_interpretation,
                   pr.threshold,
                   (select count(*) from insuree_policy ip where ip.policy_id = p.id and ip.validity_to is null
                       and ip.effective_date <= coalesce(c.date_to, c.date_from)
                       and coalesce(ip.expiry_date, p.expiry_date) >= coalesce(c.date_to, c.date_from)) as members,
                   pr.ded_treatment, pr.ded_insuree, pr.ded_policy, pr.ded_ip_treatment, pr.ded_ip_insuree,
                   pr.ded_ip_policy, pr.ded_op_treatment, pr.ded_op_insuree, pr.ded_op_policy,
                   pr.max_treatment, pr.max_insuree, pr.max_policy, pr.max_ip_treatment, pr.max_ip_insuree,
                   pr.max_ip_policy, pr.max_op_treatment, pr.max_op_insuree, pr.max_op_policy,
                   pr.max_policy_extra_member, pr.max_policy_extra_member_ip, pr.max_policy_extra_member_op,
                   pr.max_ceiling_policy, pr.max_ceiling_policy_ip, pr.max_ceiling_policy_op,
                   pr.max_amount_surgery, pr.max_amount_delivery, pr.max_amount_antenatal,
                   pr.max_amount_hospitalization, pr.max_amount_consultation,
                   led.ded_g_insuree, led.ded_ip_insuree_used, led.ded_op_insuree_used,
                   led.ded_g_policy, led.ded_ip_policy_used, led.ded_op_policy_used,
                   led.rem_g_insuree, led.rem_ip_insuree_used, led.rem_op_insuree_used,
                   led.rem_g_policy, led.rem_ip_policy_used, led.rem_op_policy_used
              from lines l
              join claim c on c.id = l.claim_id
              join policy p on p.id = l.policy_id
              join product pr on pr.id = p.product_id
              cross join lateral (
                   select coalesce(sum(r.ded_g) filter (where r.insuree_id = c.insuree_id), 0) as ded_g_insuree,
                          coalesce(sum(r.ded_ip) filter (where r.insuree_id = c.insuree_id), 0) as ded_ip_insuree_used,
                          coalesce(sum(r.ded_op) filter (where r.insuree_id = c.insuree_id), 0) as ded_op_insuree_used,
                          coalesce(sum(r.ded_g), 0) as ded_g_policy,
                          coalesce(sum(r.ded_ip), 0) as ded_ip_policy_used,
                          coalesce(sum(r.ded_op), 0) as ded_op_policy_used,
                          coalesce(sum(r.rem_g) filter (where r.insuree_id = c.insuree_id), 0) as rem_g_insuree,
                          coalesce(sum(r.rem_ip) filter (where r.insuree_id = c.insuree_id), 0) as rem_ip_insuree_used,
                          coalesce(sum(r.rem_op) filter (where r.insuree_id = c.insuree_id), 0) as rem_op_insuree_used,
                          coalesce(sum(r.rem_g), 0) as rem_g_policy,
                          coalesce(sum(r.rem_ip), 0) as rem_ip_policy_used,
                          coalesce(sum(r.rem_op), 0) as rem_op_policy_used
                     from claim_ded_rem r
                    where r.policy_id = p.id and r.validity_to is null and r.claim_id <> all(:ids)) led
             order by l.claim_id, p.id""";

    /** %1$s item or service, %2$s items or services, %3$s false or true. */
    private static final String LINES_OF = """
            select cl.claim_id, %3$s as service, cl.id as line_id, cl.policy_id,
                   coalesce(cl.qty_approved, cl.qty_provided) as qty, cl.price_asked, cl.price_approved,
                   coalesce(d.price_overrule, m.price) as price_list_price, cl.price_origin, cl.limitation,
                   cl.limitation_value, pl.ceiling_exclusion_adult, pl.ceiling_exclusion_child
              from claim_%1$s cl
              join claim c on c.id = cl.claim_id
              join health_facility hf on hf.id = c.health_facility_id
              join medical_%1$s m on m.id = cl.%1$s_id
              left join product_%1$s pl on pl.product_id = cl.product_id and pl.%1$s_id = cl.%1$s_id
                   and pl.validity_to is null
              left join lateral (select d.price_overrule from %2$s_pricelist_detail d
                                  where d.%2$s_pricelist_id = hf.%2$s_pricelist_id and d.%1$s_id = cl.%1$s_id
                                    and d.validity_from::date <= coalesce(c.date_to, c.date_from)
                                    and (d.validity_to is null
                                         or d.validity_to::date > coalesce(c.date_to, c.date_from))
                                  order by d.id desc limit 1) d on true
             where cl.claim_id = any(:ids) and cl.validity_to is null and cl.status = 1
               and cl.policy_id is not null""";

    static final String LINES = LINES_OF.formatted("item", "items", "false") + "\nunion all\n"
            + LINES_OF.formatted("service", "services", "true") + "\norder by claim_id, service, line_id";

    private final JdbcClient jdbc;

    ValuationLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Loaded> load(long[] claimIds, ValuationBatch batch) {
        return load(claimIds, Map.of(), batch);
    }

    /**
     * As {@link #load(long[], ValuationBatch)}, leaving out a claim whose ledger re-run event (its outbox id in
     * {@code ledgerEvents}) it has had already: a repeated delivery.
     */
    List<Loaded> load(long[] claimIds, Map<Long, Long> ledgerEvents, ValuationBatch batch) {
        batch.clear();
        Map<Long, Object[]> claims = new HashMap<>();
        jdbc.sql(CLAIMS).param("ids", claimIds).query(rs -> {
            long applied = rs.getLong("ledger_event_id");
            Long event = ledgerEvents.get(rs.getLong("id"));
            if (event != null && applied >= event) return;
            String category = rs.getString("category");
            claims.put(rs.getLong("id"), new Object[] {
                rs.getInt("version"),
                rs.getLong("insuree_id"),
                rs.getBoolean("hospitalisation"),
                rs.getBoolean("hospital_facility"),
                rs.getBoolean("adult"),
                category == null ? 'V' : category.charAt(0)
            });
        });
        if (claims.isEmpty()) return List.of();
        // the claims to value, not every claim of the events: the ledger rows of a claim valued before (a repeated
        // event) must count for the others, as they would in any other batch
        long[] valued = java.util.Arrays.stream(claimIds)
                .filter(claims::containsKey)
                .distinct()
                .toArray();
        Map<Long, List<Object[]>> policies = new HashMap<>();
        jdbc.sql(POLICIES).param("ids", valued).query(rs -> {
            policies.computeIfAbsent(rs.getLong("claim_id"), k -> new ArrayList<>())
                    .add(policy(rs));
        });
        Map<Long, List<Object[]>> lines = new HashMap<>();
        jdbc.sql(LINES).param("ids", valued).query(rs -> {
            lines.computeIfAbsent(rs.getLong("claim_id"), k -> new ArrayList<>())
                    .add(new Object[] {
                        rs.getLong("line_id"),
                        rs.getBoolean("service"),
                        rs.getLong("policy_id"),
                        cents(rs, "qty"),
                        cents(rs, "price_asked"),
                        cents(rs, "price_approved"),
                        cents(rs, "price_list_price"),
                        code(rs, "price_origin", 'P'),
                        code(rs, "limitation", (char) 0),
                        cents(rs, "limitation_value"),
                        code(rs, "ceiling_exclusion_adult", (char) 0),
                        code(rs, "ceiling_exclusion_child", (char) 0)
                    });
        });

        List<Loaded> loaded = new ArrayList<>();
        for (long claimId : valued) {
            Object[] c = claims.remove(claimId);
            if (c == null) continue;
            int index = batch.claim(claimId, (long) c[1], (boolean) c[2], (boolean) c[3], (boolean) c[4], (char) c[5]);
            loaded.add(new Loaded(index, claimId, (int) c[0]));
            List<Long> policyIds = new ArrayList<>();
            for (Object[] p : policies.getOrDefault(claimId, List.of())) {
                policyIds.add((long) p[0]);
                batch.policy(
                        (long) p[0],
                        (char) p[1],
                        (int) p[2],
                        (int) p[3],
                        (long[][]) p[4],
                        (long[][]) p[5],
                        (long[]) p[6],
                        (long[]) p[7],
                        (long[]) p[8],
                        (long[]) p[9],
                        (long[]) p[10],
                        (long[]) p[11],
                        (long[]) p[12]);
            }
            for (Object[] l : lines.getOrDefault(claimId, List.of()))
                batch.line(
                        (long) l[0],
                        (boolean) l[1],
                        policyIds.indexOf((long) l[2]),
                        (long) l[3],
                        (long) l[4],
                        (long) l[5],
                        (long) l[6],
                        (char) l[7],
                        (char) l[8],
                        (long) l[9],
                        (char) l[10],
                        (char) l[11]);
        }
        return loaded;
    }

    private static Object[] policy(ResultSet rs) throws SQLException {
        int threshold = rs.getInt("threshold");
        boolean noThreshold = rs.wasNull();
        return new Object[] {
            rs.getLong("policy_id"),
            rs.getString("ceiling_interpretation").charAt(0),
            rs.getInt("members"),
            noThreshold ? NONE : threshold,
            new long[][] {
                {cents(rs, "ded_treatment"), cents(rs, "ded_insuree"), cents(rs, "ded_policy")},
                {cents(rs, "ded_ip_treatment"), cents(rs, "ded_ip_insuree"), cents(rs, "ded_ip_policy")},
                {cents(rs, "ded_op_treatment"), cents(rs, "ded_op_insuree"), cents(rs, "ded_op_policy")}
            },
            new long[][] {
                {cents(rs, "max_treatment"), cents(rs, "max_insuree"), cents(rs, "max_policy")},
                {cents(rs, "max_ip_treatment"), cents(rs, "max_ip_insuree"), cents(rs, "max_ip_policy")},
                {cents(rs, "max_op_treatment"), cents(rs, "max_op_insuree"), cents(rs, "max_op_policy")}
            },
            new long[] {
                cents(rs, "max_policy_extra_member"),
                cents(rs, "max_policy_extra_member_ip"),
                cents(rs, "max_policy_extra_member_op")
            },
            new long[] {
                cents(rs, "max_ceiling_policy"), cents(rs, "max_ceiling_policy_ip"), cents(rs, "max_ceiling_policy_op")
            },
            new long[] {
                cents(rs, "max_amount_surgery"),
                cents(rs, "max_amount_delivery"),
                cents(rs, "max_amount_antenatal"),
                cents(rs, "max_amount_hospitalization"),
                cents(rs, "max_amount_consultation")
            },
            new long[] {cents(rs, "ded_g_insuree"), cents(rs, "ded_ip_insuree_used"), cents(rs, "ded_op_insuree_used")},
            new long[] {cents(rs, "ded_g_policy"), cents(rs, "ded_ip_policy_used"), cents(rs, "ded_op_policy_used")},
            new long[] {cents(rs, "rem_g_insuree"), cents(rs, "rem_ip_insuree_used"), cents(rs, "rem_op_insuree_used")},
            new long[] {cents(rs, "rem_g_policy"), cents(rs, "rem_ip_policy_used"), cents(rs, "rem_op_policy_used")}
        };
    }

    private static char code(ResultSet rs, String column, char absent) throws SQLException {
        String code = rs.getString(column);
        return code == null || code.isEmpty() ? absent : code.charAt(0);
    }

    /** numeric(18,2) as cents (or hundredths), NO_AMOUNT for null. */
    private static long cents(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? NO_AMOUNT : value.movePointRight(2).longValueExact();
    }
}
