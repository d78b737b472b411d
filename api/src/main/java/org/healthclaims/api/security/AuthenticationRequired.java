package org.healthclaims.api.security;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every root field but tokenAuth and introspection needs an authenticated caller. Checked once per root field, so
 * an unauthenticated query fails before any of its SQL runs.
 */
@Component
class AuthenticationRequired implements Instrumentation {

    private static final Set<String> PUBLIC =
            Set.of("tokenAuth", "refreshToken", "verifyToken", "__schema", "__type", "__typename");

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> fetcher,
            InstrumentationFieldFetchParameters parameters,
            @Nullable InstrumentationState state) {
        if (parameters.getExecutionStepInfo().getPath().getLevel() != 1) return fetcher;
        // the field's name, not its result key: an alias must not make a private field public
        GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
        if (field != null && PUBLIC.contains(field.getName())) return fetcher;
        return environment -> {
            if (!environment.getGraphQlContext().hasKey(Caller.class)) throw new NotAuthenticated();
            return fetcher.get(environment);
        };
    }
}
