/** Money as long minor units and its conversions at the SQL and GraphQL boundaries. */
@NullMarked
package org.healthclaims.domain.money;

import org.jspecify.annotations.NullMarked;
