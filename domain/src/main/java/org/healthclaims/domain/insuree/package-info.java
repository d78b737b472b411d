/** Insuree and policy codes: genders and policy statuses. */
@NullMarked
package org.healthclaims.domain.insuree;

import org.jspecify.annotations.NullMarked;
