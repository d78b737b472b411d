package org.healthclaims.api.guard;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;

/**
 * Why the guard refused a request; the name is the stable {@code code} extension of the error a client gets. Each is
 * the client's to fix (BAD_REQUEST).
 */
enum Refusal {
    QUERY_TOO_DEEP(ErrorType.BAD_REQUEST),
    QUERY_TOO_COMPLEX(ErrorType.BAD_REQUEST),
    TOO_MANY_ALIASES(ErrorType.BAD_REQUEST);

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
}
