/** The location tree's levels. */
@NullMarked
package org.healthclaims.domain.location;

import org.jspecify.annotations.NullMarked;
