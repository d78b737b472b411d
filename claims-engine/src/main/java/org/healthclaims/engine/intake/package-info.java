/**
 * From the partition queues to batches: one consumer per partition this engine holds, messages gathered into
 * batches of N claims or T milliseconds, acknowledged only once the batch's results are committed, retried by the
 * application and parked with their reason when they keep failing.
 */
@NullMarked
package org.healthclaims.engine.intake;

import org.jspecify.annotations.NullMarked;
