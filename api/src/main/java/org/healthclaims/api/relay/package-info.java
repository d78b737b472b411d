/** Relay connections as openIMIS shapes them: global ids, keyset cursors, page sizes and optional filters. */
@NullMarked
package org.healthclaims.api.relay;

import org.jspecify.annotations.NullMarked;
