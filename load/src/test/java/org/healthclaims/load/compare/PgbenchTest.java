package org.healthclaims.load.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.healthclaims.load.bench.Latencies;
import org.junit.jupiter.api.Test;

class PgbenchTest {

    /** pgbench 15's summary, as printed here. */
    static final String OUTPUT = """
            pgbench (15.20 (Debian 15.20-0+deb12u1))
            transaction type: claimsPage.sql
            scaling factor: 1
            query mode: prepared
            number of clients: 2
            number of threads: 2
            maximum number of tries: 1
            duration: 1 s
            number of transactions actually processed: 15918
            number of failed transactions: 3 (0.019%)
            latency average = 0.107 ms
            initial connection time = 147.940 ms
            tps = 18634.042070 (without initial connection time)
            """;

    @Test
    void reads_tps_transactions_and_failures_from_the_summary() {
        Pgbench.Run run = Pgbench.summary(OUTPUT, new Latencies(), 0);

        assertThat(run.tps()).isEqualTo(18634.042070);
        assertThat(run.transactions()).isEqualTo(15918);
        assertThat(run.failed()).isEqualTo(3);
    }

    @Test
    void a_summary_without_tps_is_an_error_that_shows_the_output() {
        assertThatIllegalStateException()
                .isThrownBy(() -> Pgbench.summary("connection to server failed", new Latencies(), 0))
                .withMessageContaining("connection to server failed");
    }

    @Test
    void latencies_come_from_the_per_transaction_log_in_microseconds() {
        Latencies latencies = new Latencies();
        int failed = 0;
        for (String line : List.of(
                "0 1 489 0 1795684761 841779",
                "0 2 1500 0 1795684761 841815",
                "1 1 2500 0 1795684761 841707",
                "1 2 failed 0 1795684761 841745",
                "")) if (!Pgbench.record(line, latencies)) failed++;

        assertThat(latencies.count()).isEqualTo(3);
        assertThat(latencies.percentileMillis(50)).isEqualTo(1.5);
        assertThat(latencies.maxMillis()).isCloseTo(2.5, within(0.01));
        assertThat(failed).isEqualTo(1);
        assertThat(Pgbench.summary(OUTPUT, latencies, failed).latencies().count())
                .isEqualTo(3);
    }

    @Test
    void the_script_drops_comment_lines_and_keeps_the_statement_across_lines() {
        assertThat(Pgbench.script("-- why\nselect 1\n  from t -- trailing\n where a = :a;\n"))
                .isEqualTo("select 1\n  from t -- trailing\n where a = :a;\n");
    }

    @Test
    void the_jdbc_statement_binds_each_parameter_and_leaves_casts_alone() {
        Map.Entry<String, List<String>> statement =
                Pgbench.jdbcStatement("-- c\nselect x::text from t where a > :first limit :first and b like :pattern;");

        assertThat(statement.getKey()).isEqualTo("select x::text from t where a > ? limit ? and b like ?");
        assertThat(statement.getValue()).containsExactly("first", "first", "pattern");
    }

    @Test
    void every_statement_gets_all_its_parameters_from_its_query() {
        QueryInputs inputs = new QueryInputs(100, "Odh", "D1-5");
        for (Query q : Query.values())
            assertThat(q.sqlParameters(inputs).keySet())
                    .as(q.name())
                    .containsAll(Pgbench.jdbcStatement(q.sql).getValue());
    }
}
