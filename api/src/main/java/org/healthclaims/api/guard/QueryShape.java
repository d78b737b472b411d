package org.healthclaims.api.guard;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How deep an operation nests and roughly how many values its answer holds, measured on the parsed and validated
 * document, with the variables' values, before any of it runs.
 *
 * <p>A field costs 1 plus its children; a list multiplies its children: by {@code first} when the list is a
 * connection's edges (or takes {@code first} itself), by 50 when {@code first} is absent (the default page), and by
 * {@link #LIST_FAN_OUT} for a plain list such as a claim's items. Introspection ({@code __schema}, {@code __type},
 * {@code __typename}) costs nothing here: graphql-java's good-faith introspection check already bounds it.
 *
 * @param depth the most fields nested on one path
 * @param cost the cost, at most the cap it was measured with (a larger query is refused whatever its exact cost)
 */
record QueryShape(int depth, long cost) {

    /**
     * Rows a plain list is taken to have per parent: claims have one to a few lines each (domain.md's demo data: 1-6
     * items and services together).
     */
    static final int LIST_FAN_OUT = 5;

    /** A connection's page without {@code first}: relay.PageSize.DEFAULT, not imported because relay uses guard. */
    static final int DEFAULT_FIRST = 50;

    private static final String FIRST = "first";

    static QueryShape of(
            GraphQLSchema schema,
            Document document,
            @Nullable String operationName,
            CoercedVariables variables,
            long costCap) {
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(schema)
                .document(document)
                .operationName(operationName)
                .coercedVariables(variables)
                .build();
        Totals operation = new Totals();
        // post order: a field is visited after all its children, so their totals wait for it under its environment
        Map<QueryVisitorFieldEnvironment, Totals> byParent = new HashMap<>();
        traverser.visitPostOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment field) {
                Totals children = byParent.remove(field);
                if (isIntrospection(field)) return;
                long childCost = children == null ? 0 : children.cost;
                int childDepth = children == null ? 0 : children.depth;
                long cost = Math.min(costCap, 1 + multiplier(field) * childCost);
                QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
                Totals siblings = parent == null ? operation : byParent.computeIfAbsent(parent, p -> new Totals());
                siblings.add(cost, childDepth + 1, costCap);
            }
        });
        return new QueryShape(operation.depth, operation.cost);
    }

    private static boolean isIntrospection(QueryVisitorFieldEnvironment field) {
        return field.isTypeNameIntrospectionField()
                || field.getFieldDefinition().getName().startsWith("__")
                || field.getFieldsContainer().getName().startsWith("__");
    }

    /** How many times a field's children are answered: rows for a list, once for anything else. */
    private static long multiplier(QueryVisitorFieldEnvironment field) {
        GraphQLFieldDefinition definition = field.getFieldDefinition();
        if (!GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(definition.getType()))) return 1;
        if (definition.getArgument(FIRST) != null) return first(field);
        QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
        if (parent != null && parent.getFieldDefinition().getArgument(FIRST) != null) return first(parent);
        return LIST_FAN_OUT;
    }

    private static long first(QueryVisitorFieldEnvironment field) {
        // a variable left out or passed as null coerces to a missing argument, which the connection reads as 50
        return field.getArguments().get(FIRST) instanceof Number n ? Math.max(0, n.longValue()) : DEFAULT_FIRST;
    }

    /** The children of one field (or the operation's root fields) so far. */
    private static final class Totals {
        long cost;
        int depth;

        void add(long fieldCost, int fieldDepth, long costCap) {
            // capped at each step: the cap is at most 2^31, first at most 2^31, so no product or sum overflows
            cost = Math.min(costCap, cost + fieldCost);
            depth = Math.max(depth, fieldDepth);
        }
    }
}
