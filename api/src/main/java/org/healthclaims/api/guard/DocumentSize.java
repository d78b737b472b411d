package org.healthclaims.api.guard;

import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Refuses a query text over GUARD_MAX_DOCUMENT_SIZE before graphql-java parses it. First of the interceptors: a
 * refused document is not authenticated, parsed or timed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentSize implements WebGraphQlInterceptor {

    private final long maxBytes;

    DocumentSize(GuardProperties limits) {
        this.maxBytes = limits.maxDocumentSize().toBytes();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String document = request.getDocument();
        if (isTooLarge(document))
            return Mono.just(Refusal.DOCUMENT_TOO_LARGE.response(
                    request, "the query text is larger than " + maxBytes + " bytes"));
        return chain.next(request);
    }

    private boolean isTooLarge(String document) {
        // a char is 1 to 3 UTF-8 bytes (a surrogate pair 4 for 2 chars): most documents are decided without encoding
        if (document.length() > maxBytes) return true;
        if (document.length() * 3L <= maxBytes) return false;
        return document.getBytes(StandardCharsets.UTF_8).length > maxBytes;
    }
}
