/**
 * {@code compare}: our server beside PostGraphile 5 on the same database, and PostgreSQL alone answering the same
 * documents with one hand-written statement each (pgbench), alternated, after checking that all three return the same
 * data. Owns the peer's process and the pgbench runs; drives HTTP with the bench package's closed loop.
 */
@NullMarked
package org.healthclaims.load.compare;

import org.jspecify.annotations.NullMarked;
