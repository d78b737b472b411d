/** The GraphQL scalars of openIMIS's API and their wire forms. */
@NullMarked
package org.healthclaims.api.scalar;

import org.jspecify.annotations.NullMarked;
