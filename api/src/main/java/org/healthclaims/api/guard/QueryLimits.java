package org.healthclaims.api.guard;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Definition;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.validation.ValidationError;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Refuses a document whose shape alone makes it too expensive, before any field of it is fetched: too many aliases
 * (counted before validation, whose overlapping-fields check grows with their square), then too deep or over the
 * complexity budget (measured after validation, when fragments are known to be acyclic and variables are coerced).
 */
@Component
class QueryLimits implements Instrumentation {

    private final GuardProperties limits;

    QueryLimits(GuardProperties limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, @Nullable InstrumentationState state) {
        int aliases = 0;
        for (Definition<?> definition : parameters.getDocument().getDefinitions()) {
            if (definition instanceof OperationDefinition operation) aliases += aliases(operation.getSelectionSet());
            else if (definition instanceof FragmentDefinition fragment) aliases += aliases(fragment.getSelectionSet());
        }
        if (aliases > limits.maxAliases())
            throw refuse(
                    Refusal.TOO_MANY_ALIASES,
                    "the document has " + aliases + " aliases; at most " + limits.maxAliases() + " are allowed");
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        QueryShape shape = QueryShape.of(
                execution.getGraphQLSchema(),
                execution.getDocument(),
                execution.getExecutionInput().getOperationName(),
                execution.getCoercedVariables(),
                limits.maxComplexity() + 1L);
        if (shape.depth() > limits.maxDepth())
            throw refuse(
                    Refusal.QUERY_TOO_DEEP,
                    "the query nests fields " + shape.depth() + " deep; at most " + limits.maxDepth() + " are allowed");
        if (shape.cost() > limits.maxComplexity())
            throw refuse(
                    Refusal.QUERY_TOO_COMPLEX,
                    "the query costs more than " + limits.maxComplexity()
                            + " (about one per value answered, first × fields for each page): ask for fewer rows"
                            + " or fields");
        return SimpleInstrumentationContext.noOp();
    }

    private static int aliases(@Nullable SelectionSet selections) {
        if (selections == null) return 0;
        int count = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                if (field.getAlias() != null) count++;
                count += aliases(field.getSelectionSet());
            } else if (selection instanceof InlineFragment fragment) {
                count += aliases(fragment.getSelectionSet());
            }
        }
        return count;
    }

    /** graphql-java answers the exception's errors in place of a result, and runs nothing of the operation. */
    private static AbortExecutionException refuse(Refusal refusal, String message) {
        return new AbortExecutionException(List.of(refusal.error(message)));
    }
}
