/**
 * Observability of the read path: per-operation and per-data-fetcher metrics at {@code /actuator/prometheus}, and one
 * log line per GraphQL request with its SQL statements and their time, counted by a timing wrapper around the pool.
 */
@NullMarked
package org.healthclaims.api.observe;

import org.jspecify.annotations.NullMarked;
