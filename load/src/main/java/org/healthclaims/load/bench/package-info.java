/**
 * Load runs against a running server over HTTP, printing figures: {@code bench-claims} drives the claims page with
 * concurrent closed-loop clients. Not JUnit tests: commands whose tables go into load/README.md.
 */
@NullMarked
package org.healthclaims.load.bench;

import org.jspecify.annotations.NullMarked;
