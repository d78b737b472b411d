package org.healthclaims.api.broker;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.healthclaims.domain.broker.AmqpUrl;
import org.healthclaims.engine.intake.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The AMQP connection (publisher confirms on: the outbox relay waits for them) to AMQP_URL's broker or to an
 * embedded one, and the exchange the claims engine consumes from. Boot's RabbitTemplate, RabbitAdmin and the
 * broker health check build on this connection factory.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BrokerConfiguration.class);

    /** Zero-setup mode: no AMQP_URL, so the server brings its own broker. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${amqp.url:}'.isBlank()")
    EmbeddedBroker embeddedBroker() {
        return EmbeddedBroker.startInBackground();
    }

    @Bean(destroyMethod = "destroy")
    CachingConnectionFactory rabbitConnectionFactory(AmqpProperties amqp, Optional<EmbeddedBroker> embedded) {
        embedded.ifPresent(EmbeddedBroker::awaitStarted);
        URI uri = AmqpUrl.parse(amqp.isEmbedded() ? embedded.orElseThrow().url() : Objects.requireNonNull(amqp.url()));
        CachingConnectionFactory factory = new CachingConnectionFactory(uri);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setPublisherReturns(true);
        // a broker that stops answering (a cancel at shutdown, a declare) fails the call after 10 s, not 10 minutes
        factory.getRabbitConnectionFactory().setChannelRpcTimeout(10_000);
        factory.setConnectionNameStrategy(f -> "claims-api");
        return factory;
    }

    /** Durable, as the queues bound to it will be; RabbitAdmin declares it on every (re)connection. */
    @Bean
    TopicExchange adjudicationExchange(AmqpProperties amqp) {
        return Topology.exchange(amqp.route());
    }

    /**
     * The partition queues (durable; a single active consumer each, a second guard besides the engines' leases) bound
     * to the exchange by partition, and the queue of parked claims. Declared by the api too, so that a claim
     * published before any engine has started waits in its queue instead of being unroutable.
     */
    @Bean
    Declarables adjudicationQueues(AmqpProperties amqp, TopicExchange adjudicationExchange) {
        return Topology.queues(amqp.route(), adjudicationExchange);
    }

    /**
     * Declares the topology at start instead of at the first publish. A broker that is down at start does not stop
     * the server (health says DOWN, and RabbitAdmin declares again when the connection comes back).
     */
    @Bean
    ApplicationRunner declareTopology(AmqpAdmin admin) {
        return args -> {
            try {
                admin.initialize();
            } catch (AmqpException e) {
                log.warn(
                        "AMQP broker not reachable at start ({}); the topology is declared when it connects",
                        e.getMessage());
            }
        };
    }
}
