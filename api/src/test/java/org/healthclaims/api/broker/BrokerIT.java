package org.healthclaims.api.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.TestServices;
import org.healthclaims.domain.broker.AmqpUrl;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BrokerIT extends ApiTest {

    @Test
    void health_is_up_with_the_database_and_the_broker() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        JsonNode health = JsonMapper.builder().build().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components").path("rabbit").path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void the_adjudication_exchange_exists_under_this_runs_prefix() {
        String exchange = TestServices.amqpPrefix() + "claims.adjudication";
        CachingConnectionFactory factory = new CachingConnectionFactory(AmqpUrl.parse(TestServices.amqpUrl()));
        try {
            // declared by the server at start
            new RabbitTemplate(factory).execute(channel -> channel.exchangeDeclarePassive(exchange));
            Boolean unknownFails = new RabbitTemplate(factory).execute(channel -> {
                try {
                    channel.exchangeDeclarePassive(TestServices.amqpPrefix() + "no.such.exchange");
                    return false;
                } catch (java.io.IOException expected) {
                    return true;
                }
            });
            assertThat(unknownFails).isTrue();
        } finally {
            factory.destroy();
        }
    }
}
