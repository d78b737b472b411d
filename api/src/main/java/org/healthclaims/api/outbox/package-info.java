/**
 * The transactional outbox: rows written with a claim's status change, in its transaction, and relayed to RabbitMQ
 * afterwards with publisher confirms, so that nothing accepted is lost and the database stays the source of truth.
 */
@NullMarked
package org.healthclaims.api.outbox;

import org.jspecify.annotations.NullMarked;
