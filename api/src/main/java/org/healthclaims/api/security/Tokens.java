package org.healthclaims.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.healthclaims.domain.user.AppUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies the JWTs of tokenAuth (HS256). The payload carries what graphql_jwt's does ({@code username},
 * {@code exp}, {@code origIat}) plus the user id, so a request is authenticated without a database round trip.
 */
@Component
class Tokens {

    private static final Logger log = LoggerFactory.getLogger(Tokens.class);
    private static final String ACCESS = "access";
    private static final String REFRESH = "refresh";

    private final byte[] secret;
    private final JwtProperties properties;
    private final Clock clock;

    @Autowired
    Tokens(JwtProperties properties) {
        this(properties, Clock.systemUTC());
    }

    Tokens(JwtProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        if (properties.secret() == null || properties.secret().isEmpty()) {
            log.warn("JWT_SECRET is not set: tokens are signed with a random key made at this start; they stop"
                    + " working when the server restarts and are not accepted by other api processes");
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            secret = properties.secret().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** What tokenAuth answers. */
    record Issued(String token, String refreshToken, Map<String, Object> payload, long refreshExpiresIn) {}

    Issued issue(AppUser user) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.expiresIn());
        Instant refreshExpires = now.plus(properties.refreshExpiresIn());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("username", user.loginName());
        payload.put("exp", expires.getEpochSecond());
        payload.put("origIat", now.getEpochSecond());
        return new Issued(
                sign(user, ACCESS, now, expires),
                sign(user, REFRESH, now, refreshExpires),
                payload,
                refreshExpires.getEpochSecond());
    }

    /** The caller of a valid, unexpired access token; null for anything else. */
    @Nullable
    Caller verify(String token) {
        return verify(token, ACCESS);
    }

    /** The user of a valid, unexpired refresh token; null for anything else. */
    @Nullable
    Caller verifyRefresh(String token) {
        return verify(token, REFRESH);
    }

    /** graphql_jwt's payload of a valid access token, for verifyToken. */
    Map<String, Object> payloadOf(String token) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("username", claims.getStringClaim("username"));
            payload.put("exp", claims.getExpirationTime().toInstant().getEpochSecond());
            payload.put("origIat", claims.getLongClaim("origIat"));
            return payload;
        } catch (ParseException e) {
            throw new IllegalStateException("a verified token did not parse", e);
        }
    }

    private @Nullable Caller verify(String token, String type) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) return null;
            if (!jwt.verify(new MACVerifier(secret))) return null;
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) return null;
            if (!type.equals(claims.getStringClaim("typ"))) return null;
            Long userId = claims.getLongClaim("uid");
            String username = claims.getStringClaim("username");
            if (userId == null || username == null) return null;
            return new Caller(userId, username);
        } catch (ParseException | JOSEException e) {
            return null;
        }
    }

    private String sign(AppUser user, String type, Instant issuedAt, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(user.loginName())
                .claim("username", user.loginName())
                .claim("uid", user.id())
                .claim("typ", type)
                .claim("origIat", issuedAt.getEpochSecond())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
        return jwt.serialize();
    }
}
