/**
 * The claims engine under faults, end to end: engine processes killed and restarted, broker connections cut,
 * the embedded broker restarted, two engines sharing the partitions; each test checks in SQL that every claim was
 * adjudicated exactly once.
 */
@NullMarked
package org.healthclaims.engine.failover;

import org.jspecify.annotations.NullMarked;
