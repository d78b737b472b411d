package org.healthclaims.load.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimsBenchTest {

    @Test
    void benches_the_same_document_as_the_api_tests_count_statements_for() throws IOException {
        String api = Files.readString(Path.of("../api/src/test/resources/graphql-test/claimsPage.graphql"));
        String bench;
        try (InputStream in = ClaimsBench.class.getResourceAsStream("/bench/claimsPage.graphql")) {
            bench = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(bench).isEqualTo(api);
    }

    @Test
    void the_printed_command_hides_the_password() {
        assertThat(ClaimsBench.withoutPassword(
                        List.of("--url", "http://127.0.0.1:8080", "--password", "s3cret", "--clients", "5")))
                .isEqualTo("--url http://127.0.0.1:8080 --password *** --clients 5");
    }

    @Test
    void a_row_gives_rate_percentiles_errors_size_and_sql_per_answer() {
        ClientTally tally = new ClientTally();
        byte[] body = new byte[2048];
        for (int i = 0; i < 99; i++) tally.answered(10_000_000L, new GraphQlEndpoint.Answer(200, body, 11));
        tally.answered(50_000_000L, new GraphQlEndpoint.Answer(500, body, -1));
        tally.transportError();

        String row = new SizeResult(100, tally, Duration.ofSeconds(4)).row();

        // 100 answers in 4 s; 2 errors (one 500, one without an answer); 11 statements in each answer that said
        assertThat(row).isEqualTo("| 100 | 100 | 25.0 | 10.0 | 10.0 | 10.0 | 50.0 | 2 | 2.0 | 11.0 |");
    }

    @Test
    void the_machine_line_names_cores_and_java() {
        assertThat(ClaimsBench.machine())
                .contains(Runtime.getRuntime().availableProcessors() + " cores", "Java " + Runtime.version());
    }
}
