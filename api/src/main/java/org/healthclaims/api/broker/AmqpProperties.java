package org.healthclaims.api.broker;

import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.domain.broker.AmqpUrl;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the broker is: {@code AMQP_URL} ({@code amqp://user:pass@host:port/vhost}); without it the server starts
 * an embedded broker. {@code AMQP_PREFIX} is put before every exchange and queue name, so that several test runs or
 * deployments can share one broker without seeing each other's messages.
 */
@ConfigurationProperties("amqp")
public record AmqpProperties(
        @Nullable String url,
        @DefaultValue("") String prefix,
        @DefaultValue("16") int partitions) {

    public AmqpProperties {
        if (url != null && !url.isBlank()) AmqpUrl.parse(url);
        if (!prefix.matches("[A-Za-z0-9._-]*"))
            throw new IllegalArgumentException("AMQP_PREFIX may hold letters, digits, '.', '_' and '-' only");
    }

    boolean isEmbedded() {
        return url == null || url.isBlank();
    }

    /** The exchange submitted claims travel through to the claims engine. */
    public String adjudicationExchange() {
        return route().exchange();
    }

    /** The exchange, partition queues and partition of a family (AMQP_PARTITIONS queues, 16 by default). */
    public AdjudicationRoute route() {
        return new AdjudicationRoute(prefix, partitions);
    }
}
