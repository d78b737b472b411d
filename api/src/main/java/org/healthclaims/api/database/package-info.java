/** The database connection: configured by DATABASE_URL, or an embedded PostgreSQL in zero-setup mode. */
@NullMarked
package org.healthclaims.api.database;

import org.jspecify.annotations.NullMarked;
