package org.healthclaims.load.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything adjudication wrote on the generated claims of a seed, as comparable text rows: each claim's status,
 * reason, amounts and version; each line's outcome (by its place in the claim, so two generations of the same seed
 * compare); each ledger row. Times and database ids are left out, so two runs over the same data compare equal
 * exactly when they decided the same.
 */
record AdjudicationSnapshot(List<String> claims, List<String> lines, List<String> ledger) {

    private static final String CLAIMS = """
            select concat_ws('|', c.code, c.status, c.rejection_reason, c.category, c.approved, c.valuated,
                             c.remunerated, c.version)
              from claim c where c.code like 'G' || ? || '-%' and c.validity_to is null order by c.code""";

    private static final String LINES = """
            select concat_ws('|', c.code, l.kind, l.place, l.status, l.rejection_reason, l.qty_approved, l.product_id,
                             l.policy_id, l.price_origin, l.limitation, l.limitation_value, l.price_adjusted,
                             l.price_valuated, l.deductable_amount, l.exceed_ceiling_amount,
                             l.exceed_ceiling_amount_category, l.remunerated_amount)
              from claim c
              join (select 'i' as kind, row_number() over (partition by claim_id order by id) as place, claim_id,
                           status, rejection_reason, qty_approved, product_id, policy_id, price_origin, limitation,
                           limitation_value, price_adjusted, price_valuated, deductable_amount, exceed_ceiling_amount,
                           exceed_ceiling_amount_category, remunerated_amount
                      from claim_item where validity_to is null
                    union all
                    select 's', row_number() over (partition by claim_id order by id), claim_id, status,
                           rejection_reason, qty_approved, product_id, policy_id, price_origin, limitation,
                           limitation_value, price_adjusted, price_valuated, deductable_amount, exceed_ceiling_amount,
                           exceed_ceiling_amount_category, remunerated_amount
                      from claim_service where validity_to is null) l on l.claim_id = c.id
             where c.code like 'G' || ? || '-%' and c.validity_to is null
             order by c.code, l.kind, l.place""";

    private static final String LEDGER = """
            select concat_ws('|', c.code, r.policy_id, r.insuree_id, r.ded_g, r.ded_ip, r.ded_op, r.rem_g, r.rem_ip,
                             r.rem_op, r.rem_surgery, r.rem_delivery, r.rem_antenatal, r.rem_hospitalization,
                             r.rem_consult)
              from claim_ded_rem r join claim c on c.id = r.claim_id
             where c.code like 'G' || ? || '-%' and c.validity_to is null
             order by c.code, r.policy_id""";

    static AdjudicationSnapshot of(Connection connection, long seed) throws SQLException {
        return new AdjudicationSnapshot(
                rows(connection, CLAIMS, seed), rows(connection, LINES, seed), rows(connection, LEDGER, seed));
    }

    /** The first differences with {@code other} (at most {@code max}), each as this row and the other's. */
    List<String> differences(AdjudicationSnapshot other, int max) {
        List<String> found = new ArrayList<>();
        compare("claim", claims, other.claims, found, max);
        compare("line", lines, other.lines, found, max);
        compare("ledger", ledger, other.ledger, found, max);
        return found;
    }

    private static void compare(String what, List<String> mine, List<String> theirs, List<String> found, int max) {
        if (mine.size() != theirs.size())
            found.add(what + " rows: " + mine.size() + " here, " + theirs.size() + " there");
        for (int i = 0; i < Math.min(mine.size(), theirs.size()) && found.size() < max; i++)
            if (!mine.get(i).equals(theirs.get(i))) found.add(what + ": " + mine.get(i) + "  <>  " + theirs.get(i));
    }

    private static List<String> rows(Connection connection, String sql, long seed) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setLong(1, seed);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
