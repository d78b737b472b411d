package org.healthclaims.api.claim;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.guard.InvalidArgument;
import org.healthclaims.api.insuree.InsureeQueries;
import org.healthclaims.api.insuree.InsureeRow;
import org.healthclaims.api.location.HealthFacilityRow;
import org.healthclaims.api.location.LocationQueries;
import org.healthclaims.api.medical.DiagnosisRow;
import org.healthclaims.api.medical.ItemRow;
import org.healthclaims.api.medical.MedicalQueries;
import org.healthclaims.api.medical.ServiceRow;
import org.healthclaims.api.relay.Conditions;
import org.healthclaims.api.relay.Connection;
import org.healthclaims.api.relay.KeysetOrder;
import org.healthclaims.api.relay.PageSize;
import org.healthclaims.api.security.Access;
import org.healthclaims.api.sql.Batch;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The claims connection and every relation of a claim, each batched into one statement per page. */
@Controller
class ClaimController {

    private final ClaimQueries claims;
    private final InsureeQueries insurees;
    private final LocationQueries locations;
    private final MedicalQueries medical;

    ClaimController(ClaimQueries claims, InsureeQueries insurees, LocationQueries locations, MedicalQueries medical) {
        this.claims = claims;
        this.insurees = insurees;
        this.locations = locations;
        this.medical = medical;
    }

    @QueryMapping
    Connection<ClaimRow> claims(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Arguments Map<String, Object> arguments,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        int size = PageSize.first(first);
        KeysetOrder order = KeysetOrder.of(orderBy, ClaimQueries.SORTABLE, ClaimQueries.DEFAULT_ORDER, ClaimQueries.ID);
        Conditions where = Access.of(context).claims(ClaimFilter.of(arguments).conditions(), "c");
        return claims.page(where, order, size, after, selection.contains("totalCount"));
    }

    @QueryMapping
    @Nullable
    ClaimRow claim(@Argument @Nullable UUID uuid, @Argument @Nullable Integer id, GraphQLContext context) {
        if (uuid == null && id == null) throw new InvalidArgument("MISSING_ARGUMENT", "claim needs a uuid or an id");
        return claims.one(uuid, id == null ? null : id.longValue(), Access.of(context));
    }

    @QueryMapping
    Connection<ClaimAdminRow> claimAdmins(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Argument @Nullable String code,
            @Argument @Nullable String search,
            @Argument("healthFacility_Code") @Nullable String healthFacilityCode,
            @Argument("healthFacility_Uuid") @Nullable UUID healthFacilityUuid,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        KeysetOrder order = KeysetOrder.of(
                orderBy, ClaimQueries.CLAIM_ADMIN_SORTABLE, List.of("code"), ClaimQueries.CLAIM_ADMIN_ID);
        return claims.claimAdminPage(
                code,
                search,
                healthFacilityCode,
                healthFacilityUuid,
                Access.of(context),
                order,
                PageSize.first(first),
                after,
                selection.contains("totalCount"));
    }

    @BatchMapping(typeName = "ClaimGQLType", field = "items")
    List<List<ClaimLineRow>> items(List<ClaimRow> page) {
        return Batch.toMany(page, ClaimRow::pk, claims::itemsOf, ClaimLineRow::claimId);
    }

    @BatchMapping(typeName = "ClaimGQLType", field = "services")
    List<List<ClaimLineRow>> services(List<ClaimRow> page) {
        return Batch.toMany(page, ClaimRow::pk, claims::servicesOf, ClaimLineRow::claimId);
    }

    @BatchMapping(typeName = "ClaimGQLType", field = "insuree")
    Map<ClaimRow, InsureeRow> insuree(List<ClaimRow> page) {
        return Batch.toOne(page, ClaimRow::insureeId, insurees::insureesByIds, InsureeRow::pk);
    }

    @BatchMapping(typeName = "ClaimGQLType", field = "healthFacility")
    Map<ClaimRow, HealthFacilityRow> healthFacility(List<ClaimRow> page) {
        return Batch.toOne(page, ClaimRow::healthFacilityId, locations::healthFacilitiesByIds, HealthFacilityRow::pk);
    }

    @BatchMapping(typeName = "ClaimGQLType", field = "icd")
    Map<ClaimRow, DiagnosisRow> icd(List<ClaimRow> page) {
        return Batch.toOne(page, ClaimRow::icdId, medical::diagnosesByIds, DiagnosisRow::pk);
    }

    @BatchMapping(typeName = "ClaimGQLType", field = "admin")
    Map<ClaimRow, ClaimAdminRow> admin(List<ClaimRow> page) {
        return Batch.toOne(page, ClaimRow::claimAdminId, claims::claimAdminsByIds, ClaimAdminRow::pk);
    }

    @BatchMapping(typeName = "ClaimItemGQLType", field = "item")
    Map<ClaimLineRow, ItemRow> item(List<ClaimLineRow> lines) {
        return Batch.toOne(lines, ClaimLineRow::medicalId, medical::itemsByIds, ItemRow::pk);
    }

    @BatchMapping(typeName = "ClaimServiceGQLType", field = "service")
    Map<ClaimLineRow, ServiceRow> service(List<ClaimLineRow> lines) {
        return Batch.toOne(lines, ClaimLineRow::medicalId, medical::servicesByIds, ServiceRow::pk);
    }

    @BatchMapping(typeName = "ClaimAdminGQLType", field = "healthFacility")
    Map<ClaimAdminRow, HealthFacilityRow> adminHealthFacility(List<ClaimAdminRow> admins) {
        return Batch.toOne(
                admins, ClaimAdminRow::healthFacilityId, locations::healthFacilitiesByIds, HealthFacilityRow::pk);
    }
}
