package org.healthclaims.api.adjudication;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.healthclaims.api.broker.AmqpProperties;
import org.healthclaims.engine.ClaimsEngine;
import org.healthclaims.engine.kernel.RuleSet;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A claims engine in this JVM, on the api's pool and broker connection, so that the zero-setup server adjudicates
 * what it is given with nothing else running. Like a stand-alone engine it takes its share of the partitions
 * through the leases, so any number of apis and engines may run together.
 */
@Component
class EmbeddedEngine implements SmartLifecycle {

    /** ENGINE_EMBEDDED, ENGINE_BATCH_SIZE, ENGINE_MAX_BATCH_WAIT, ENGINE_MAX_ATTEMPTS, ENGINE_LEASE_TIME, ENGINE_RULES. */
    @ConfigurationProperties("engine")
    record EngineProperties(
            @DefaultValue("true") boolean embedded,
            @DefaultValue("256") int batchSize,
            @DefaultValue("20ms") Duration maxBatchWait,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("500ms") Duration firstRetryPause,
            @DefaultValue("6s") Duration leaseTime,
            @DefaultValue("modular") String rules) {

        ClaimsEngine.Settings settings() {
            return new ClaimsEngine.Settings(
                    batchSize, maxBatchWait, maxAttempts, firstRetryPause, leaseTime, RuleSet.of(rules));
        }
    }

    private final EngineProperties properties;
    private final ClaimsEngine engine;

    EmbeddedEngine(
            EngineProperties properties,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ConnectionFactory broker,
            AmqpProperties amqp) {
        this.properties = properties;
        this.engine = new ClaimsEngine(
                jdbc,
                transactions,
                broker,
                amqp.route(),
                properties.settings(),
                "api-" + ManagementFactory.getRuntimeMXBean().getName() + "-"
                        + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public boolean isAutoStartup() {
        return properties.embedded();
    }

    @Override
    public void start() {
        engine.start();
    }

    @Override
    public void stop() {
        engine.stop();
    }

    @Override
    public boolean isRunning() {
        return engine.isRunning();
    }
}
