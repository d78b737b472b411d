/** What protects the server from bad input: typed errors and argument limits. */
@NullMarked
package org.healthclaims.api.guard;

import org.jspecify.annotations.NullMarked;
