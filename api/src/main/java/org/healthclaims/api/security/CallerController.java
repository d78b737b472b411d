package org.healthclaims.api.security;

import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.healthclaims.api.location.HealthFacilityRow;
import org.healthclaims.api.location.LocationQueries;
import org.healthclaims.api.location.LocationRow;
import org.healthclaims.api.sql.Batch;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code user} and {@code userDistricts}: the caller as the front-end needs it to build its menus and filters. */
@Controller
class CallerController {

    private final CallerQueries callers;
    private final LocationQueries locations;

    CallerController(CallerQueries callers, LocationQueries locations) {
        this.callers = callers;
        this.locations = locations;
    }

    @QueryMapping
    CallerQueries.@Nullable UserRow user(GraphQLContext context) {
        return callers.user(caller(context).userId());
    }

    @QueryMapping
    List<LocationRow> userDistricts(GraphQLContext context) {
        List<LocationRow> districts = new java.util.ArrayList<>(
                locations.locationsByIds(callers.districtIds(caller(context).userId())));
        districts.sort(java.util.Comparator.comparingLong(LocationRow::pk));
        return districts;
    }

    @BatchMapping(typeName = "UserGQLType", field = "healthFacility")
    Map<CallerQueries.UserRow, HealthFacilityRow> healthFacility(List<CallerQueries.UserRow> users) {
        return Batch.toOne(
                users,
                CallerQueries.UserRow::healthFacilityId,
                locations::healthFacilitiesByIds,
                HealthFacilityRow::pk);
    }

    /** AuthenticationRequired has already refused a request without one. */
    private static Caller caller(GraphQLContext context) {
        return Objects.requireNonNull(context.get(Caller.class), "no caller");
    }
}
