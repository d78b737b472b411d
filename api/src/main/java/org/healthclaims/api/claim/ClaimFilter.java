package org.healthclaims.api.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.relay.Conditions;
import org.jspecify.annotations.Nullable;

/**
 * The filter arguments of {@code claims}, under openIMIS's (graphene-django) names. Related-table filters are
 * {@code in (select ...)} sub-queries on indexed keys, so the page query itself never joins.
 */
record ClaimFilter(
        @Nullable UUID uuid,
        @Nullable String code,
        @Nullable String codeStartsWith,
        @Nullable String codeContains,
        @Nullable Integer status,
        @Nullable Integer statusAbove,
        @Nullable Integer reviewStatus,
        @Nullable Integer feedbackStatus,
        @Nullable String visitType,
        @Nullable String healthFacilityCode,
        @Nullable UUID healthFacilityUuid,
        @Nullable String insureeChfId,
        @Nullable UUID adminUuid,
        @Nullable LocalDate dateClaimed,
        @Nullable LocalDate dateClaimedFrom,
        @Nullable LocalDate dateClaimedTo,
        @Nullable LocalDate dateFromFrom,
        @Nullable LocalDate dateToTo,
        int @Nullable [] statusIn,
        @Nullable LocalDate dateFromTo,
        @Nullable LocalDate dateToFrom,
        @Nullable BigDecimal claimedFrom,
        @Nullable BigDecimal claimedTo,
        @Nullable String icdCode,
        @Nullable String adminCode,
        @Nullable UUID parentLocation,
        @Nullable Integer diagnosisVariance,
        @Nullable UUID @Nullable [] uuids,
        @Nullable UUID mutationLogId,
        boolean showHistory) {

    static ClaimFilter of(Map<String, Object> arguments) {
        return new ClaimFilter(
                (UUID) arguments.get("uuid"),
                (String) arguments.get("code"),
                (String) arguments.get("code_Istartswith"),
                (String) arguments.get("code_Icontains"),
                (Integer) arguments.get("status"),
                (Integer) arguments.get("status_Gt"),
                (Integer) arguments.get("reviewStatus"),
                (Integer) arguments.get("feedbackStatus"),
                (String) arguments.get("visitType"),
                (String) arguments.get("healthFacility_Code"),
                (UUID) arguments.get("healthFacility_Uuid"),
                (String) arguments.get("insuree_ChfId"),
                (UUID) arguments.get("admin_Uuid"),
                (LocalDate) arguments.get("dateClaimed"),
                (LocalDate) arguments.get("dateClaimed_Gte"),
                (LocalDate) arguments.get("dateClaimed_Lte"),
                (LocalDate) arguments.get("dateFrom_Gte"),
                (LocalDate) arguments.get("dateTo_Lte"),
                ints(arguments.get("status_In")),
                (LocalDate) arguments.get("dateFrom_Lte"),
                (LocalDate) arguments.get("dateTo_Gte"),
                (BigDecimal) arguments.get("claimed_Gte"),
                (BigDecimal) arguments.get("claimed_Lte"),
                (String) arguments.get("icd_Code"),
                (String) arguments.get("admin_Code"),
                (UUID) arguments.get("parentLocation"),
                (Integer) arguments.get("diagnosisVariance"),
                arguments.get("uuids") instanceof List<?> list ? list.toArray(UUID[]::new) : null,
                (UUID) arguments.get("mutationLogId"),
                Boolean.TRUE.equals(arguments.get("showHistory")));
    }

    private static int @Nullable [] ints(@Nullable Object list) {
        if (!(list instanceof List<?> values)) return null;
        int[] ints = new int[values.size()];
        for (int i = 0; i < ints.length; i++) ints[i] = (Integer) values.get(i);
        return ints;
    }

    /** The where fragments on table alias {@code c}. */
    Conditions conditions() {
        Conditions where = new Conditions();
        // history rows (closed copies) only when asked for, as openIMIS's showHistory does
        if (!showHistory) where.always("c.validity_to is null");
        return where.when(uuid, "c.uuid = :uuid", "uuid")
                .when(uuids, "c.uuid = any(:uuids)", "uuids")
                // the claims a mutation handed to the engine (submitClaims, processClaims): poll their statuses
                .when(
                        mutationLogId,
                        "c.id in (select o.aggregate_id from outbox o where o.mutation_log_id = :mutationLogId"
                                + " and o.aggregate_type = 'claim')",
                        "mutationLogId")
                .when(code, "c.code = :code", "code")
                .startsWith(codeStartsWith, "lower(c.code)", "codePrefix")
                .contains(codeContains, "lower(c.code)", "codePart")
                .when(status, "c.status = :status", "status")
                .when(statusAbove, "c.status > :statusAbove", "statusAbove")
                .when(reviewStatus, "c.review_status = :reviewStatus", "reviewStatus")
                .when(feedbackStatus, "c.feedback_status = :feedbackStatus", "feedbackStatus")
                .when(visitType, "c.visit_type = :visitType", "visitType")
                .when(
                        healthFacilityCode,
                        "c.health_facility_id in (select hf.id from health_facility hf"
                                + " where hf.code = :healthFacilityCode and hf.validity_to is null)",
                        "healthFacilityCode")
                .when(
                        healthFacilityUuid,
                        "c.health_facility_id in (select hf.id from health_facility hf where hf.uuid = :healthFacilityUuid)",
                        "healthFacilityUuid")
                .when(
                        insureeChfId,
                        "c.insuree_id in (select i.id from insuree i where i.chf_id = :insureeChfId)",
                        "insureeChfId")
                .when(
                        adminUuid,
                        "c.claim_admin_id in (select ca.id from claim_admin ca where ca.uuid = :adminUuid)",
                        "adminUuid")
                .when(dateClaimed, "c.date_claimed = :dateClaimed", "dateClaimed")
                .when(dateClaimedFrom, "c.date_claimed >= :dateClaimedFrom", "dateClaimedFrom")
                .when(dateClaimedTo, "c.date_claimed <= :dateClaimedTo", "dateClaimedTo")
                .when(dateFromFrom, "c.date_from >= :dateFromFrom", "dateFromFrom")
                .when(dateToTo, "coalesce(c.date_to, c.date_from) <= :dateToTo", "dateToTo")
                .when(statusIn, "c.status = any(:statusIn)", "statusIn")
                .when(dateFromTo, "c.date_from <= :dateFromTo", "dateFromTo")
                .when(dateToFrom, "coalesce(c.date_to, c.date_from) >= :dateToFrom", "dateToFrom")
                .when(claimedFrom, "c.claimed >= :claimedFrom", "claimedFrom")
                .when(claimedTo, "c.claimed <= :claimedTo", "claimedTo")
                .when(icdCode, "c.icd_id in (select d.id from diagnosis d where d.code = :icdCode)", "icdCode")
                .when(
                        adminCode,
                        "c.claim_admin_id in (select ca.id from claim_admin ca where ca.code = :adminCode)",
                        "adminCode")
                .when(
                        parentLocation,
                        "c.health_facility_id in (select hf.id from health_facility hf where hf.location_id in "
                                + Conditions.locationSubtree("parentLocation") + ")",
                        "parentLocation")
                .when(
                        diagnosisVariance,
                        "c.claimed > (1 + :diagnosisVariance / 100.0) * (select avg(o.approved) from claim o"
                                + " where o.icd_id = c.icd_id and o.validity_to is null"
                                + " and o.date_claimed >= current_date - interval '1 year')",
                        "diagnosisVariance");
    }
}
