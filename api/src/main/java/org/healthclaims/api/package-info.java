/** The claims server's entry point; each feature lives in a package of its own below this one. */
@NullMarked
package org.healthclaims.api;

import org.jspecify.annotations.NullMarked;
