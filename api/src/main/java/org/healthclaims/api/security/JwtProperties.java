package org.healthclaims.api.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * JWT settings: {@code JWT_SECRET} signs the tokens (HS256, at least 32 bytes); without it a random key is made at
 * each start, which logs everyone out on restart and cannot be shared by several api processes.
 */
@ConfigurationProperties("jwt")
record JwtProperties(
        @Nullable String secret,
        @DefaultValue("1h") Duration expiresIn,
        @DefaultValue("7d") Duration refreshExpiresIn) {

    JwtProperties {
        if (secret != null && !secret.isEmpty() && secret.getBytes(StandardCharsets.UTF_8).length < 32)
            throw new IllegalArgumentException("JWT_SECRET must be at least 32 bytes long for HS256");
        if (expiresIn.isNegative() || expiresIn.isZero())
            throw new IllegalArgumentException("jwt.expires-in must be positive, was " + expiresIn);
        if (refreshExpiresIn.compareTo(expiresIn) < 0)
            throw new IllegalArgumentException("jwt.refresh-expires-in must not be shorter than jwt.expires-in");
    }
}
