package org.healthclaims.api.outbox;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/** Writes outbox rows inside the caller's transaction, and wakes the relay once that transaction has committed. */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;

    Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
    }

    /**
     * One event for the claims engine about one aggregate (a claim), routed by {@code partitionKey} (the family).
     * Must run inside a transaction: the row commits or rolls back with the change it reports.
     */
    public void add(
            String aggregateType,
            long aggregateId,
            String eventType,
            long partitionKey,
            @Nullable UUID mutationLogId,
            Map<String, ?> payload) {
        jdbc.sql("""
                        insert into outbox (aggregate_type, aggregate_id, event_type, partition_key, mutation_log_id,
                                            payload)
                        values (:type, :id, :event, :partition, :log, cast(:payload as jsonb))""")
                .param("log", mutationLogId)
                .param("type", aggregateType)
                .param("id", aggregateId)
                .param("event", eventType)
                .param("partition", partitionKey)
                .param("payload", json.writeValueAsString(payload))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(Outbox.class)) {
            // once per transaction, however many rows it adds
            TransactionSynchronizationManager.bindResource(Outbox.class, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.class);
                    if (status == STATUS_COMMITTED) relay.nudge();
                }
            });
        }
    }
}
