package org.healthclaims.api.security;

import graphql.GraphQLContext;
import java.util.Arrays;
import java.util.Objects;
import org.healthclaims.api.guard.ApiError;
import org.healthclaims.api.relay.Conditions;
import org.jspecify.annotations.Nullable;

/**
 * What the caller may do and where: the rights of their current roles and their scope, as openIMIS's row security
 * has it (domain.md §6.3). A user bound to a health facility (a claim administrator) sees that facility's claims;
 * everyone else sees the claims of the facilities in their districts. Insurees, families and policies are seen
 * through the district of their village; a claim administrator's districts are those of their facility's region.
 * Technical users are not restricted. The scope is applied inside the SQL of every query as a {@code where} on the
 * ids the caller may see, so a page of N rows is N rows in scope.
 */
public final class Access {

    /** Villages of the caller's districts (village > ward > district), for the tables located by village. */
    private static final String VILLAGES = "(select v.id from location v join location w on w.id = v.parent_location_id"
            + " where w.parent_location_id = any(:scopeDistricts))";

    private final long userId;
    private final String username;
    private final String userType;
    private final int[] rights;
    private final @Nullable Long healthFacilityId;
    private final @Nullable Long claimAdminId;
    private final @Nullable Long officerId;
    private final long[] districtIds;

    Access(
            long userId,
            String username,
            String userType,
            int[] rights,
            @Nullable Long healthFacilityId,
            @Nullable Long claimAdminId,
            @Nullable Long officerId,
            long[] districtIds) {
        this.userId = userId;
        this.username = username;
        this.userType = userType;
        this.rights = rights.clone();
        Arrays.sort(this.rights);
        this.healthFacilityId = healthFacilityId;
        this.claimAdminId = claimAdminId;
        this.officerId = officerId;
        this.districtIds = districtIds.clone();
    }

    /** The caller of the request being executed; present whenever the request is authenticated. */
    public static Access of(GraphQLContext context) {
        return Objects.requireNonNull(context.get(Access.class), "no authenticated caller");
    }

    public long userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public @Nullable Long healthFacilityId() {
        return healthFacilityId;
    }

    public @Nullable Long claimAdminId() {
        return claimAdminId;
    }

    public @Nullable Long officerId() {
        return officerId;
    }

    public boolean has(int right) {
        return Arrays.binarySearch(rights, right) >= 0;
    }

    /** Refuses (FORBIDDEN, code MISSING_RIGHT) unless the caller holds the right. */
    public void require(int right, String action) {
        if (!has(right))
            throw ApiError.forbidden(
                    "MISSING_RIGHT", null, "You may not " + action + " (right " + right + " is not among your roles)");
    }

    int[] rights() {
        return rights.clone();
    }

    /** Whether a district is one of the caller's. */
    public boolean inDistricts(long districtId) {
        for (long id : districtIds) if (id == districtId) return true;
        return false;
    }

    /** Technical users see every row (openIMIS's row security skips them). */
    public boolean unrestricted() {
        return "TECHNICAL".equals(userType);
    }

    /** Limits claims (table alias {@code alias}) to the caller's facility, or to the facilities of their districts. */
    public Conditions claims(Conditions where, String alias) {
        if (unrestricted()) return where;
        if (healthFacilityId != null)
            return where.when(healthFacilityId, alias + ".health_facility_id = :scopeFacility", "scopeFacility");
        return where.when(
                districtIds,
                alias + ".health_facility_id in (select sf.id from health_facility sf"
                        + " where sf.location_id = any(:scopeDistricts))",
                "scopeDistricts");
    }

    /** Limits health facilities (or claim administrators through their facility) to the caller's districts. */
    public Conditions facilities(Conditions where, String facilityIdColumn) {
        if (unrestricted()) return where;
        return where.when(
                districtIds,
                facilityIdColumn
                        + " in (select sf.id from health_facility sf where sf.location_id = any(:scopeDistricts))",
                "scopeDistricts");
    }

    /** Limits insurees to those whose village, or whose family's village, lies in the caller's districts. */
    public Conditions insurees(Conditions where, String alias) {
        if (unrestricted()) return where;
        return where.when(
                districtIds,
                "(" + alias + ".current_village_id in " + VILLAGES + " or " + alias
                        + ".family_id in (select sf.id from family sf where sf.location_id in " + VILLAGES + "))",
                "scopeDistricts");
    }

    /** Limits rows that point to a family ({@code familyIdColumn}) to families of the caller's villages. */
    public Conditions families(Conditions where, String familyIdColumn) {
        if (unrestricted()) return where;
        return where.when(
                districtIds,
                familyIdColumn + " in (select sf.id from family sf where sf.location_id in " + VILLAGES + ")",
                "scopeDistricts");
    }

    /** Limits locations (villages, for a family) to those in the caller's districts. */
    public Conditions villages(Conditions where, String villageIdColumn) {
        if (unrestricted()) return where;
        return where.when(districtIds, villageIdColumn + " in " + VILLAGES, "scopeDistricts");
    }

    /** Limits rows that point to an insuree ({@code insureeIdColumn}) to insurees in scope. */
    public Conditions insureesOf(Conditions where, String insureeIdColumn) {
        if (unrestricted()) return where;
        return where.when(
                districtIds,
                insureeIdColumn + " in (select si.id from insuree si where si.current_village_id in " + VILLAGES
                        + " or si.family_id in (select sf.id from family sf where sf.location_id in " + VILLAGES
                        + "))",
                "scopeDistricts");
    }

    @Override
    public String toString() {
        return "Access[" + username + "]";
    }
}
