/** Partition leases in PostgreSQL: which engine adjudicates which families, and the hand-over when engines come and go. */
@NullMarked
package org.healthclaims.engine.lease;

import org.jspecify.annotations.NullMarked;
