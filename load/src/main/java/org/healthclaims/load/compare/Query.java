package org.healthclaims.load.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.healthclaims.load.bench.GraphQlEndpoint;

/**
 * The three documents compared, each written three times: for our server, for PostGraphile (its names, aliased to
 * ours so that one reader normalises both answers) and as one SQL statement for pgbench, shaped as the same JSON.
 */
enum Query {
    CLAIMS_PAGE(
            "A",
            "claims page",
            "/compare/claimsPage.graphql",
            "/compare/peerClaimsPage.graphql",
            "/compare/claimsPage.sql",
            "claims"),
    INSUREE_SEARCH(
            "B",
            "insuree search",
            "/compare/insureeSearch.graphql",
            "/compare/peerInsureeSearch.graphql",
            "/compare/insureeSearch.sql",
            "insurees"),
    CLAIM_BY_CODE(
            "C",
            "claim by code",
            "/compare/claimByCode.graphql",
            "/compare/peerClaimByCode.graphql",
            "/compare/claimByCode.sql",
            "claims");

    final String letter;
    final String title;
    final String ourDocument;
    final String peerDocument;
    final String sql;
    /** The field under {@code data} that holds the connection, the same in all three answers. */
    final String root;

    Query(String letter, String title, String ourDocument, String peerDocument, String sql, String root) {
        this.letter = letter;
        this.title = title;
        this.ourDocument = resource(ourDocument);
        this.peerDocument = resource(peerDocument);
        this.sql = resource(sql);
        this.root = root;
    }

    /** The GraphQL variables of this query for {@code inputs}, as JSON; the same on both servers. */
    String variables(QueryInputs inputs) {
        return switch (this) {
            case CLAIMS_PAGE -> "{\"first\":" + inputs.first() + "}";
            case INSUREE_SEARCH -> "{\"prefix\":" + GraphQlEndpoint.jsonString(inputs.prefix()) + "}";
            case CLAIM_BY_CODE -> "{\"code\":" + GraphQlEndpoint.jsonString(inputs.code()) + "}";
        };
    }

    /** The values of the SQL statement's {@code :name} parameters (pgbench's {@code -D name=value}). */
    Map<String, String> sqlParameters(QueryInputs inputs) {
        return switch (this) {
            case CLAIMS_PAGE -> Map.of("first", Integer.toString(inputs.first()));
            case INSUREE_SEARCH -> Map.of("pattern", QueryInputs.likePrefix(inputs.prefix()));
            case CLAIM_BY_CODE -> Map.of("code", inputs.code());
        };
    }

    /** What the query asks, with its inputs, for the report. */
    String describe(QueryInputs inputs) {
        return switch (this) {
            case CLAIMS_PAGE ->
                "the claims page of " + inputs.first()
                        + " (newest claimed first, no totalCount, lines with item/service codes, insuree and family head,"
                        + " facility, ICD)";
            case INSUREE_SEARCH -> "insurees whose last name starts with \"" + inputs.prefix() + "\", first 20";
            case CLAIM_BY_CODE -> "claim " + inputs.code() + " with its lines";
        };
    }

    private static String resource(String name) {
        try (InputStream in = Query.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
