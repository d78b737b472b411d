package org.healthclaims.api.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code DEMO_DATA}: load the demo data set into a database that holds no insurees. Unset, it is on for the
 * embedded database of the zero-setup mode and off for a configured DATABASE_URL.
 */
@ConfigurationProperties("demo")
record DemoProperties(@Nullable Boolean data) {}
