package org.healthclaims.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The done-when of the report: its HTML opens in headless Chromium (Debian's, no network) and every chart in it has
 * data points, read from the rendered page by {@code src/test/browser/read-report.mjs} (Playwright), not only
 * screenshotted. The run: a synthetic JMeter run shaped like the audit's (thread groups of 1, 5, 10 and 30) over the
 * span of a recorded monitor file (the api under bench-claims and bench-adjudication, 2026-11-26). The screenshot lands
 * in target/report-page/report.png; load/docs/report.png is a copy of it.
 */
class ReportPageIT {

    static final Path BROWSER = Path.of("src/test/browser");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final List<String> CHARTS =
            List.of("latency", "throughput", "errors", "threads", "cpu", "memory", "gc", "connections", "queue");

    @Test
    void the_report_opens_in_headless_chromium_and_every_chart_has_points() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Chromium is missing at " + CHROMIUM + ": run .ci/setup-browser (as root: apt-get install -y"
                        + " chromium), or set CHROMIUM to another Chromium binary")
                .isTrue();
        installPlaywright();
        Path dir = Files.createDirectories(Path.of("target", "report-page"));
        Path monitor = dir.resolve("monitor.csv");
        try (InputStream recorded = Objects.requireNonNull(getClass().getResourceAsStream("/report/monitor.csv"))) {
            Files.copy(recorded, monitor, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> monitorLines = Files.readAllLines(monitor);
        long from = Long.parseLong(monitorLines.get(1).split(",")[0]);
        long to = Long.parseLong(monitorLines.getLast().split(",")[0]);
        Path results = dir.resolve("results.csv");
        Files.writeString(results, JMeterCsv.syntheticRun(from, to, 8).toString());
        Path html = dir.resolve("report.html");
        Path markdown = dir.resolve("report.md");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = ReportCommand.run(
                List.of(
                        "--results", results.toString(),
                        "--monitor", monitor.toString(),
                        "--html", html.toString(),
                        "--markdown", markdown.toString()),
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        JsonNode page = readInChromium(html, dir.resolve("report.png"));

        System.out.println(printed.toString(StandardCharsets.UTF_8));
        assertThat(exit).as("the synthetic run misses no threshold").isZero();
        assertThat(page.path("overall").asString()).startsWith("PASSED");
        assertThat(page.path("externalRequests")).as("the page fetches nothing").isEmpty();
        assertThat(page.path("missingCharts")).isEmpty();
        List<String> drawn = new ArrayList<>();
        for (JsonNode chart : page.path("charts")) {
            String id = chart.path("id").asString();
            drawn.add(id);
            assertThat(chart.path("width").asDouble()).as(id + " is laid out").isGreaterThan(100);
            assertThat(chart.path("series")).as(id + " has lines").isNotEmpty();
            for (JsonNode series : chart.path("series"))
                assertThat(series.path("points").asInt())
                        .as(id + " / " + series.path("name").asString() + ": points the browser parsed")
                        .isGreaterThanOrEqualTo(2);
        }
        assertThat(drawn).containsExactlyElementsOf(CHARTS);
        JsonNode latency = page.path("charts").get(0);
        assertThat(latency.path("series").findValuesAsString("name")).containsExactly("p50", "p95", "p99");
        assertThat(latency.path("series").get(0).path("circles").asInt())
                .isEqualTo(latency.path("series").get(0).path("points").asInt());
        List<String> metrics = new ArrayList<>();
        for (JsonNode row : page.path("verdicts")) metrics.add(row.get(0).asString());
        assertThat(metrics).hasSize(9).first().asString().startsWith("login response time");
        assertThat(page.path("verdicts").get(8).get(3).asString()).isEqualTo("0");
        assertThat(page.path("transactions")).hasSize(11);
        assertThat(Files.size(dir.resolve("report.png"))).isGreaterThan(20_000);
    }

    /** playwright-core from the committed lock file, when .ci/setup-browser has not installed it yet. */
    private static void installPlaywright() throws IOException, InterruptedException {
        if (Files.isDirectory(BROWSER.resolve("node_modules/playwright-core"))) return;
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(BROWSER.toFile())
                .inheritIO()
                .start();
        assertThat(npm.waitFor(3, TimeUnit.MINUTES) && npm.exitValue() == 0)
                .as("npm ci in " + BROWSER + " (playwright-core) failed: run .ci/setup-browser")
                .isTrue();
    }

    private static JsonNode readInChromium(Path html, Path screenshot) throws IOException, InterruptedException {
        Path errors = screenshot.resolveSibling("read-report.err");
        Process node = new ProcessBuilder(
                        "node",
                        BROWSER.resolve("read-report.mjs").toString(),
                        html.toAbsolutePath().toString(),
                        screenshot.toAbsolutePath().toString())
                .redirectError(errors.toFile())
                .start();
        byte[] out = node.getInputStream().readAllBytes();
        boolean ended = node.waitFor(2, TimeUnit.MINUTES);
        assertThat(ended && node.exitValue() == 0)
                .as("read-report.mjs failed:\n" + Files.readString(errors))
                .isTrue();
        return JsonMapper.builder().build().readTree(new String(out, StandardCharsets.UTF_8));
    }
}
