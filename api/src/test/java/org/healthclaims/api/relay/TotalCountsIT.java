package org.healthclaims.api.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.testing.TestServices;
import org.healthclaims.domain.database.DatabaseUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Totals on the real PostgreSQL: a slow count (pg_sleep makes it so) is kept; a fast one is always exact. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TotalCountsIT {

    static final String SLOW =
            "select count(*) from total_counts_rows r, (select pg_sleep(0.08)) s where r.id > :least";
    static final String FAST = "select count(*) from total_counts_rows r where r.id > :least";

    JdbcClient sql;

    @BeforeAll
    void database() {
        DatabaseUrl url = TestServices.createDatabase(
                "totals_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        DriverManagerDataSource data = new DriverManagerDataSource(url.jdbcUrl());
        if (url.user() != null) data.setUsername(url.user());
        if (url.password() != null) data.setPassword(url.password());
        sql = JdbcClient.create(data);
        sql.sql("create table total_counts_rows (id int)").update();
    }

    void rows(int n) {
        sql.sql("truncate total_counts_rows").update();
        sql.sql("insert into total_counts_rows select generate_series(1, :n)")
                .param("n", n)
                .update();
    }

    @Test
    void a_slow_count_is_kept_for_its_filters_until_forgotten_and_a_fast_one_is_exact() {
        TotalCounts counts = new TotalCounts(new TotalCounts.Properties(Duration.ofMillis(50), Duration.ofMinutes(1)));
        rows(3);
        assertThat(counts.count(sql, SLOW, Map.of("least", 0))).isEqualTo(3);
        assertThat(counts.count(sql, FAST, Map.of("least", 0))).isEqualTo(3);

        rows(5);
        assertThat(counts.count(sql, SLOW, Map.of("least", 0))).as("kept").isEqualTo(3);
        assertThat(counts.count(sql, SLOW, Map.of("least", 1)))
                .as("other filters, counted")
                .isEqualTo(4);
        assertThat(counts.count(sql, FAST, Map.of("least", 0)))
                .as("fast: exact")
                .isEqualTo(5);

        counts.forget();
        assertThat(counts.count(sql, SLOW, Map.of("least", 0)))
                .as("after a write of this process")
                .isEqualTo(5);
    }

    @Test
    void a_kept_count_is_counted_again_in_the_background_past_its_staleness() throws InterruptedException {
        TotalCounts counts = new TotalCounts(new TotalCounts.Properties(Duration.ofMillis(50), Duration.ofMillis(300)));
        rows(2);
        assertThat(counts.count(sql, SLOW, Map.of("least", 0))).isEqualTo(2);
        rows(7);
        assertThat(counts.count(sql, SLOW, Map.of("least", 0))).isEqualTo(2);
        Thread.sleep(350);
        // served at once, kept or fresh, while one background load counts again
        assertThat(counts.count(sql, SLOW, Map.of("least", 0))).isIn(2, 7);
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline && (seen = counts.count(sql, SLOW, Map.of("least", 0))) != 7)
            Thread.sleep(20);
        assertThat(seen).as("the background count").isEqualTo(7);
    }

    @Test
    void a_kept_count_is_dropped_after_twice_its_staleness() throws InterruptedException {
        TotalCounts counts = new TotalCounts(new TotalCounts.Properties(Duration.ofMillis(50), Duration.ofMillis(300)));
        rows(2);
        assertThat(counts.count(sql, SLOW, Map.of("least", 0))).isEqualTo(2);
        rows(9);
        Thread.sleep(700);
        assertThat(counts.count(sql, SLOW, Map.of("least", 0))).isEqualTo(9);
    }
}
