package org.healthclaims.api.guard;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why the guard refused a request; the name is the stable {@code code} extension of the error a client gets. All but
 * OVERLOADED are the client's to fix (BAD_REQUEST); OVERLOADED is the server's state, answered with HTTP 503.
 */
enum Refusal {
    QUERY_TOO_DEEP(ErrorType.BAD_REQUEST),
    QUERY_TOO_COMPLEX(ErrorType.BAD_REQUEST),
    TOO_MANY_ALIASES(ErrorType.BAD_REQUEST),
    DOCUMENT_TOO_LARGE(ErrorType.BAD_REQUEST),
    REQUEST_TIMEOUT(ErrorType.BAD_REQUEST),
    OVERLOADED(ErrorClassification.errorClassification("SERVICE_UNAVAILABLE"));

    private final ErrorClassification classification;

    Refusal(ErrorClassification classification) {
        this.classification = classification;
    }

    GraphQLError error(String message) {
        return GraphqlErrorBuilder.newError()
                .errorType(classification)
                .message(message)
                .extensions(Map.of("code", name()))
                .build();
    }

    /** A GraphQL answer with this error and no data, for a request refused before graphql-java ran it. */
    WebGraphQlResponse response(WebGraphQlRequest request, String message) {
        ExecutionResult result =
                ExecutionResult.newExecutionResult().addError(error(message)).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    /** The same answer as a JSON body, for a servlet filter that refuses a request with an HTTP status. */
    byte[] body(JsonMapper json, String message) {
        return json.writeValueAsBytes(Map.of("errors", List.of(error(message).toSpecification())));
    }
}
