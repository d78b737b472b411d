package org.healthclaims.api.insuree;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.location.HealthFacilityRow;
import org.healthclaims.api.location.LocationQueries;
import org.healthclaims.api.location.LocationRow;
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

/** The insurees connection and the relations of insurees and families. */
@Controller
class InsureeController {

    private final InsureeQueries insurees;
    private final LocationQueries locations;

    InsureeController(InsureeQueries insurees, LocationQueries locations) {
        this.insurees = insurees;
        this.locations = locations;
    }

    @QueryMapping
    Connection<InsureeRow> insurees(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Arguments Map<String, Object> arguments,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        int size = PageSize.first(first);
        KeysetOrder order =
                KeysetOrder.of(orderBy, InsureeQueries.SORTABLE, InsureeQueries.DEFAULT_ORDER, InsureeQueries.ID);
        Conditions where =
                Access.of(context).insurees(InsureeFilter.of(arguments).conditions(), "i");
        return insurees.page(where, order, size, after, selection.contains("totalCount"));
    }

    @QueryMapping
    @Nullable
    String insureeNameByChfid(@Argument String chfId, GraphQLContext context) {
        return insurees.nameByChfId(chfId, Access.of(context));
    }

    @QueryMapping
    Connection<FamilyRow> families(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Arguments Map<String, Object> arguments,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        KeysetOrder order = KeysetOrder.of(
                orderBy, InsureeQueries.FAMILY_SORTABLE, InsureeQueries.FAMILY_DEFAULT_ORDER, InsureeQueries.FAMILY_ID);
        Conditions where =
                Access.of(context).villages(FamilyFilter.of(arguments).conditions(), "f.location_id");
        return insurees.familyPage(where, order, PageSize.first(first), after, selection.contains("totalCount"));
    }

    @QueryMapping
    Connection<InsureeRow> familyMembers(
            @Argument UUID familyUuid,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        return insurees.page(
                Access.of(context).insurees(InsureeFilter.ofFamily(familyUuid).conditions(), "i"),
                InsureeQueries.MEMBERS_ORDER,
                PageSize.first(first),
                after,
                selection.contains("totalCount"));
    }

    @BatchMapping(typeName = "InsureeGQLType", field = "family")
    Map<InsureeRow, FamilyRow> family(List<InsureeRow> members) {
        return Batch.toOne(members, InsureeRow::familyId, insurees::familiesByIds, FamilyRow::pk);
    }

    @BatchMapping(typeName = "InsureeGQLType", field = "currentVillage")
    Map<InsureeRow, LocationRow> currentVillage(List<InsureeRow> members) {
        return Batch.toOne(members, InsureeRow::currentVillageId, locations::locationsByIds, LocationRow::pk);
    }

    @BatchMapping(typeName = "InsureeGQLType", field = "healthFacility")
    Map<InsureeRow, HealthFacilityRow> healthFacility(List<InsureeRow> members) {
        return Batch.toOne(
                members, InsureeRow::healthFacilityId, locations::healthFacilitiesByIds, HealthFacilityRow::pk);
    }

    @BatchMapping(typeName = "FamilyGQLType", field = "headInsuree")
    Map<FamilyRow, InsureeRow> headInsuree(List<FamilyRow> families) {
        return Batch.toOne(families, FamilyRow::headInsureeId, insurees::insureesByIds, InsureeRow::pk);
    }

    @BatchMapping(typeName = "FamilyGQLType", field = "location")
    Map<FamilyRow, LocationRow> location(List<FamilyRow> families) {
        return Batch.toOne(families, FamilyRow::locationId, locations::locationsByIds, LocationRow::pk);
    }
}
