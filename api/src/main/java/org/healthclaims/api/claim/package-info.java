/** Claims, their item and service lines and claim administrators on the read path. */
@NullMarked
package org.healthclaims.api.claim;

import org.jspecify.annotations.NullMarked;
