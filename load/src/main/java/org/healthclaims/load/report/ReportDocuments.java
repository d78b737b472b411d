package org.healthclaims.load.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The report's two documents: the HTML page (one file, styles and SVG inline, nothing fetched: it opens on a machine
 * without network) and the Markdown summary for a closing note or a README.
 */
final class ReportDocuments {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** What the report was made from, for its heading. */
    record Run(
            String resultsFile, String monitorFile, long startMillis, double lengthSeconds, int samples, int threads) {}

    private ReportDocuments() {}

    static String html(Run run, RunJudgement judgement, RunCharts charts, MonitorSummary monitor) {
        StringBuilder html = new StringBuilder(1 << 16);
        boolean missed = judgement.isMissed();
        html.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>Load run report</title>
                <style>
                body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:960px}
                h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px}
                table{border-collapse:collapse;margin:4px 0 12px} td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
                td.n,th.n{text-align:right} th{background:#f3f3f3}
                .met-target{background:#d9f2d9} .met-threshold-only{background:#fff2c2} .missed{background:#f8d0d0;font-weight:600}
                .not-measured{color:#777} .overall{font-size:18px;font-weight:700;padding:6px 10px;display:inline-block}
                .passed{background:#d9f2d9} .failed{background:#f8d0d0}
                svg.chart{display:block;background:#fff;border:1px solid #ddd}
                svg .grid{stroke:#e6e6e6} svg .axis{stroke:#999} svg .tick,svg .unit{font-size:11px;fill:#555}
                svg .line{stroke-width:1.6} .legend span{margin-right:14px;font-size:12px}
                .legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
                .note{color:#777}
                </style></head><body>
                <h1>Load run report</h1>
                """);
        html.append("<p>")
                .append(Html.escape(run.resultsFile()))
                .append(run.monitorFile().isEmpty() ? "" : " · monitor " + Html.escape(run.monitorFile()))
                .append("<br>")
                .append(UTC.format(Instant.ofEpochMilli(run.startMillis())))
                .append(String.format(
                        Locale.ROOT,
                        ", %.0f s, %,d samples%s%s",
                        run.lengthSeconds(),
                        run.samples(),
                        run.threads() > 0 ? ", up to " + run.threads() + " JMeter threads" : "",
                        judgement.peak() ? ", judged as a peak-load run (--peak)" : ""))
                .append("</p>\n<p class=\"overall ")
                .append(
                        missed
                                ? "failed\">FAILED: a threshold of Table 1 was missed"
                                : "passed\">PASSED: no threshold missed")
                .append("</p>\n");

        html.append(
                "<h2>Table 1 of the openIMIS audit</h2>\n<table class=\"verdicts\"><thead><tr>"
                        + "<th>metric</th><th>target</th><th>threshold</th><th>measured</th><th>verdict</th></tr></thead><tbody>\n");
        for (Table1Row row : judgement.rows())
            html.append("<tr class=\"verdict ")
                    .append(cssClass(row.verdict()))
                    .append("\"><td>")
                    .append(Html.escape(row.metric()))
                    .append("</td><td>")
                    .append(Html.escape(row.target()))
                    .append("</td><td>")
                    .append(Html.escape(row.threshold()))
                    .append("</td><td>")
                    .append(Html.escape(row.measured()))
                    .append("</td><td>")
                    .append(row.verdict().text)
                    .append("</td></tr>\n");
        html.append("</tbody></table>\n");

        html.append("<h2>Transactions</h2>\n<table class=\"transactions\"><thead><tr><th>label</th><th>class</th>"
                + "<th class=\"n\">samples</th><th class=\"n\">per s</th><th class=\"n\">failed %</th>"
                + "<th class=\"n\">p50 ms</th><th class=\"n\">p90 ms</th><th class=\"n\">p95 ms</th>"
                + "<th class=\"n\">p99 ms</th><th class=\"n\">max ms</th><th>p95 verdict</th></tr></thead><tbody>\n");
        for (TransactionFigures t : judgement.transactions())
            html.append("<tr class=\"transaction ")
                    .append(cssClass(t.verdict()))
                    .append("\"><td>")
                    .append(Html.escape(t.label()))
                    .append("</td><td>")
                    .append(t.transactionClass().prefix)
                    .append(String.format(
                            Locale.ROOT,
                            "</td><td class=\"n\">%,d</td><td class=\"n\">%.1f</td><td class=\"n\">%.2f</td>"
                                    + "<td class=\"n\">%,d</td><td class=\"n\">%,d</td><td class=\"n\">%,d</td>"
                                    + "<td class=\"n\">%,d</td><td class=\"n\">%,d</td><td>",
                            t.count(),
                            t.perSecond(),
                            t.failurePercent(),
                            t.p50Millis(),
                            t.p90Millis(),
                            t.p95Millis(),
                            t.p99Millis(),
                            t.maxMillis()))
                    .append(transactionVerdict(t))
                    .append("</td></tr>\n");
        html.append("</tbody></table>\n<h2>Over time</h2>\n");
        for (Chart chart : charts.charts()) {
            if (!chart.hasData()) {
                html.append("<p class=\"note\" data-missing-chart=\"")
                        .append(chart.id())
                        .append("\">")
                        .append(Html.escape(chart.title()))
                        .append(": not measured")
                        .append(run.monitorFile().isEmpty() && isMonitored(chart.id()) ? " (no --monitor file)" : "")
                        .append("</p>\n");
                continue;
            }
            html.append("<figure><figcaption>")
                    .append(Html.escape(chart.title()))
                    .append("</figcaption>\n");
            SvgChart.render(chart, charts.lengthSeconds, html);
            html.append("</figure>\n");
        }
        if (!monitor.lines().isEmpty()) {
            html.append("<h2>Machine, server, database and broker</h2>\n<table class=\"monitor\"><thead><tr>"
                    + "<th>what</th><th class=\"n\">readings</th><th class=\"n\">least</th><th class=\"n\">mean</th>"
                    + "<th class=\"n\">most</th></tr></thead><tbody>\n");
            for (MonitorSummary.Line line : monitor.lines())
                html.append("<tr><td>")
                        .append(Html.escape(line.what()))
                        .append("</td><td class=\"n\">")
                        .append(line.readings())
                        .append("</td><td class=\"n\">")
                        .append(figure(line.least()))
                        .append("</td><td class=\"n\">")
                        .append(figure(line.mean()))
                        .append("</td><td class=\"n\">")
                        .append(figure(line.most()))
                        .append("</td></tr>\n");
            html.append("</tbody></table>\n");
        }
        html.append("<p class=\"note\">Response time: each transaction's 95th percentile (nearest rank) against its"
                + " class's target and threshold; the class row shows its worst transaction. HTTP error rates count"
                + " every sample (polls included); a sample without an HTTP status counts as a 5xx. Made by"
                + " <code>java -jar load/target/claims-load.jar report</code>.</p>\n</body></html>\n");
        return html.toString();
    }

    static String markdown(Run run, RunJudgement judgement, MonitorSummary monitor) {
        StringBuilder md = new StringBuilder(4096);
        md.append(String.format(
                Locale.ROOT,
                "Load run of %s: %.0f s, %,d samples%s%s. **%s**%n%n",
                UTC.format(Instant.ofEpochMilli(run.startMillis())),
                run.lengthSeconds(),
                run.samples(),
                run.threads() > 0 ? ", up to " + run.threads() + " JMeter threads" : "",
                judgement.peak() ? ", peak-load multipliers applied" : "",
                judgement.isMissed() ? "FAILED: a threshold of Table 1 was missed" : "PASSED: no threshold missed"));
        md.append("| metric | target | threshold | measured | verdict |\n| --- | --- | --- | --- | --- |\n");
        for (Table1Row row : judgement.rows())
            md.append(cells(
                    row.metric(),
                    row.target(),
                    row.threshold(),
                    row.measured(),
                    row.verdict() == Verdict.MISSED ? "**missed**" : row.verdict().text));
        md.append("\n| transaction | samples | failed % | p50 ms | p90 ms | p95 ms | p99 ms | max ms | p95 verdict |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (TransactionFigures t : judgement.transactions())
            md.append(cells(
                    t.label(),
                    String.format(Locale.ROOT, "%,d", t.count()),
                    String.format(Locale.ROOT, "%.2f", t.failurePercent()),
                    Integer.toString(t.p50Millis()),
                    Integer.toString(t.p90Millis()),
                    Integer.toString(t.p95Millis()),
                    Integer.toString(t.p99Millis()),
                    Integer.toString(t.maxMillis()),
                    transactionVerdict(t)));
        if (!monitor.lines().isEmpty()) {
            md.append("\n| during the run | least | mean | most |\n| --- | ---: | ---: | ---: |\n");
            for (MonitorSummary.Line line : monitor.lines())
                md.append(cells(line.what(), figure(line.least()), figure(line.mean()), figure(line.most())));
        }
        return md.toString();
    }

    private static String cells(String... cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells)
            row.append(' ').append(cell.replace("|", "\\|")).append(" |");
        return row.append('\n').toString();
    }

    private static String transactionVerdict(TransactionFigures t) {
        return t.transactionClass().isTimed() ? t.verdict().text : "errors only";
    }

    private static String cssClass(Verdict verdict) {
        return verdict.text.replace(' ', '-');
    }

    private static boolean isMonitored(String chartId) {
        return List.of("cpu", "memory", "gc", "connections", "queue").contains(chartId);
    }

    private static String figure(double value) {
        if (Double.isNaN(value)) return "–";
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }
}
