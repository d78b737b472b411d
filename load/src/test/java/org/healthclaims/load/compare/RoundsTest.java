package org.healthclaims.load.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.healthclaims.load.bench.Latencies;
import org.junit.jupiter.api.Test;

class RoundsTest {

    @Test
    void a_row_gives_medians_merged_percentiles_summed_errors_the_median_ratio_and_the_fractions_of_the_limit() {
        CompareCommand.Rounds rounds = new CompareCommand.Rounds(
                Query.INSUREE_SEARCH,
                10,
                List.of(figures(300, 10, 0), figures(200, 20, 1)),
                List.of(figures(100, 30, 0), figures(100, 40, 0)),
                List.of(figures(1000, 1, 0), figures(1000, 2, 0)));

        String row = rounds.row();

        // ours 250 req/s (median of 300, 200), ratios 3.0 and 2.0 (median 2.5), limit 1000 tps
        assertThat(row)
                .isEqualTo(
                        "| B | 10 | 250.0 | 10.0 | 20.0 | 1 | 100.0 | 30.0 | 40.0 | 0 | 2.50 | 1000.0 | 1.0 | 2.0 | 0"
                                + " | 0.25 | 0.10 |");
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertThat(CompareCommand.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(CompareCommand.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    /** A run whose every answer took {@code millis}. */
    private static CompareCommand.Figures figures(double perSecond, long millis, long errors) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 10; i++) latencies.record(millis * 1_000_000);
        return new CompareCommand.Figures(perSecond, 10, errors, latencies, -1);
    }
}
