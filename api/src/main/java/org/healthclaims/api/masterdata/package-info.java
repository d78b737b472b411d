/** In-memory caches of the registers every screen reads (items, services, diagnoses, facilities, locations). */
@NullMarked
package org.healthclaims.api.masterdata;

import org.jspecify.annotations.NullMarked;
