package org.healthclaims.api.sql;

import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Dispatches DataLoader batches only when no data fetcher or batch loader is running. Our batch loaders complete on
 * virtual threads, after the level that asked for them; graphql-java's default per-level dispatching once split a
 * level's keys into two statements under load (8 statements for a page that needs 6), which this strategy cannot
 * do: every key requested while the previous wave ran goes out in one batch.
 */
@Component
class BatchDispatch implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(
                        Map.of(DataLoaderDispatchingContextKeys.ENABLE_DATA_LOADER_EXHAUSTED_DISPATCHING, true))
                .build());
        return chain.next(request);
    }
}
