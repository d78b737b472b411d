package org.healthclaims.api.security;

/** Who sent a request, from a verified JWT; stored in the GraphQL context under {@code Caller.class}. */
public record Caller(long userId, String username) {}
