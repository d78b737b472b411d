package org.healthclaims.api.observe;

import io.micrometer.context.ContextRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One log line per GraphQL request, so that a slow request explains itself: its time against the time of its SQL,
 * e.g. {@code graphql claimsPage 23.4 ms, 11 sql in 9.1 ms, 0.0 ms waiting for connections}. The SQL time is the sum
 * over statements, and batch loaders run theirs concurrently, so it may exceed the request's time. The request's time
 * runs from the first interceptor to the execution result (writing the JSON body comes after). The statement count
 * also goes back to the client in the {@value #SQL_STATEMENTS} response header, for load runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLog implements WebGraphQlInterceptor {

    static final String SQL_STATEMENTS = "X-Sql-Statements";

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

    RequestLog() {
        // Spring for GraphQL restores every registered thread-local around each data fetcher and batch loader from the
        // value under the same key in the GraphQLContext: that carries the tally to the virtual threads that run them
        ContextRegistry.getInstance().registerThreadLocalAccessor(RequestTally.KEY, RequestTally.CURRENT);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        long started = System.nanoTime();
        RequestTally tally = new RequestTally();
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(RequestTally.KEY, tally)).build());
        return chain.next(request).doOnNext(response -> {
            long statements = tally.statements();
            response.getResponseHeaders().set(SQL_STATEMENTS, Long.toString(statements));
            if (log.isInfoEnabled()) {
                String name = tally.operationName();
                if (name == null) name = request.getOperationName();
                log.info(
                        "graphql {} {} ms, {} sql in {} ms, {} ms waiting for connections",
                        name == null ? "anonymous" : name,
                        millis(System.nanoTime() - started),
                        statements,
                        millis(tally.sqlNanos()),
                        millis(tally.connectionWaitNanos()));
            }
        });
    }

    /** Milliseconds to one decimal: most requests take a few, and "0 ms" would hide the SQL share. */
    private static double millis(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
