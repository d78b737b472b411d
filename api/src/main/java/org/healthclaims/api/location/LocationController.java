package org.healthclaims.api.location;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.masterdata.RegisterFilter;
import org.healthclaims.api.relay.Connection;
import org.healthclaims.api.relay.PageSize;
import org.healthclaims.api.security.Access;
import org.healthclaims.api.sql.Batch;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Relations of locations and health facilities, each batched into one statement per level of the query. */
@Controller
class LocationController {

    private final LocationQueries locations;

    LocationController(LocationQueries locations) {
        this.locations = locations;
    }

    @QueryMapping
    Connection<LocationRow> locations(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Argument @Nullable String type,
            @Argument("parent_Uuid") @Nullable UUID parentUuid,
            @Arguments Map<String, Object> arguments,
            DataFetchingFieldSelectionSet selection) {
        return locations.locationPage(
                RegisterFilter.of(arguments),
                type,
                parentUuid,
                RegisterFilter.order(orderBy, "l"),
                PageSize.first(first),
                after,
                selection.contains("totalCount"));
    }

    @QueryMapping
    Connection<HealthFacilityRow> healthFacilities(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Argument @Nullable String level,
            @Argument("location_Uuid") @Nullable UUID locationUuid,
            @Arguments Map<String, Object> arguments,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        return locations.healthFacilityPage(
                RegisterFilter.of(arguments),
                level,
                locationUuid,
                Access.of(context),
                RegisterFilter.order(orderBy, "hf"),
                PageSize.first(first),
                after,
                selection.contains("totalCount"));
    }

    @BatchMapping(typeName = "LocationGQLType", field = "parent")
    Map<LocationRow, LocationRow> parent(List<LocationRow> children) {
        return Batch.toOne(children, LocationRow::parentId, locations::locationsByIds, LocationRow::pk);
    }

    @BatchMapping(typeName = "HealthFacilityGQLType", field = "location")
    Map<HealthFacilityRow, LocationRow> location(List<HealthFacilityRow> facilities) {
        return Batch.toOne(facilities, HealthFacilityRow::locationId, locations::locationsByIds, LocationRow::pk);
    }
}
