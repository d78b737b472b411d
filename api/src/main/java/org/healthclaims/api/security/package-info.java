/** Logging in (tokenAuth, JWTs, session cookies) and authenticating every request. Roles and scopes come later. */
@NullMarked
package org.healthclaims.api.security;

import org.jspecify.annotations.NullMarked;
