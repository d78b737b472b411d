/**
 * {@code monitor}: samples the machine (/proc), the server ({@code /actuator/prometheus}), PostgreSQL and the broker
 * during a load run and appends one CSV row per interval, which {@code report} charts and judges. It reads only: no
 * write to the database or the broker.
 */
@NullMarked
package org.healthclaims.load.monitor;

import org.jspecify.annotations.NullMarked;
