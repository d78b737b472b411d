package org.healthclaims.api.security;

import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import org.healthclaims.domain.user.AppUser;
import org.healthclaims.domain.user.UserRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Controller;

/** openIMIS's login: {@code tokenAuth(username, password)}, answering the JWT and setting it as cookies. */
@Controller
class TokenAuthController {

    /** Compared against when the user does not exist, so both failures take a BCrypt check's time. */
    private static final String NO_USER_HASH = new BCryptPasswordEncoder().encode("no such user");

    private final UserRepository users;
    private final Tokens tokens;
    private final JwtProperties properties;
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();

    private final LoginThrottle throttle;

    TokenAuthController(UserRepository users, Tokens tokens, JwtProperties properties, LoginThrottle throttle) {
        this.users = users;
        this.tokens = tokens;
        this.properties = properties;
        this.throttle = throttle;
    }

    /** graphql_jwt's ObtainJSONWebToken. */
    record TokenAuthResult(Map<String, Object> payload, long refreshExpiresIn, String token, String refreshToken) {}

    /** graphql_jwt's Verify. */
    record VerifyResult(Map<String, Object> payload) {}

    /**
     * Renews both tokens from a refresh token: the argument, or else the {@code JWT-refresh-token} cookie, as
     * openIMIS's front-end calls it with no argument. The user must still exist.
     */
    @MutationMapping
    TokenAuthResult refreshToken(@Argument @Nullable String refreshToken, GraphQLContext context) {
        String token = refreshToken != null ? refreshToken : context.get(AuthenticationInterceptor.REFRESH_COOKIE);
        Caller caller = token == null ? null : tokens.verifyRefresh(token);
        if (caller == null) throw new InvalidCredentials("Invalid refresh token");
        AppUser user = users.findCurrentByLoginName(caller.username())
                .filter(u -> u.id() == caller.userId())
                .orElseThrow(() -> new InvalidCredentials("Invalid refresh token"));
        return issue(user, context);
    }

    @MutationMapping
    VerifyResult verifyToken(@Argument String token) {
        if (tokens.verify(token) == null) throw new InvalidCredentials("Signature has expired or is invalid");
        return new VerifyResult(tokens.payloadOf(token));
    }

    @MutationMapping
    TokenAuthResult tokenAuth(@Argument String username, @Argument String password, GraphQLContext context) {
        String address = context.get(AuthenticationInterceptor.REMOTE_ADDRESS);
        throttle.check(username, address);
        AppUser user = users.findCurrentByLoginName(username).orElse(null);
        String hash = user == null || user.passwordHash() == null ? NO_USER_HASH : user.passwordHash();
        boolean matches = passwords.matches(password, hash);
        if (user == null || user.passwordHash() == null || !matches) {
            throttle.failed(username, address);
            throw new InvalidCredentials();
        }
        throttle.succeeded(username);
        return issue(user, context);
    }

    private TokenAuthResult issue(AppUser user, GraphQLContext context) {
        Tokens.Issued issued = tokens.issue(user);
        context.put(
                AuthenticationInterceptor.SET_COOKIES,
                List.of(
                        SessionCookies.jwt(issued.token(), properties.expiresIn()),
                        SessionCookies.refresh(issued.refreshToken(), properties.refreshExpiresIn())));
        return new TokenAuthResult(issued.payload(), issued.refreshExpiresIn(), issued.token(), issued.refreshToken());
    }
}
