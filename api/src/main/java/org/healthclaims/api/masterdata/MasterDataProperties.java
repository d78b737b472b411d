package org.healthclaims.api.masterdata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The master-data cache: {@code MASTER_DATA_MAX_STALENESS} bounds how long a change made by another process may go
 * unseen (default 60 s); {@code MASTER_DATA_MAXIMUM_SIZE} bounds the rows kept per register.
 */
@ConfigurationProperties("master-data")
record MasterDataProperties(
        @DefaultValue("60s") Duration maxStaleness,
        @DefaultValue("200000") long maximumSize) {

    MasterDataProperties {
        if (maxStaleness.isNegative())
            throw new IllegalArgumentException("master-data.max-staleness must not be negative, was " + maxStaleness);
        if (maximumSize < 0)
            throw new IllegalArgumentException("master-data.maximum-size must not be negative, was " + maximumSize);
    }
}
