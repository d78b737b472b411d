package org.healthclaims.api.security;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthclaims.api.guard.ApiError;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates every GraphQL request from {@code Authorization: Bearer <token>} (or {@code JWT <token>}, the prefix
 * openIMIS's token library sends) or from the {@code JWT} cookie, and writes the cookies a mutation asked for. A
 * header that holds no valid token does not hide a valid cookie.
 */
@Component
class AuthenticationInterceptor implements WebGraphQlInterceptor {

    /** GraphQL-context key under which a mutation leaves the Set-Cookie values of its response. */
    static final String SET_COOKIES = "org.healthclaims.api.security.setCookies";

    /** GraphQL-context key of the client's address, for the login throttle. */
    static final String REMOTE_ADDRESS = "org.healthclaims.api.security.remoteAddress";

    /** GraphQL-context key of the refresh-token cookie's value, for refreshToken without an argument. */
    static final String REFRESH_COOKIE = "org.healthclaims.api.security.refreshCookie";

    private final Tokens tokens;
    private final AccessCache accesses;

    AuthenticationInterceptor(Tokens tokens, AccessCache accesses) {
        this.tokens = tokens;
        this.accesses = accesses;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        // one context entry per thing the request carries; execution reads them from the GraphQL context
        Map<Object, Object> context = new HashMap<>();
        Caller caller = authenticate(request);
        // a token of a user deleted since it was issued authenticates nobody
        Access access = caller == null ? null : accesses.of(caller.userId());
        if (caller != null && access != null) {
            context.put(Caller.class, caller);
            context.put(Access.class, access);
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote != null && remote.getAddress() != null)
            context.put(REMOTE_ADDRESS, remote.getAddress().getHostAddress());
        HttpCookie refresh = request.getCookies().getFirst(SessionCookies.REFRESH);
        if (refresh != null && !refresh.getValue().isEmpty()) context.put(REFRESH_COOKIE, refresh.getValue());
        if (!context.isEmpty())
            request.configureExecutionInput(
                    (input, builder) -> builder.graphQLContext(context).build());
        return chain.next(request).doOnNext(response -> {
            List<String> cookies =
                    response.getExecutionInput().getGraphQLContext().get(SET_COOKIES);
            if (cookies != null)
                for (String cookie : cookies) response.getResponseHeaders().add(HttpHeaders.SET_COOKIE, cookie);
            Long retryAfter = response.getExecutionInput().getGraphQLContext().get(ApiError.RETRY_AFTER);
            if (retryAfter != null) response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        });
    }

    private @Nullable Caller authenticate(WebGraphQlRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            String token = bearer(header);
            Caller caller = token == null ? null : tokens.verify(token);
            if (caller != null) return caller;
        }
        HttpCookie cookie = request.getCookies().getFirst(SessionCookies.JWT);
        return cookie == null || cookie.getValue().isEmpty() ? null : tokens.verify(cookie.getValue());
    }

    static @Nullable String bearer(String header) {
        int space = header.indexOf(' ');
        if (space < 0) return null;
        String scheme = header.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("JWT")) return null;
        String token = header.substring(space + 1).trim();
        return token.isEmpty() ? null : token;
    }
}
