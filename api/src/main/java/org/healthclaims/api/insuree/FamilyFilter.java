package org.healthclaims.api.insuree;

import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.relay.Conditions;
import org.jspecify.annotations.Nullable;

/** The filter arguments of {@code families}, under openIMIS's (graphene-django) names. */
record FamilyFilter(
        @Nullable UUID uuid,
        @Nullable String headChfId,
        @Nullable String headLastNameStartsWith,
        @Nullable Boolean poverty,
        @Nullable String confirmationNo,
        @Nullable UUID locationUuid) {

    static FamilyFilter of(Map<String, Object> arguments) {
        return new FamilyFilter(
                (UUID) arguments.get("uuid"),
                (String) arguments.get("headInsuree_ChfId"),
                (String) arguments.get("headInsuree_LastName_Istartswith"),
                (Boolean) arguments.get("poverty"),
                (String) arguments.get("confirmationNo"),
                (UUID) arguments.get("location_Uuid"));
    }

    /** The where fragments on table alias {@code f}. */
    Conditions conditions() {
        return new Conditions()
                .when(uuid, "f.uuid = :uuid", "uuid")
                .when(
                        headChfId,
                        "f.head_insuree_id in (select i.id from insuree i where i.chf_id = :headChfId)",
                        "headChfId")
                .when(
                        headLastNameStartsWith == null ? null : Conditions.likePrefix(headLastNameStartsWith),
                        "f.head_insuree_id in (select i.id from insuree i"
                                + " where lower(i.last_name) like :headLastNamePrefix and i.validity_to is null)",
                        "headLastNamePrefix")
                .when(poverty, "f.poverty = :poverty", "poverty")
                .when(confirmationNo, "f.confirmation_no = :confirmationNo", "confirmationNo")
                .when(
                        locationUuid,
                        "f.location_id in (select l.id from location l where l.uuid = :locationUuid)",
                        "locationUuid");
    }
}
