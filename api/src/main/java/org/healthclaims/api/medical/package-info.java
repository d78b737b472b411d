/** The medical registers (items, services, ICD diagnoses) on the read path. */
@NullMarked
package org.healthclaims.api.medical;

import org.jspecify.annotations.NullMarked;
