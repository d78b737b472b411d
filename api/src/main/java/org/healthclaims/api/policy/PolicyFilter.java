package org.healthclaims.api.policy;

import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.relay.Conditions;
import org.jspecify.annotations.Nullable;

/** The filter arguments of {@code policies}, under openIMIS's (graphene-django) names. */
record PolicyFilter(
        @Nullable UUID uuid,
        @Nullable UUID familyUuid,
        @Nullable String chfId,
        @Nullable String productCode,
        @Nullable Integer status,
        @Nullable Boolean activeToday) {

    /** Active today: openIMIS's status 2, effective and not yet expired. */
    static final String ACTIVE_TODAY =
            "p.status = 2 and p.effective_date <= current_date and p.expiry_date >= current_date";

    static PolicyFilter of(Map<String, Object> arguments) {
        return new PolicyFilter(
                (UUID) arguments.get("uuid"),
                (UUID) arguments.get("family_Uuid"),
                (String) arguments.get("insuree_ChfId"),
                (String) arguments.get("product_Code"),
                (Integer) arguments.get("status"),
                (Boolean) arguments.get("activeToday"));
    }

    /** The where fragments on table alias {@code p}. */
    Conditions conditions() {
        Conditions where = new Conditions();
        if (activeToday != null) where.always(activeToday ? ACTIVE_TODAY : "not (" + ACTIVE_TODAY + ")");
        return where.when(uuid, "p.uuid = :uuid", "uuid")
                .when(familyUuid, "p.family_id in (select f.id from family f where f.uuid = :familyUuid)", "familyUuid")
                .when(
                        chfId,
                        "p.id in (select ip.policy_id from insuree_policy ip join insuree i on i.id = ip.insuree_id"
                                + " where i.chf_id = :chfId and i.validity_to is null and ip.validity_to is null)",
                        "chfId")
                .when(
                        productCode,
                        "p.product_id in (select pr.id from product pr where pr.code = :productCode)",
                        "productCode")
                .when(status, "p.status = :status", "status");
    }

    /** The filter arguments of {@code insureePolicy}: where fragments on table alias {@code ip}. */
    static Conditions coverage(@Nullable String chfId, @Nullable UUID policyUuid) {
        return new Conditions()
                .when(
                        chfId,
                        "ip.insuree_id in (select i.id from insuree i where i.chf_id = :chfId and i.validity_to is null)",
                        "chfId")
                .when(
                        policyUuid,
                        "ip.policy_id in (select p.id from policy p where p.uuid = :policyUuid)",
                        "policyUuid");
    }
}
