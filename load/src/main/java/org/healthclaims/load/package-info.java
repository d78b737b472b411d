/** Commands that prepare and drive load runs: schema migration now; data generation and runners later. */
@NullMarked
package org.healthclaims.load;

import org.jspecify.annotations.NullMarked;
