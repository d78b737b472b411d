package org.healthclaims.api.guard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits that refuse a request before it costs anything ({@code GUARD_*}, see README.md). The defaults let our
 * deepest and largest real queries through: a page of 500 claims with lines, insuree, family, facility and diagnosis
 * costs about 32,000, and our deepest query nests 11 fields.
 *
 * @param maxDepth fields nested on one path, {@code claims { edges { node { code } } } } being 4
 * @param maxComplexity budget of a query's cost, about the number of values its answer holds (see QueryShape)
 * @param maxAliases aliases in one document: validation's overlapping-fields check grows with their square
 */
@ConfigurationProperties("guard")
record GuardProperties(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("50000") int maxComplexity,
        @DefaultValue("30") int maxAliases) {

    GuardProperties {
        // graphql-java's own validation refuses anything deeper than 100 fields
        if (maxDepth < 1 || maxDepth > 100)
            throw new IllegalArgumentException("GUARD_MAX_DEPTH must be 1..100, was " + maxDepth);
        if (maxComplexity < 1)
            throw new IllegalArgumentException("GUARD_MAX_COMPLEXITY must be positive, was " + maxComplexity);
        if (maxAliases < 0)
            throw new IllegalArgumentException("GUARD_MAX_ALIASES must not be negative, was " + maxAliases);
    }
}
