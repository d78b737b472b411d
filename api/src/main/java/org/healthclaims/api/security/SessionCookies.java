package org.healthclaims.api.security;

import java.time.Duration;
import org.springframework.http.ResponseCookie;

/**
 * The session cookies openIMIS's front-end expects: {@code JWT} and {@code JWT-refresh-token}, HttpOnly, path /,
 * SameSite=Lax, no Domain. SameSite=Lax keeps a cross-site form from riding on them.
 */
final class SessionCookies {

    static final String JWT = "JWT";
    static final String REFRESH = "JWT-refresh-token";

    private SessionCookies() {}

    static String jwt(String token, Duration maxAge) {
        return cookie(JWT, token, maxAge);
    }

    static String refresh(String token, Duration maxAge) {
        return cookie(REFRESH, token, maxAge);
    }

    private static String cookie(String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .path("/")
                .sameSite("Lax")
                .maxAge(maxAge)
                .build()
                .toString();
    }
}
