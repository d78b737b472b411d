/**
 * What protects the server from bad and expensive requests: typed errors, and the limits (depth, complexity,
 * aliases, sizes, timeout, requests in flight) that refuse a request before any of its SQL runs.
 */
@NullMarked
package org.healthclaims.api.guard;

import org.jspecify.annotations.NullMarked;
