/** The claims engine: adjudicates submitted claims taken from RabbitMQ. */
@NullMarked
package org.healthclaims.engine;

import org.jspecify.annotations.NullMarked;
