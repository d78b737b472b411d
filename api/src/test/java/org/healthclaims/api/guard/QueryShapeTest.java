package org.healthclaims.api.guard;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.healthclaims.api.testing.GraphQlClient;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The cost and depth rules on the server's own schema, without a server. */
class QueryShapeTest {

    private static final GraphQLSchema SCHEMA = schema();
    private static final long NO_CAP = Long.MAX_VALUE / 4;

    @Test
    void a_field_costs_one_plus_its_children_and_a_page_multiplies_its_edges_by_first() {
        QueryShape shape = measure("{ claims(first: 10) { totalCount edges { node { code } } } }", Map.of());

        // claims 1 + totalCount 1 + edges (1 + 10 × (node 1 + code 1))
        assertThat(shape.cost()).isEqualTo(23);
        assertThat(shape.depth()).isEqualTo(4);
    }

    @Test
    void a_page_without_first_counts_as_the_default_page_of_50() {
        QueryShape shape = measure("{ insurees { edges { node { chfId } } } }", Map.of());

        assertThat(shape.cost()).isEqualTo(1 + 1 + 50 * 2);
    }

    @Test
    void first_given_as_a_variable_counts_with_its_value() {
        String query = "query($n: Int) { claims(first: $n) { edges { node { code } } } }";

        assertThat(measure(query, Map.of("n", 200)).cost()).isEqualTo(1 + 1 + 200 * 2);
        assertThat(measure(query, Map.of()).cost()).isEqualTo(1 + 1 + 50 * 2);
    }

    @Test
    void a_claims_lines_count_as_five_rows_each() {
        QueryShape shape = measure("{ claims(first: 1) { edges { node { items { qtyProvided } } } } }", Map.of());

        // items 1 + 5 × qtyProvided 1
        assertThat(shape.cost()).isEqualTo(1 + 1 + (1 + 6));
    }

    @Test
    void introspection_costs_nothing_and_adds_no_depth() {
        QueryShape typename = measure("{ __typename claims(first: 1) { edges { node { __typename } } } }", Map.of());
        QueryShape schema =
                measure("{ __schema { types { name fields { name type { ofType { name } } } } } }", Map.of());

        assertThat(typename.cost()).isEqualTo(3);
        assertThat(typename.depth()).isEqualTo(3);
        assertThat(schema.cost()).isZero();
        assertThat(schema.depth()).isZero();
    }

    @Test
    void depth_is_the_longest_path_of_fields() {
        QueryShape shape = measure(GuardDocuments.DEEP_BUT_LEGITIMATE, Map.of());

        assertThat(shape.depth()).isEqualTo(11);
    }

    @Test
    void a_claims_page_of_500_with_its_lines_and_relations_fits_the_default_budget() {
        QueryShape shape = measure(GraphQlClient.document("claimsPage"), Map.of("first", 500));

        assertThat(shape.cost()).isBetween(20_000L, 40_000L);
    }

    @Test
    void the_cost_stops_at_the_cap_however_large_first_is() {
        String query = "{ a: claims(first: 2000000000) { edges { node { items { item { code } } } } } }";

        QueryShape shape = QueryShape.of(SCHEMA, Parser.parse(query), null, CoercedVariables.emptyVariables(), 50_001);

        assertThat(shape.cost()).isEqualTo(50_001);
    }

    private static QueryShape measure(String query, Map<String, Object> variables) {
        return QueryShape.of(SCHEMA, Parser.parse(query), null, CoercedVariables.of(variables), NO_CAP);
    }

    private static GraphQLSchema schema() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls"))
                try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                    registry.merge(new SchemaParser().parse(reader));
                }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }
}
