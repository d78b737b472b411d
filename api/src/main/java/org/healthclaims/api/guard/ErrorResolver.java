package org.healthclaims.api.guard;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.Objects;
import org.healthclaims.api.security.InvalidCredentials;
import org.healthclaims.api.security.NotAuthenticated;
import org.healthclaims.api.security.TooManyAttempts;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns our exceptions into typed GraphQL errors with a stable {@code code} extension. Anything else is left to
 * Spring, which answers INTERNAL_ERROR without a stack trace or SQL in the message.
 */
@Component
final class ErrorResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        return switch (ex) {
            case NotAuthenticated e -> error(env, ErrorType.UNAUTHORIZED, "UNAUTHENTICATED", message(e));
            case InvalidCredentials e -> error(env, ErrorType.UNAUTHORIZED, "INVALID_CREDENTIALS", message(e));
            case ApiError e -> error(env, e);
            case TooManyAttempts e -> {
                env.getGraphQlContext().put(ApiError.RETRY_AFTER, e.retryAfterSeconds());
                yield GraphqlErrorBuilder.newError(env)
                        .errorType(ErrorType.FORBIDDEN)
                        .message(message(e))
                        .extensions(Map.of("code", "TOO_MANY_ATTEMPTS", "retryAfter", e.retryAfterSeconds()))
                        .build();
            }
            // a field that ends after its request was cancelled (cut off by RequestTimeout, or the client left): its
            // error reaches nobody, and unresolved it would be logged as an ERROR for every cut-off request
            case AbortExecutionException e -> error(env, ErrorType.BAD_REQUEST, "CANCELLED", message(e));
            default -> null;
        };
    }

    private static String message(RuntimeException e) {
        return Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    }

    private static GraphQLError error(DataFetchingEnvironment env, ApiError e) {
        if (e.retryAfterSeconds() > 0) env.getGraphQlContext().put(ApiError.RETRY_AFTER, e.retryAfterSeconds());
        return GraphqlErrorBuilder.newError(env)
                .errorType(e.kind().classification)
                .message(e.text())
                .extensions(e.extensions())
                .build();
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String code, String message) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(message)
                .extensions(Map.of("code", code))
                .build();
    }
}
