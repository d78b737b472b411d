package org.healthclaims.api.location;

import java.util.List;
import org.healthclaims.api.sql.Batch;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Relations of locations and health facilities, each batched into one statement per level of the query. */
@Controller
class LocationController {

    private final LocationQueries locations;

    LocationController(LocationQueries locations) {
        this.locations = locations;
    }

    @BatchMapping(typeName = "LocationGQLType", field = "parent")
    List<LocationRow> parent(List<LocationRow> children) {
        return Batch.toOne(children, LocationRow::parentId, locations::locationsByIds, LocationRow::pk);
    }

    @BatchMapping(typeName = "HealthFacilityGQLType", field = "location")
    List<LocationRow> location(List<HealthFacilityRow> facilities) {
        return Batch.toOne(facilities, HealthFacilityRow::locationId, locations::locationsByIds, LocationRow::pk);
    }
}
