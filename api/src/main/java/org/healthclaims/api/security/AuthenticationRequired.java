package org.healthclaims.api.security;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every root field but tokenAuth and introspection needs an authenticated caller, and the reads of insurees,
 * families, policies and claims need openIMIS's search right for them. Checked once per root field, so a refused
 * query fails before any of its SQL runs. Mutations check their own right, so that a refusal is in the mutation log.
 */
@Component
class AuthenticationRequired implements Instrumentation {

    private static final Set<String> PUBLIC =
            Set.of("tokenAuth", "refreshToken", "verifyToken", "__schema", "__type", "__typename");

    /** openIMIS's right for each protected read (domain.md §6.2); registers and the caller need only a login. */
    private static final Map<String, Integer> READ_RIGHTS = Map.ofEntries(
            Map.entry("claims", Rights.CLAIM_SEARCH),
            Map.entry("claim", Rights.CLAIM_SEARCH),
            Map.entry("claimAdmins", Rights.CLAIM_SEARCH),
            Map.entry("validateClaimCode", Rights.CLAIM_SEARCH),
            Map.entry("adjudicationFailures", Rights.CLAIM_PROCESS),
            Map.entry("batchRuns", Rights.BATCH_VIEW),
            Map.entry("relativeIndexes", Rights.BATCH_VIEW),
            Map.entry("insurees", Rights.INSUREE_SEARCH),
            Map.entry("insureeNameByChfid", Rights.INSUREE_SEARCH),
            Map.entry("familyMembers", Rights.INSUREE_SEARCH),
            Map.entry("insureeNumberValidity", Rights.INSUREE_SEARCH),
            Map.entry("families", Rights.FAMILY_SEARCH),
            Map.entry("policies", Rights.POLICY_SEARCH),
            Map.entry("insureePolicy", Rights.POLICY_SEARCH),
            Map.entry("policyEligibilityByInsuree", Rights.POLICY_SEARCH),
            Map.entry("policyItemEligibilityByInsuree", Rights.POLICY_SEARCH),
            Map.entry("policyServiceEligibilityByInsuree", Rights.POLICY_SEARCH));

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> fetcher,
            InstrumentationFieldFetchParameters parameters,
            @Nullable InstrumentationState state) {
        if (parameters.getExecutionStepInfo().getPath().getLevel() != 1) return fetcher;
        // the field's name, not its result key: an alias must not make a private field public
        GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
        if (field != null && PUBLIC.contains(field.getName())) return fetcher;
        Integer right = field == null ? null : READ_RIGHTS.get(field.getName());
        String name = field == null ? "" : field.getName();
        return environment -> {
            if (!environment.getGraphQlContext().hasKey(Caller.class)) throw new NotAuthenticated();
            if (right != null) Access.of(environment.getGraphQlContext()).require(right, "read " + name);
            return fetcher.get(environment);
        };
    }
}
