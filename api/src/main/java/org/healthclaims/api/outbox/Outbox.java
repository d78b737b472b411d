package org.healthclaims.api.outbox;

import java.util.List;
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

    /** One event ({@code eventType}) about one aggregate (a claim), routed by {@code partitionKey} (the family). */
    public record Event(long aggregateId, String eventType, long partitionKey, Map<String, ?> payload) {}

    /**
     * Events about many aggregates, in one statement, their rows numbered in the order given (the relay
     * publishes in that order, so a family's events reach its partition in it). Must run inside a transaction: the
     * rows commit or roll back with the change they report.
     */
    public void addAll(String aggregateType, @Nullable UUID mutationLogId, List<Event> events) {
        if (events.isEmpty()) return;
        long[] ids = new long[events.size()];
        long[] partitions = new long[events.size()];
        String[] payloads = new String[events.size()];
        String[] types = new String[events.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = events.get(i).aggregateId();
            types[i] = events.get(i).eventType();
            partitions[i] = events.get(i).partitionKey();
            payloads[i] = json.writeValueAsString(events.get(i).payload());
        }
        jdbc.sql("""
                        insert into outbox (aggregate_type, aggregate_id, event_type, partition_key, mutation_log_id,
                                            payload)
                        select :type, e.id, e.event, e.partition, :log, cast(e.payload as jsonb)
                          from unnest(cast(:ids as bigint[]), cast(:events as text[]), cast(:partitions as bigint[]),
                                      cast(:payloads as text[]))
                               with ordinality as e(id, event, partition, payload, n)
                         order by e.n""")
                .param("log", mutationLogId)
                .param("type", aggregateType)
                .param("events", types)
                .param("ids", ids)
                .param("partitions", partitions)
                .param("payloads", payloads)
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
