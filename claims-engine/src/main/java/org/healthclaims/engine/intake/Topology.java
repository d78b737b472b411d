package org.healthclaims.engine.intake;

import java.util.ArrayList;
import java.util.List;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * The adjudication topology, declared alike by the api (which publishes) and every engine (which consumes), so
 * that whichever starts first finds it: the durable exchange, the partition queues (durable; a single active
 * consumer each, a second guard besides the leases) bound by partition, and the queue of parked claim events. Only
 * standard declarations: the embedded broker accepts them as RabbitMQ does.
 */
public final class Topology {

    private Topology() {}

    public static TopicExchange exchange(AdjudicationRoute route) {
        return new TopicExchange(route.exchange(), true, false);
    }

    public static Declarables queues(AdjudicationRoute route, TopicExchange exchange) {
        List<Declarable> declarables = new ArrayList<>();
        for (int p = 0; p < route.partitions(); p++) {
            Queue queue =
                    QueueBuilder.durable(route.queue(p)).singleActiveConsumer().build();
            declarables.add(queue);
            declarables.add(BindingBuilder.bind(queue).to(exchange).with(route.routingKey(p)));
        }
        declarables.add(QueueBuilder.durable(route.parkedQueue()).build());
        return new Declarables(declarables);
    }
}
