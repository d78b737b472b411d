package org.healthclaims.api.guard;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A request graphql-java refuses before running it (an unknown field, a value that does not parse as its type, such
 * as a date of 2025-02-30 or "ten" for an Int) is bad input like any other: answered as BAD_REQUEST with the stable
 * code INVALID_DOCUMENT, the message naming what was wrong. Nothing ran, so nothing changed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InvalidDocument implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().noneMatch(InvalidDocument::refusedBeforeExecution)) return response;
            return response.transform(builder ->
                    builder.errors(errors.stream().map(InvalidDocument::typed).toList()));
        });
    }

    private static boolean refusedBeforeExecution(GraphQLError error) {
        return error.getErrorType() == ErrorType.ValidationError || error.getErrorType() == ErrorType.InvalidSyntax;
    }

    private static GraphQLError typed(GraphQLError error) {
        if (!refusedBeforeExecution(error)) return error;
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) extensions.putAll(error.getExtensions());
        extensions.put("code", "INVALID_DOCUMENT");
        // graphql-java's own classification, for clients that look for it
        extensions.put("validation", error.getErrorType().toString());
        return GraphqlErrorBuilder.newError()
                .errorType(org.springframework.graphql.execution.ErrorType.BAD_REQUEST)
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .extensions(extensions)
                .build();
    }
}
