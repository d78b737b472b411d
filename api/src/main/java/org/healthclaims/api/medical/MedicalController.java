package org.healthclaims.api.medical;

import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.healthclaims.api.masterdata.RegisterFilter;
import org.healthclaims.api.relay.Connection;
import org.healthclaims.api.relay.PageSize;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The medical registers as connections: medicalItems, medicalServices, diagnoses. */
@Controller
class MedicalController {

    private final MedicalQueries medical;

    MedicalController(MedicalQueries medical) {
        this.medical = medical;
    }

    @QueryMapping
    Connection<ItemRow> medicalItems(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Argument @Nullable String type,
            @Arguments Map<String, Object> arguments,
            DataFetchingFieldSelectionSet selection) {
        return medical.itemPage(
                RegisterFilter.of(arguments),
                type,
                RegisterFilter.order(orderBy, "mi"),
                PageSize.first(first),
                after,
                selection.contains("totalCount"));
    }

    @QueryMapping
    Connection<ServiceRow> medicalServices(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Argument @Nullable String type,
            @Argument @Nullable String category,
            @Arguments Map<String, Object> arguments,
            DataFetchingFieldSelectionSet selection) {
        return medical.servicePage(
                RegisterFilter.of(arguments),
                type,
                category,
                RegisterFilter.order(orderBy, "ms"),
                PageSize.first(first),
                after,
                selection.contains("totalCount"));
    }

    @QueryMapping
    Connection<DiagnosisRow> diagnoses(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Arguments Map<String, Object> arguments,
            DataFetchingFieldSelectionSet selection) {
        return medical.diagnosisPage(
                RegisterFilter.of(arguments),
                RegisterFilter.order(orderBy, "d"),
                PageSize.first(first),
                after,
                selection.contains("totalCount"));
    }
}
