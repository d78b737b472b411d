/** The location tree and health facilities on the read path. */
@NullMarked
package org.healthclaims.api.location;

import org.jspecify.annotations.NullMarked;
