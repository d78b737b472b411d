package org.healthclaims.load.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    /** What the api's /actuator/prometheus served (claims-api on Boot 4, 2026-11-26), unedited. */
    static String recorded() throws IOException {
        try (InputStream in =
                Objects.requireNonNull(PrometheusTextTest.class.getResourceAsStream("/monitor/prometheus.txt"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sums_a_metric_over_its_series_and_filters_by_label() throws IOException {
        PrometheusText metrics = PrometheusText.parse(recorded());

        assertThat(metrics.sum("hikaricp_connections_active", null)).isEqualTo(1.0);
        assertThat(metrics.sum("hikaricp_connections_idle", null)).isEqualTo(19.0);
        assertThat(metrics.sum("process_cpu_time_ns_total", null)).isEqualTo(1.752e10);
        // two GC causes, label values with spaces: 0.056 + 0.013
        assertThat(metrics.sum("jvm_gc_pause_seconds_sum", null)).isCloseTo(0.069, within(1e-12));
        // heap: eden + old + survivor; non-heap pools left out
        assertThat(metrics.sum("jvm_memory_used_bytes", "area=\"heap\""))
                .isEqualTo(2.097152e7 + 4.5239232e7 + 9977472.0);
        // eden's and survivor's max are -1 (no limit of their own): only the old generation's counts
        assertThat(metrics.sumPositive("jvm_memory_max_bytes", "area=\"heap\"")).isEqualTo(6.320816128e9);
        assertThat(metrics.sum("no_such_metric", null)).isNaN();
    }

    @Test
    void reads_values_with_a_timestamp_and_skips_comments_and_junk() {
        PrometheusText metrics = PrometheusText.parse(
                "# HELP x a help line\n# TYPE x gauge\nx{a=\"b c\"} 2.5 1712345678000\nx 1\nbroken line\ny NaN-ish\n");

        assertThat(metrics.sum("x", null)).isEqualTo(3.5);
        assertThat(metrics.sum("x", "a=\"b c\"")).isEqualTo(2.5);
        assertThat(metrics.sum("y", null)).isNaN();
    }

    @Test
    void a_row_leaves_unread_figures_empty_and_writes_whole_numbers_without_decimals() {
        assertThat(MonitorCommand.row(1_000L, 12.345, Double.NaN, 20, 0.5))
                .isEqualTo("1000,12.35,,20,0.50" + System.lineSeparator());
    }
}
