/** Claim codes shared by the api and the claims engine: statuses, line statuses and rejection reasons. */
@NullMarked
package org.healthclaims.domain.claim;

import org.jspecify.annotations.NullMarked;
