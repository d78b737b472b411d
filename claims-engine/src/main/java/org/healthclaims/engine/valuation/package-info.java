/**
 * The processing step end to end: checked claims loaded with their policies' settings and the ledger's previous
 * consumption, valued by {@link org.healthclaims.engine.kernel.ValuationStep}, written back with their ledger rows.
 */
@NullMarked
package org.healthclaims.engine.valuation;

import org.jspecify.annotations.NullMarked;
