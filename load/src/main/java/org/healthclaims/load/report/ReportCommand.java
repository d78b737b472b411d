package org.healthclaims.load.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code report --results results.csv [--monitor monitor.csv] [--peak] [--html out.html] [--markdown out.md]}: judges
 * a JMeter run against the audit's Table 1 ({@link RunJudgement}), prints the Markdown summary and writes the
 * requested files. Exit code 0 when no threshold is missed, 1 when one is, 2 for a usage or input error.
 */
public final class ReportCommand {

    private ReportCommand() {}

    record Options(
            Path results,
            @Nullable Path monitor,
            boolean peak,
            @Nullable Path html,
            @Nullable Path markdown) {

        static Options parse(List<String> args) {
            Path results = null;
            Path monitor = null;
            Path html = null;
            Path markdown = null;
            boolean peak = false;
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                if (name.equals("--peak")) {
                    peak = true;
                    continue;
                }
                if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value");
                Path value = Path.of(args.get(++i));
                switch (name) {
                    case "--results" -> results = value;
                    case "--monitor" -> monitor = value;
                    case "--html" -> html = value;
                    case "--markdown" -> markdown = value;
                    default -> throw new IllegalArgumentException("unknown option for report: " + name);
                }
            }
            if (results == null)
                throw new IllegalArgumentException("--results is required: the CSV results file of a JMeter run");
            return new Options(results, monitor, peak, html, markdown);
        }
    }

    /** Runs the command; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options = Options.parse(args);
        JMeterResults results;
        MonitorSamples monitor;
        try {
            results = JMeterResults.read(options.results());
            monitor = options.monitor() == null ? null : MonitorSamples.read(options.monitor());
        } catch (IOException e) {
            err.println("report: cannot read " + e.getMessage());
            return 2;
        }
        if (results.samples == 0) {
            err.println("report: " + options.results() + " holds no samples");
            return 2;
        }
        RunJudgement judgement = RunJudgement.judge(results, monitor, options.peak());
        RunCharts charts = new RunCharts(results, monitor);
        int threads = 0;
        for (int i = 0; i < results.samples; i++) threads = Math.max(threads, results.allThreads[i]);
        ReportDocuments.Run run = new ReportDocuments.Run(
                options.results().getFileName().toString(),
                options.monitor() == null ? "" : options.monitor().getFileName().toString(),
                charts.originMillis,
                charts.lengthSeconds,
                results.samples,
                threads);
        MonitorSummary summary = MonitorSummary.of(monitor);
        String markdown = ReportDocuments.markdown(run, judgement, summary);
        try {
            if (options.html() != null)
                Files.writeString(
                        options.html(), ReportDocuments.html(run, judgement, charts, summary), StandardCharsets.UTF_8);
            if (options.markdown() != null) Files.writeString(options.markdown(), markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("report: cannot write " + e.getMessage());
            return 2;
        }
        out.print(markdown);
        if (options.html() != null) err.println("report: " + options.html());
        return judgement.isMissed() ? 1 : 0;
    }
}
