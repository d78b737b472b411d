/** Insurees and families on the read path. */
@NullMarked
package org.healthclaims.api.insuree;

import org.jspecify.annotations.NullMarked;
