/** Insurees and families: their reads, and openIMIS's insuree-module mutations that enter and change them. */
@NullMarked
package org.healthclaims.api.insuree;

import org.jspecify.annotations.NullMarked;
