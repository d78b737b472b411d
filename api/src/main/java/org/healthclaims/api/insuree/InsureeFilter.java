package org.healthclaims.api.insuree;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.relay.Conditions;
import org.jspecify.annotations.Nullable;

/** The filter arguments of {@code insurees}, under openIMIS's (graphene-django) names. */
record InsureeFilter(
        @Nullable UUID uuid,
        @Nullable String chfId,
        @Nullable String lastName,
        @Nullable String lastNameStartsWith,
        @Nullable String otherNamesStartsWith,
        @Nullable LocalDate dobFrom,
        @Nullable LocalDate dobTo,
        @Nullable String genderCode,
        @Nullable Boolean head,
        @Nullable UUID familyUuid,
        @Nullable UUID parentLocation,
        @Nullable Boolean activePolicy,
        boolean showHistory) {

    static InsureeFilter of(Map<String, Object> arguments) {
        return new InsureeFilter(
                (UUID) arguments.get("uuid"),
                (String) arguments.get("chfId"),
                (String) arguments.get("lastName"),
                (String) arguments.get("lastName_Istartswith"),
                (String) arguments.get("otherNames_Istartswith"),
                (LocalDate) arguments.get("dob_Gte"),
                (LocalDate) arguments.get("dob_Lte"),
                (String) arguments.get("gender_Code"),
                (Boolean) arguments.get("head"),
                (UUID) arguments.get("family_Uuid"),
                (UUID) arguments.get("parentLocation"),
                (Boolean) arguments.get("activePolicy"),
                Boolean.TRUE.equals(arguments.get("showHistory")));
    }

    /** Only the members of one family. */
    static InsureeFilter ofFamily(UUID familyUuid) {
        return new InsureeFilter(null, null, null, null, null, null, null, null, null, familyUuid, null, null, false);
    }

    /** The where fragments on table alias {@code i}. */
    Conditions conditions() {
        Conditions where = new Conditions();
        // history rows (closed copies) only when asked for, as openIMIS's showHistory does
        if (!showHistory) where.always("i.validity_to is null");
        if (activePolicy != null) where.always((activePolicy ? "" : "not ") + COVERED_TODAY);
        return where.when(uuid, "i.uuid = :uuid", "uuid")
                .when(chfId, "i.chf_id = :chfId", "chfId")
                .when(lastName, "i.last_name = :lastName", "lastName")
                .startsWith(lastNameStartsWith, "lower(i.last_name)", "lastNamePrefix")
                .startsWith(otherNamesStartsWith, "lower(i.other_names)", "otherNamesPrefix")
                .when(dobFrom, "i.dob >= :dobFrom", "dobFrom")
                .when(dobTo, "i.dob <= :dobTo", "dobTo")
                .when(genderCode, "i.gender = :genderCode", "genderCode")
                .when(head, "i.head = :head", "head")
                .when(familyUuid, "i.family_id in (select f.id from family f where f.uuid = :familyUuid)", "familyUuid")
                .when(
                        parentLocation,
                        "i.family_id in (select f.id from family f where f.validity_to is null and f.location_id in "
                                + Conditions.locationSubtree("parentLocation") + ")",
                        "parentLocation");
    }

    /** Covered today: a current insuree-policy of an active policy whose dates include today. */
    private static final String COVERED_TODAY = "exists (select 1"
            + " from insuree_policy ip join policy p on p.id = ip.policy_id"
            + " where ip.insuree_id = i.id and ip.validity_to is null and p.validity_to is null and p.status = 2"
            + " and ip.effective_date <= current_date and coalesce(ip.expiry_date, p.expiry_date) >= current_date)";
}
