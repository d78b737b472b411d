package org.healthclaims.api.guard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits that refuse a request before it costs anything ({@code GUARD_*}, see README.md). The defaults let our
 * deepest and largest real queries through: a page of 500 claims with lines, insuree, family, facility and diagnosis
 * costs about 32,000, and our deepest query nests 11 fields.
 *
 * @param maxDepth fields nested on one path, {@code claims { edges { node { code } } } } being 4
 * @param maxComplexity budget of a query's cost, about the number of values its answer holds (see QueryShape)
 * @param maxAliases aliases in one document: validation's overlapping-fields check grows with their square
 * @param maxDocumentSize the query text, in UTF-8 bytes
 * @param maxRequestBody the HTTP body (query, variables, operation name), refused with HTTP 413
 * @param requestTimeout a request still running after this is cut off with REQUEST_TIMEOUT
 * @param maxInFlight GraphQL requests served at once; more wait {@code inFlightWait}, then get HTTP 503
 * @param inFlightWait how long a request waits for a free slot before it is refused
 */
@ConfigurationProperties("guard")
record GuardProperties(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("50000") int maxComplexity,
        @DefaultValue("30") int maxAliases,
        @DefaultValue("64KB") DataSize maxDocumentSize,
        @DefaultValue("1MB") DataSize maxRequestBody,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("400") int maxInFlight,
        @DefaultValue("100ms") Duration inFlightWait) {

    /** An overloaded server answers 503 within this, or clients queue on it as they would without the guard. */
    static final Duration MAX_IN_FLIGHT_WAIT = Duration.ofSeconds(1);

    private static final DataSize MAX_REQUEST_BODY = DataSize.ofMegabytes(64);

    GuardProperties {
        // graphql-java's own validation refuses anything deeper than 100 fields
        if (maxDepth < 1 || maxDepth > 100)
            throw new IllegalArgumentException("GUARD_MAX_DEPTH must be 1..100, was " + maxDepth);
        if (maxComplexity < 1)
            throw new IllegalArgumentException("GUARD_MAX_COMPLEXITY must be positive, was " + maxComplexity);
        if (maxAliases < 0)
            throw new IllegalArgumentException("GUARD_MAX_ALIASES must not be negative, was " + maxAliases);
        // a chunked body is read whole into memory before it is let through
        if (maxRequestBody.toBytes() < 1 || maxRequestBody.compareTo(MAX_REQUEST_BODY) > 0)
            throw new IllegalArgumentException(
                    "GUARD_MAX_REQUEST_BODY must be 1B.." + MAX_REQUEST_BODY + ", was " + maxRequestBody);
        if (maxDocumentSize.toBytes() < 1 || maxDocumentSize.compareTo(maxRequestBody) > 0)
            throw new IllegalArgumentException("GUARD_MAX_DOCUMENT_SIZE must be 1B..GUARD_MAX_REQUEST_BODY ("
                    + maxRequestBody + "), was " + maxDocumentSize);
        if (requestTimeout.isNegative() || requestTimeout.isZero())
            throw new IllegalArgumentException("GUARD_REQUEST_TIMEOUT must be positive, was " + requestTimeout);
        if (maxInFlight < 1)
            throw new IllegalArgumentException("GUARD_MAX_IN_FLIGHT must be positive, was " + maxInFlight);
        if (inFlightWait.isNegative() || inFlightWait.compareTo(MAX_IN_FLIGHT_WAIT) >= 0)
            throw new IllegalArgumentException("GUARD_IN_FLIGHT_WAIT must be at least 0 and under " + MAX_IN_FLIGHT_WAIT
                    + ", was " + inFlightWait);
    }
}
