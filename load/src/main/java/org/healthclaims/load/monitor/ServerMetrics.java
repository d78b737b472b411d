package org.healthclaims.load.monitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The server's own figures from its {@code /actuator/prometheus} (Micrometer's names): process CPU time, heap, GC
 * pauses and the Hikari pool. CPU and GC are changes since the previous scrape; a scrape that fails leaves every figure
 * NaN and the next one starts the changes afresh.
 */
final class ServerMetrics {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http;
    private final URI prometheus;
    private long lastScrapeNanos = -1;
    private double lastCpuNanos = Double.NaN;
    private double lastGcSeconds = Double.NaN;

    double cpuPercent = Double.NaN;
    double heapUsedMegabytes = Double.NaN;
    double heapMaxMegabytes = Double.NaN;
    double gcPauseMillis = Double.NaN;
    double poolActive = Double.NaN;
    double poolIdle = Double.NaN;
    double poolPending = Double.NaN;

    ServerMetrics(HttpClient http, URI server) {
        this.http = http;
        this.prometheus = server.resolve("/actuator/prometheus");
    }

    /** Scrapes once and sets the figures; returns false (all NaN) when the server did not answer with metrics. */
    boolean scrape() throws InterruptedException {
        String text;
        long now = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(prometheus)
                            .timeout(TIMEOUT)
                            .header("Accept", "text/plain")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) return clear();
            text = answer.body();
        } catch (IOException e) {
            return clear();
        }
        PrometheusText metrics = PrometheusText.parse(text);
        double cpuNanos = metrics.sum("process_cpu_time_ns_total", null);
        double cores = metrics.sum("system_cpu_count", null);
        double gcSeconds = metrics.sum("jvm_gc_pause_seconds_sum", null);
        if (lastScrapeNanos > 0 && !Double.isNaN(lastCpuNanos) && cores > 0) {
            cpuPercent = 100.0 * (cpuNanos - lastCpuNanos) / ((now - lastScrapeNanos) * cores);
        } else cpuPercent = Double.NaN;
        // no GC yet means no series at all: zero seconds paused, not unknown
        double gcNow = Double.isNaN(gcSeconds) ? 0 : gcSeconds;
        gcPauseMillis = Double.isNaN(lastGcSeconds) ? Double.NaN : 1000.0 * (gcNow - lastGcSeconds);
        heapUsedMegabytes = metrics.sum("jvm_memory_used_bytes", "area=\"heap\"") / (1024.0 * 1024.0);
        heapMaxMegabytes = metrics.sumPositive("jvm_memory_max_bytes", "area=\"heap\"") / (1024.0 * 1024.0);
        poolActive = metrics.sum("hikaricp_connections_active", null);
        poolIdle = metrics.sum("hikaricp_connections_idle", null);
        poolPending = metrics.sum("hikaricp_connections_pending", null);
        lastScrapeNanos = now;
        lastCpuNanos = cpuNanos;
        lastGcSeconds = gcNow;
        return true;
    }

    private boolean clear() {
        cpuPercent = heapUsedMegabytes = heapMaxMegabytes = gcPauseMillis = Double.NaN;
        poolActive = poolIdle = poolPending = Double.NaN;
        lastScrapeNanos = -1;
        lastCpuNanos = Double.NaN;
        lastGcSeconds = Double.NaN;
        return false;
    }
}
