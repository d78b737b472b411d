/**
 * {@code report}: judges a JMeter run (and what {@code monitor} sampled beside it) against the openIMIS audit's Table
 * 1 (performance.md) and writes a self-contained HTML report with inline SVG charts and a Markdown verdict table. It
 * reads files only; it never talks to a server.
 */
@NullMarked
package org.healthclaims.load.report;

import org.jspecify.annotations.NullMarked;
