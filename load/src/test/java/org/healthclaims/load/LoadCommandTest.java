package org.healthclaims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadCommandTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return LoadCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void without_a_command_it_prints_usage_and_fails() {
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("usage:", "migrate", "bench-claims", "monitor --out", "report --results");
    }

    @Test
    void an_unknown_command_is_named() {
        assertThat(run("explode")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: explode");
    }

    @Test
    void migrate_refuses_a_database_url_it_cannot_read() {
        assertThat(run("migrate", "--database-url", "mysql://u:secret@h/d")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("DATABASE_URL")
                .doesNotContain("secret");
    }

    @Test
    void bench_claims_refuses_a_server_elsewhere_before_sending_anything() {
        assertThat(run("bench-claims", "--url", "http://192.0.2.10:8080")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--url must name this machine");
    }

    @Test
    void report_and_monitor_exit_2_on_bad_usage() {
        assertThat(run("report", "--html", "out.html")).isEqualTo(2);
        assertThat(run("report", "--results", "r.csv", "--colour", "red")).isEqualTo(2);
        assertThat(run("monitor", "--url", "http://127.0.0.1:8080")).isEqualTo(2);
        assertThat(run("monitor", "--out", "m.csv")).isEqualTo(2);
        assertThat(run("monitor", "--out", "m.csv", "--url", "http://127.0.0.1:8080", "--interval", "0"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--results is required", "unknown option for report: --colour", "--out FILE.csv is required")
                .contains("name at least one of", "--interval must be");
    }
}
