package org.healthclaims.api.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A server of its own, serving at most 4 GraphQL requests at once: the fifth is answered 503 at once (the stated
 * SLA is within a second, so this integration test measures it), and the server recovers by itself.
 */
@Import(HeldRequests.class)
@TestPropertySource(properties = {HeldRequests.SCHEMA, "guard.max-in-flight=4"})
@DirtiesContext
class SaturationGuardIT extends ApiTest {

    private static final Logger log = LoggerFactory.getLogger(SaturationGuardIT.class);

    @Autowired
    HeldRequests held;

    @Test
    void past_the_limit_a_request_gets_503_within_a_second_and_the_server_recovers_by_itself() throws Exception {
        GraphQlClient client = client();
        Map<String, String> auth = GraphQlClient.bearer(client.login("Admin", "admin123"));
        List<Future<Answer>> slow = new ArrayList<>();
        Answer refused;
        Duration refusedIn;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4; i++) slow.add(callers.submit(() -> client.post(HeldRequests.QUERY, Map.of(), auth)));
            held.awaitHeld(4);

            long start = System.nanoTime();
            refused = client.post("{ claims(first: 1) { edges { node { code } } } }", Map.of(), auth);
            refusedIn = Duration.ofNanos(System.nanoTime() - start);

            held.letGo();
        }
        Answer after = client.post("{ claims(first: 1) { edges { node { code } } } }", Map.of(), auth);

        log.info(
                "with 4 requests in flight, the fifth was answered {} in {} ms",
                refused.status(),
                refusedIn.toMillis());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers().get("retry-after")).containsExactly("1");
        assertThat(refused.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("OVERLOADED");
        assertThat(refusedIn).isLessThanOrEqualTo(Duration.ofSeconds(1));
        for (Future<Answer> answer : slow)
            assertThat(answer.get(10, TimeUnit.SECONDS).data().path("heldOpen").asInt())
                    .isEqualTo(1);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.errors().isMissingNode()).as(after.body().toString()).isTrue();
    }
}
