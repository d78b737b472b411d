package org.healthclaims.api.guard;

import java.time.Duration;
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
 * Cuts off a request still running after GUARD_REQUEST_TIMEOUT with a REQUEST_TIMEOUT error. Cancelling the answer
 * cancels the graphql-java execution (Spring's ExecutionGraphQlService calls {@code ExecutionInput.cancel()}), so
 * no further field is fetched; a statement already sent runs to its end on its virtual thread.
 *
 * <p>Spring's own TimeoutWebGraphQlInterceptor answers a bare HTTP 408 with no GraphQL error, which openIMIS's
 * front-ends would show as a network failure.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestTimeout implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RequestTimeout.class);

    private final Duration timeout;

    RequestTimeout(GuardProperties limits) {
        this.timeout = limits.requestTimeout();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).timeout(timeout, Mono.fromSupplier(() -> cutOff(request)));
    }

    private WebGraphQlResponse cutOff(WebGraphQlRequest request) {
        // the operation name and id only: the document may carry personal data (chfId, names) in its literals
        log.atWarn()
                .addKeyValue("executionId", request.getId())
                .addKeyValue("operationName", request.getOperationName())
                .addKeyValue("timeoutMillis", timeout.toMillis())
                .log("GraphQL request cut off by GUARD_REQUEST_TIMEOUT");
        return Refusal.REQUEST_TIMEOUT.response(
                request, "the request ran longer than " + timeout.toMillis() + " ms and was stopped");
    }
}
