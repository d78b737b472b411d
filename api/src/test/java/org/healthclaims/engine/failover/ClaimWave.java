package org.healthclaims.engine.failover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.healthclaims.api.testing.Mutating;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A wave of new claims over the demo's reference data: each a copy (header and lines, new code and uuid, version 0,
 * Entered) of one of the demo's entered claims, so the same insurees, facilities, policies and price lists, and
 * thus the same mix of outcomes: passed, rejected, valued within and beyond ceilings. Handed to the engines the way
 * a front-end does: submitClaims for half of the mutations (a check), processClaims for the other half (a check,
 * then valuation), 50 claims a mutation, as the demo user Admin.
 */
final class ClaimWave {

    static final int CLAIMS_PER_MUTATION = 50;

    /** The demo's own entered claims, never submitted: the templates (earlier waves' copies have other codes). */
    static final String TEMPLATES = """
            select c.id from claim c
             where c.validity_to is null and c.status = 2 and c.submit_stamp is null and c.code not like 'W-%'
             order by c.id""";

    static final String NEW_IDS = "select nextval(pg_get_serial_sequence('claim', 'id')) from generate_series(1, :n)";

    static final String COPY_CLAIMS = """
            insert into claim (id, uuid, code, insuree_id, health_facility_id, claim_admin_id, date_from, date_to,
                               date_claimed, icd_id, icd_1_id, icd_2_id, icd_3_id, icd_4_id, visit_type, status,
                               claimed, explanation, guarantee_id, refer_from_id, refer_to_id, care_type,
                               pre_authorization, patient_condition, referral_code, audit_user_id)
            select n.id, gen_random_uuid(), :label || '-' || n.ord, t.insuree_id, t.health_facility_id,
                   t.claim_admin_id, t.date_from, t.date_to, t.date_claimed, t.icd_id, t.icd_1_id, t.icd_2_id,
                   t.icd_3_id, t.icd_4_id, t.visit_type, 2, t.claimed, t.explanation, t.guarantee_id,
                   t.refer_from_id, t.refer_to_id, t.care_type, t.pre_authorization, t.patient_condition,
                   t.referral_code, t.audit_user_id
              from unnest(cast(:ids as bigint[]), cast(:templates as bigint[])) with ordinality as n(id, template, ord)
              join claim t on t.id = n.template""";

    /** %1$s is item or service. */
    static final String COPY_LINES = """
            insert into claim_%1$s (claim_id, %1$s_id, qty_provided, price_asked, explanation, audit_user_id)
            select n.id, l.%1$s_id, l.qty_provided, l.price_asked, l.explanation, l.audit_user_id
              from unnest(cast(:ids as bigint[]), cast(:templates as bigint[])) as n(id, template)
              join claim_%1$s l on l.claim_id = n.template and l.validity_to is null
             order by n.id, l.id""";

    static final String CLAIMS = """
            select c.id, c.uuid, coalesce(i.family_id, -i.id) as family
              from claim c join insuree i on i.id = c.insuree_id
             where c.id = any(:ids)
             order by c.id""";

    /** Claims still without the result their event asks for: a check while Entered, a valuation while Checked. */
    static final String WAITING = """
            select count(*) from claim c
             where c.id = any(:ids) and (c.status = 2 or (c.status = 4 and c.id = any(:processed)))""";

    private final JdbcClient sql;
    private final long[] ids;
    private final List<String> uuids;
    private final Map<Long, Long> familyOf;
    private final Set<Long> processed = new HashSet<>();
    private final Map<String, List<Long>> claimsOfLog = new LinkedHashMap<>();

    private ClaimWave(JdbcClient sql, long[] ids, List<String> uuids, Map<Long, Long> familyOf) {
        this.sql = sql;
        this.ids = ids;
        this.uuids = uuids;
        this.familyOf = familyOf;
    }

    /** Enters {@code count} new claims coded {@code W-<label>-<n>}, in one transaction's worth of statements. */
    static ClaimWave enter(JdbcClient sql, String label, int count) {
        List<Long> templates = sql.sql(TEMPLATES).query(Long.class).list();
        if (templates.isEmpty()) throw new IllegalStateException("the demo data holds no entered claim to copy");
        long[] ids = sql.sql(NEW_IDS).param("n", count).query(Long.class).list().stream()
                .mapToLong(Long::longValue)
                .toArray();
        long[] from = new long[count];
        for (int i = 0; i < count; i++) from[i] = templates.get(i % templates.size());
        sql.sql(COPY_CLAIMS)
                .param("label", "W-" + label)
                .param("ids", ids)
                .param("templates", from)
                .update();
        for (String kind : List.of("item", "service"))
            sql.sql(COPY_LINES.formatted(kind))
                    .param("ids", ids)
                    .param("templates", from)
                    .update();
        List<String> uuids = new ArrayList<>();
        Map<Long, Long> familyOf = new HashMap<>();
        sql.sql(CLAIMS).param("ids", ids).query(rs -> {
            uuids.add(rs.getString("uuid"));
            familyOf.put(rs.getLong("id"), rs.getLong("family"));
        });
        return new ClaimWave(sql, ids, uuids, familyOf);
    }

    /**
     * submitClaims and processClaims, taking turns, {@link #CLAIMS_PER_MUTATION} claims each; each mutation's log id
     * is kept with its claims.
     */
    void handOff(Mutating mutating) {
        for (int from = 0, turn = 0; from < ids.length; from += CLAIMS_PER_MUTATION, turn++) {
            int to = Math.min(ids.length, from + CLAIMS_PER_MUTATION);
            String mutation = turn % 2 == 0 ? "processClaims" : "submitClaims";
            String log = mutating.ok(
                    mutating.send(
                            "Admin", mutation, "ClaimUuidsMutationInput", Map.of("uuids", uuids.subList(from, to))),
                    mutation);
            List<Long> claims = new ArrayList<>();
            for (int i = from; i < to; i++) {
                claims.add(ids[i]);
                if (mutation.equals("processClaims")) processed.add(ids[i]);
            }
            claimsOfLog.put(log, claims);
        }
    }

    /** How many of the wave's claims still wait for their result. */
    int waiting() {
        return sql.sql(WAITING)
                .param("ids", ids)
                .param("processed", processedIds())
                .query(Integer.class)
                .single();
    }

    long[] ids() {
        return ids.clone();
    }

    int size() {
        return ids.length;
    }

    long[] processedIds() {
        return processed.stream().mapToLong(Long::longValue).toArray();
    }

    boolean isProcessed(long claimId) {
        return processed.contains(claimId);
    }

    long familyOf(long claimId) {
        return java.util.Objects.requireNonNull(familyOf.get(claimId), "a claim of this wave");
    }

    /** The mutation logs of the hand-off, each with its claims. */
    Map<String, List<Long>> claimsOfLog() {
        return Map.copyOf(claimsOfLog);
    }

    /** Its mutation log ids. */
    UUID[] logs() {
        return claimsOfLog.keySet().stream().map(UUID::fromString).toArray(UUID[]::new);
    }
}
