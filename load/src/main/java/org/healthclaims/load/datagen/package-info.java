/** The data generator: a deterministic, realistic data set over the real schema, written by PostgreSQL itself. */
@NullMarked
package org.healthclaims.load.datagen;

import org.jspecify.annotations.NullMarked;
