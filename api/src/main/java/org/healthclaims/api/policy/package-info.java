/** Products, policies and each member's coverage on the read path, and eligibility. */
@NullMarked
package org.healthclaims.api.policy;

import org.jspecify.annotations.NullMarked;
