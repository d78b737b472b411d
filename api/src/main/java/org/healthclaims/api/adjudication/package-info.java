/** The claims engine inside the api's JVM (zero-setup mode, and any api started with ENGINE_EMBEDDED=true). */
@NullMarked
package org.healthclaims.api.adjudication;

import org.jspecify.annotations.NullMarked;
