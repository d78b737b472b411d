package org.healthclaims.load.monitor;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.healthclaims.domain.broker.AdjudicationRoute;
import org.healthclaims.domain.broker.AmqpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Messages waiting in the adjudication queues (every partition and the parked queue, names from {@link
 * AdjudicationRoute}), read by a passive declare over AMQP 0-9-1: works on RabbitMQ and on the embedded broker alike,
 * with no management plugin. A queue not declared yet counts 0 (the declare closes the channel; a new one is opened);
 * a broker that cannot be reached leaves the depth NaN and is connected to again at the next reading.
 */
final class QueueDepth implements AutoCloseable {

    private final ConnectionFactory factory = new ConnectionFactory();
    private final List<String> queues;
    private @Nullable Connection connection;
    private @Nullable Channel channel;

    QueueDepth(String amqpUrl, AdjudicationRoute route) {
        try {
            // AmqpUrl: "amqp://host/" means the default virtual host, as it does for the api and the engine
            factory.setUri(AmqpUrl.parse(amqpUrl));
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--amqp-url is not an AMQP URL: " + e.getMessage(), e);
        }
        factory.setConnectionTimeout(2_000);
        factory.setAutomaticRecoveryEnabled(false);
        String[] names = new String[route.partitions() + 1];
        for (int p = 0; p < route.partitions(); p++) names[p] = route.queue(p);
        names[route.partitions()] = route.parkedQueue();
        this.queues = List.of(names);
    }

    List<String> queues() {
        return queues;
    }

    /** Ready messages summed over the queues; NaN when the broker could not be read or no queue exists. */
    double read() {
        long sum = 0;
        int found = 0;
        try {
            for (String queue : queues) {
                try {
                    sum += channel().queueDeclarePassive(queue).getMessageCount();
                    found++;
                } catch (IOException e) {
                    if (connection == null || !connection.isOpen()) throw e;
                    channel = null; // 404: the broker closed the channel, not the connection
                }
            }
        } catch (IOException | TimeoutException e) {
            close();
            return Double.NaN;
        }
        return found == 0 ? Double.NaN : sum;
    }

    private Channel channel() throws IOException, TimeoutException {
        Connection c = connection;
        if (c == null || !c.isOpen()) {
            c = factory.newConnection("claims-load monitor");
            connection = c;
            channel = null;
        }
        Channel ch = channel;
        if (ch == null || !ch.isOpen()) {
            ch = c.createChannel();
            channel = ch;
        }
        return ch;
    }

    @Override
    public void close() {
        Connection c = connection;
        connection = null;
        channel = null;
        if (c == null) return;
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // the broker is gone already: nothing of ours to release
        }
    }
}
