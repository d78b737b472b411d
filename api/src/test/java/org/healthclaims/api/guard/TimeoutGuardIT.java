package org.healthclaims.api.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A server of its own whose requests may run 500 ms: one that runs longer is cut off with a typed error. */
@Import(HeldRequests.class)
@TestPropertySource(properties = {HeldRequests.SCHEMA, "guard.request-timeout=500ms"})
@DirtiesContext
class TimeoutGuardIT extends ApiTest {

    @Autowired
    HeldRequests held;

    @AfterEach
    void letTheHeldFetcherFinish() {
        held.letGo();
    }

    @Test
    void a_request_running_past_the_timeout_is_cut_off_with_request_timeout() {
        GraphQlClient client = client();
        Map<String, String> auth = GraphQlClient.bearer(client.login("Admin", "admin123"));

        Answer answer = client.post(HeldRequests.QUERY, Map.of(), auth);

        JsonNode error = answer.errors().get(0);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("REQUEST_TIMEOUT");
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("message").asString()).contains("500 ms");
        assertThat(answer.data().path("heldOpen").isMissingNode()).isTrue();
    }
}
