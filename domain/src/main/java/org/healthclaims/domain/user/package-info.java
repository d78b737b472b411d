/** Users who log in; roles, rights and location scopes arrive with the security issue. */
@NullMarked
package org.healthclaims.domain.user;

import org.jspecify.annotations.NullMarked;
