package org.healthclaims.load.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.healthclaims.domain.database.DatabaseUrl;
import org.junit.jupiter.api.Test;

class CompareOptionsTest {

    static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/claims?user=postgres";

    @Test
    void defaults_are_three_concurrencies_two_rounds_of_ten_seconds() {
        CompareOptions options =
                CompareOptions.parse(List.of("--url", "http://127.0.0.1:8080", "--database-url", DATABASE));

        assertThat(options.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8080/api/graphql"));
        assertThat(options.clients()).containsExactly(1, 10, 50);
        assertThat(options.rounds()).isEqualTo(2);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.markdown()).isNull();
    }

    @Test
    void refuses_a_server_on_another_machine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        CompareOptions.parse(List.of("--url", "http://192.0.2.10:8080", "--database-url", DATABASE)))
                .withMessageContaining("--url must name this machine");
    }

    @Test
    void refuses_no_clients_and_unknown_options() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompareOptions.parse(
                        List.of("--url", "http://127.0.0.1:8080", "--database-url", DATABASE, "--clients", "0")))
                .withMessageContaining("--clients must be 1..1000");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CompareOptions.parse(
                        List.of("--url", "http://127.0.0.1:8080", "--database-url", DATABASE, "--sizes", "10")))
                .withMessageContaining("unknown option for compare: --sizes");
    }

    @Test
    void pgbench_and_postgraphile_reach_the_database_of_the_jdbc_url() {
        DatabaseLocation location = DatabaseLocation.of(
                DatabaseUrl.parse("jdbc:postgresql://db.local:5433/claims_200k?user=claims", null, "p@ss word"));

        assertThat(location.libpqEnvironment())
                .containsEntry("PGHOST", "db.local")
                .containsEntry("PGPORT", "5433")
                .containsEntry("PGDATABASE", "claims_200k")
                .containsEntry("PGUSER", "claims")
                .containsEntry("PGPASSWORD", "p@ss word");
        assertThat(location.postgresUrl()).isEqualTo("postgres://claims:p%40ss%20word@db.local:5433/claims_200k");
    }

    @Test
    void the_printed_command_shows_no_password() {
        assertThat(CompareCommand.shown(List.of(
                        "--password",
                        "a",
                        "--database-url",
                        "jdbc:postgresql://h/db?user=u&password=b&ssl=true",
                        "--database-password",
                        "c")))
                .isEqualTo("--password *** --database-url jdbc:postgresql://h/db?user=u&password=***&ssl=true"
                        + " --database-password ***");
        assertThat(CompareCommand.shown(List.of("--database-url", "postgres://u:secret@h:5432/db")))
                .isEqualTo("--database-url postgres://u:***@h:5432/db");
    }

    @Test
    void the_prefix_pattern_is_the_one_the_servers_build() {
        assertThat(QueryInputs.likePrefix("Odh")).isEqualTo("odh%");
        assertThat(QueryInputs.likePrefix("a_b%c\\")).isEqualTo("a\\_b\\%c\\\\%");
    }
}
