package org.healthclaims.api.policy;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.insuree.FamilyRow;
import org.healthclaims.api.insuree.InsureeQueries;
import org.healthclaims.api.insuree.InsureeRow;
import org.healthclaims.api.location.LocationQueries;
import org.healthclaims.api.location.LocationRow;
import org.healthclaims.api.masterdata.RegisterFilter;
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

/** products, policies and insureePolicy connections, and the relations of their rows. */
@Controller
class PolicyController {

    private final PolicyQueries policies;
    private final InsureeQueries insurees;
    private final LocationQueries locations;
    private final Eligibility eligibility;

    PolicyController(
            PolicyQueries policies, InsureeQueries insurees, LocationQueries locations, Eligibility eligibility) {
        this.policies = policies;
        this.insurees = insurees;
        this.locations = locations;
        this.eligibility = eligibility;
    }

    @QueryMapping
    Eligibility.Answer policyEligibilityByInsuree(
            @Argument String chfId, @Argument @Nullable LocalDate date, GraphQLContext context) {
        return eligibility.ofInsuree(
                chfId, date == null ? LocalDate.now(ZoneId.systemDefault()) : date, Access.of(context));
    }

    @QueryMapping
    Eligibility.Answer policyItemEligibilityByInsuree(
            @Argument String chfId,
            @Argument String itemCode,
            @Argument @Nullable LocalDate date,
            GraphQLContext context) {
        return eligibility.ofMedical(
                chfId,
                "item",
                itemCode,
                date == null ? LocalDate.now(ZoneId.systemDefault()) : date,
                Access.of(context));
    }

    @QueryMapping
    Eligibility.Answer policyServiceEligibilityByInsuree(
            @Argument String chfId,
            @Argument String serviceCode,
            @Argument @Nullable LocalDate date,
            GraphQLContext context) {
        return eligibility.ofMedical(
                chfId,
                "service",
                serviceCode,
                date == null ? LocalDate.now(ZoneId.systemDefault()) : date,
                Access.of(context));
    }

    @QueryMapping
    Connection<ProductRow> products(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Argument("location_Uuid") @Nullable UUID locationUuid,
            @Arguments Map<String, Object> arguments,
            DataFetchingFieldSelectionSet selection) {
        return policies.productPage(
                RegisterFilter.of(arguments),
                locationUuid,
                RegisterFilter.order(orderBy, "pr"),
                PageSize.first(first),
                after,
                selection.contains("totalCount"));
    }

    @QueryMapping("policies")
    Connection<PolicyRow> policyList(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable List<String> orderBy,
            @Arguments Map<String, Object> arguments,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        KeysetOrder order =
                KeysetOrder.of(orderBy, PolicyQueries.POLICY_SORTABLE, List.of("-startDate"), PolicyQueries.POLICY_ID);
        return policies.policyPage(
                Access.of(context).families(PolicyFilter.of(arguments).conditions(), "p.family_id"),
                order,
                PageSize.first(first),
                after,
                selection.contains("totalCount"));
    }

    @QueryMapping
    Connection<InsureePolicyRow> insureePolicy(
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument("insuree_ChfId") @Nullable String chfId,
            @Argument("policy_Uuid") @Nullable UUID policyUuid,
            DataFetchingFieldSelectionSet selection,
            GraphQLContext context) {
        return policies.insureePolicyPage(
                Access.of(context).insureesOf(PolicyFilter.coverage(chfId, policyUuid), "ip.insuree_id"),
                PageSize.first(first),
                after,
                selection.contains("totalCount"));
    }

    @BatchMapping(typeName = "ProductGQLType", field = "location")
    Map<ProductRow, LocationRow> location(List<ProductRow> products) {
        return Batch.toOne(products, ProductRow::locationId, locations::locationsByIds, LocationRow::pk);
    }

    @BatchMapping(typeName = "PolicyGQLType", field = "product")
    Map<PolicyRow, ProductRow> product(List<PolicyRow> rows) {
        return Batch.toOne(rows, PolicyRow::productId, policies::productsByIds, ProductRow::pk);
    }

    @BatchMapping(typeName = "PolicyGQLType", field = "family")
    Map<PolicyRow, FamilyRow> family(List<PolicyRow> rows) {
        return Batch.toOne(rows, PolicyRow::familyId, insurees::familiesByIds, FamilyRow::pk);
    }

    @BatchMapping(typeName = "InsureePolicyGQLType", field = "insuree")
    Map<InsureePolicyRow, InsureeRow> insuree(List<InsureePolicyRow> rows) {
        return Batch.toOne(rows, InsureePolicyRow::insureeId, insurees::insureesByIds, InsureeRow::pk);
    }

    @BatchMapping(typeName = "InsureePolicyGQLType", field = "policy")
    Map<InsureePolicyRow, PolicyRow> policy(List<InsureePolicyRow> rows) {
        return Batch.toOne(rows, InsureePolicyRow::policyId, policies::policiesByIds, PolicyRow::pk);
    }
}
