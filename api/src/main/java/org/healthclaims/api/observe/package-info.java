/** Observability of the read path: per-operation and per-data-fetcher metrics at {@code /actuator/prometheus}. */
@NullMarked
package org.healthclaims.api.observe;

import org.jspecify.annotations.NullMarked;
