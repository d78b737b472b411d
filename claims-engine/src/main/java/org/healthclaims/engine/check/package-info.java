/**
 * The check step end to end: a batch of submitted claims loaded into the kernel's columns with one statement per
 * table, checked by {@link org.healthclaims.engine.kernel.CheckStep}, and written back with one statement per table,
 * guarded so that a redelivered event changes nothing.
 */
@NullMarked
package org.healthclaims.engine.check;

import org.jspecify.annotations.NullMarked;
