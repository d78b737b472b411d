/**
 * The demo data set: domain.md §9's minimal scenario plus a deterministic volume of families, policies and claims,
 * written with COPY into an empty, migrated PostgreSQL database in one transaction. Migrating the schema and deciding
 * when to load are the caller's business.
 */
@NullMarked
package org.healthclaims.api.demo;

import org.jspecify.annotations.NullMarked;
