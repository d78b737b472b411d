/** Where the database is, as operators configure it (DATABASE_URL and friends); shared by api, engine and load. */
@NullMarked
package org.healthclaims.domain.database;

import org.jspecify.annotations.NullMarked;
