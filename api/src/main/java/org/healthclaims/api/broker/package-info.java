/** The AMQP connection and topology: AMQP_URL's broker, or an embedded Qpid broker in zero-setup mode. */
@NullMarked
package org.healthclaims.api.broker;

import org.jspecify.annotations.NullMarked;
