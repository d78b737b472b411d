package org.healthclaims.engine.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import jdk.incubator.vector.DoubleVector;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the kernel's JMH benchmarks ({@link ValuationBenchmark}, {@link CheckBenchmark}) and prints claim lines per
 * second per core (one benchmark thread, so one core), vector lanes vs scalar reference, with the machine. Arguments
 * are JMH's own ({@code -f 1 -wi 3 -i 5 -p claims=256}); see the profile bench-kernel in claims-engine/pom.xml.
 */
public final class KernelBench {

    private KernelBench() {}

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        CommandLineOptions given = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(given);
        if (given.getIncludes().isEmpty())
            options.include(ValuationBenchmark.class.getName()).include(CheckBenchmark.class.getName());
        options.threads(1);
        Collection<RunResult> results = new Runner(options.build()).run();

        List<String> report = new ArrayList<>();
        report.add("");
        report.add("kernel benchmark: one thread (lines/s per core), " + KernelSamples.LINES_PER_CLAIM
                + " lines per claim, seed 42");
        report.add("machine: " + machine());
        report.add(String.format(
                Locale.ROOT,
                "%-12s %-7s %-8s %7s %8s %14s %16s %10s",
                "kernel",
                "lanes",
                "rules",
                "claims",
                "lines",
                "batches/s",
                "M lines/s/core",
                "± (99.9%)"));
        for (RunResult result : results) {
            var params = result.getParams();
            int claims = Integer.parseInt(params.getParam("claims"));
            int lines = claims * KernelSamples.LINES_PER_CLAIM;
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            String lanes = params.getParam("lanes");
            report.add(String.format(
                    Locale.ROOT,
                    "%-12s %-7s %-8s %7d %8d %14.1f %16.2f %10.2f",
                    kernel(params.getBenchmark()),
                    lanes == null ? "-" : lanes,
                    params.getParam("rules"),
                    claims,
                    lines,
                    score,
                    score * lines / 1e6,
                    Double.isNaN(error) ? 0 : error * lines / 1e6));
        }
        report.add("aim (performance.md): at least 20 M claim lines/s per core");
        report.forEach(System.out::println);
        Path saved = Path.of("target", "bench-kernel.txt");
        Files.write(saved, report);
        System.out.println("(also in " + saved.toAbsolutePath() + ")");
    }

    private static String kernel(String benchmark) {
        if (benchmark.endsWith(".valuate")) return "valuation";
        if (benchmark.endsWith(".lineValues")) return "line values";
        return "check";
    }

    static String machine() {
        String cpu = "unknown cpu";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo")))
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
        } catch (IOException e) {
            cpu = "cpu not readable (" + e.getMessage() + ")";
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ", Java " + System.getProperty("java.vm.version") + ", "
                + DoubleVector.SPECIES_PREFERRED.vectorBitSize() + "-bit vectors";
    }
}
