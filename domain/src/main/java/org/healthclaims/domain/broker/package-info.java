/** Where the AMQP broker is, as operators configure it (AMQP_URL); plain URL rules, no AMQP client in here. */
@NullMarked
package org.healthclaims.domain.broker;

import org.jspecify.annotations.NullMarked;
