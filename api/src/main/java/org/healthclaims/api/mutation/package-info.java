/**
 * How every write runs: checked against the caller's right, rate-limited per user, done once per clientMutationId,
 * in one transaction, and logged where openIMIS's front-ends poll it (mutationLogs).
 */
@NullMarked
package org.healthclaims.api.mutation;

import org.jspecify.annotations.NullMarked;
