/**
 * The adjudication kernel: pure functions over a batch held as primitive columns (structure of arrays), with no
 * clock, random source, logging, SQL or Spring. The loader fills the columns; the writer stores what the kernel
 * put in its output columns.
 */
@NullMarked
package org.healthclaims.engine.kernel;

import org.jspecify.annotations.NullMarked;
