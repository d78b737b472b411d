package org.healthclaims.api.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may use the operators' endpoints outside GraphQL (the flame graph): a user holding openIMIS's IMIS Administrator
 * role, the system role whose {@code is_system} bit is 64, as openIMIS's own {@code is_imis_admin} decides. The
 * request authenticates as a GraphQL request does: {@code Authorization: Bearer|JWT <token>} or the JWT cookie.
 */
@Component
public class Administrators {

    /** What an operator's request may do. */
    public enum Verdict {
        NOT_AUTHENTICATED,
        NOT_AN_ADMINISTRATOR,
        ADMINISTRATOR
    }

    static final String IS_ADMINISTRATOR = """
            select exists (
                select 1 from app_user u
                  join user_role ur on ur.user_id = u.id and ur.validity_to is null
                  join role r on r.id = ur.role_id and r.validity_to is null and not r.is_blocked
                 where u.id = :userId and u.validity_to is null and (r.is_system & 64) <> 0)""";

    private final Tokens tokens;
    private final JdbcClient jdbc;

    Administrators(Tokens tokens, JdbcClient jdbc) {
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    public Verdict of(HttpServletRequest request) {
        Caller caller = caller(request);
        if (caller == null) return Verdict.NOT_AUTHENTICATED;
        Boolean administrator = jdbc.sql(IS_ADMINISTRATOR)
                .param("userId", caller.userId())
                .query(Boolean.class)
                .single();
        return Boolean.TRUE.equals(administrator) ? Verdict.ADMINISTRATOR : Verdict.NOT_AN_ADMINISTRATOR;
    }

    private @Nullable Caller caller(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = header == null ? null : AuthenticationInterceptor.bearer(header);
        Caller caller = token == null ? null : tokens.verify(token);
        if (caller != null) return caller;
        Cookie[] cookies = request.getCookies();
        if (cookies != null)
            for (Cookie cookie : cookies)
                if (cookie.getName().equals(SessionCookies.JWT)
                        && !cookie.getValue().isEmpty()) return tokens.verify(cookie.getValue());
        return null;
    }
}
