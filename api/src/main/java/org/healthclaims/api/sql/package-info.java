/** How every read query maps columns and batches relations: shared by all features of the read path. */
@NullMarked
package org.healthclaims.api.sql;

import org.jspecify.annotations.NullMarked;
