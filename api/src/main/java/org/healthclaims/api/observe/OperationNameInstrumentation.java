package org.healthclaims.api.observe;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Gives the request's tally the name of the operation that runs, as the document spells it: clients such as our tests
 * and openIMIS's front-end send one named operation without an {@code operationName}, so the request alone does not
 * know it.
 */
@Component
class OperationNameInstrumentation extends SimplePerformantInstrumentation {

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        RequestTally tally = execution.getGraphQLContext().get(RequestTally.KEY);
        if (tally != null)
            tally.operationName(execution.getOperationDefinition().getName());
        return super.beginExecuteOperation(parameters, state);
    }
}
