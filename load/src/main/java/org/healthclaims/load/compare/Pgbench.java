package org.healthclaims.load.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthclaims.load.bench.Latencies;

/**
 * PostgreSQL alone: pgbench sending a query's hand-written statement with the extended protocol and prepared
 * statements ({@code -M prepared}, as both servers' drivers do), its inputs bound as parameters ({@code -D}). Each
 * transaction's latency comes from pgbench's per-transaction log ({@code -l}), so p50 and p95 are exact, not derived
 * from an average.
 */
final class Pgbench {

    /** One run: pgbench's own tps (without connection time), its counts and every transaction's latency. */
    record Run(double tps, long transactions, long failed, Latencies latencies) {}

    private static final Pattern TPS = Pattern.compile("(?m)^tps = ([\\d.]+)");
    private static final Pattern PROCESSED = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("(?m)^number of failed transactions: (\\d+)");
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-z_]+)");

    private final String executable;
    private final DatabaseLocation database;
    private final Path work;

    Pgbench(String executable, DatabaseLocation database, Path work) {
        this.executable = executable;
        this.database = database;
        this.work = work;
    }

    /** pgbench's version line, e.g. "pgbench (PostgreSQL) 15.18"; fails when pgbench cannot be run. */
    String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(executable, "--version")
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) throw new IllegalStateException(executable + " --version failed: " + text);
        return text;
    }

    /** Runs {@code query} with {@code clients} connections for {@code duration} (whole seconds). */
    Run run(Query query, QueryInputs inputs, int clients, Duration duration) throws IOException, InterruptedException {
        Path script = work.resolve(query.name().toLowerCase(java.util.Locale.ROOT) + ".sql");
        Files.writeString(script, script(query.sql));
        Path logs = Files.createTempDirectory(work, "log-");
        List<String> command = new ArrayList<>(List.of(
                executable,
                "--no-vacuum",
                "--protocol=prepared",
                "--file=" + script,
                "--client=" + clients,
                "--jobs=" + Math.min(clients, Runtime.getRuntime().availableProcessors()),
                "--time=" + Math.max(1, duration.toSeconds()),
                "--log",
                "--log-prefix=" + logs.resolve("tx")));
        for (Map.Entry<String, String> p : new TreeMap<>(query.sqlParameters(inputs)).entrySet())
            command.add("--define=" + p.getKey() + "=" + p.getValue());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(database.libpqEnvironment());
        Process pgbench = builder.start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!pgbench.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) pgbench.destroyForcibly();
        if (pgbench.exitValue() != 0)
            throw new IllegalStateException(
                    "pgbench failed (" + pgbench.exitValue() + ") for " + query.letter + ":\n" + output);
        Latencies latencies = new Latencies();
        long failedInLog = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logs)) {
            for (Path file : files) {
                for (String line : Files.readAllLines(file)) if (!record(line, latencies)) failedInLog++;
                Files.delete(file);
            }
        }
        Files.delete(logs);
        return summary(output, latencies, failedInLog);
    }

    /**
     * The script pgbench runs: the statement without its comment lines. pgbench ends an SQL command at its semicolon,
     * so the statement may span lines.
     */
    static String script(String sql) {
        StringBuilder script = new StringBuilder();
        for (String line : sql.split("\n", -1))
            if (!line.stripLeading().startsWith("--")) script.append(line).append('\n');
        return script.toString().strip() + "\n";
    }

    /** The statement for JDBC: the script with each {@code :name} as a {@code ?}, and the names in order. */
    static Map.Entry<String, List<String>> jdbcStatement(String sql) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(script(sql).strip());
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        String statement = jdbc.toString();
        return Map.entry(statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement, names);
    }

    /** Reads pgbench's summary; {@code failedInLog} counts log lines without a latency (failed or skipped). */
    static Run summary(String output, Latencies latencies, long failedInLog) {
        Matcher tps = TPS.matcher(output);
        Matcher processed = PROCESSED.matcher(output);
        if (!tps.find() || !processed.find()) throw new IllegalStateException("pgbench printed no tps:\n" + output);
        Matcher failed = FAILED.matcher(output);
        long failures = failed.find() ? Long.parseLong(failed.group(1)) : 0;
        return new Run(
                Double.parseDouble(tps.group(1)),
                Long.parseLong(processed.group(1)),
                Math.max(failures, failedInLog),
                latencies);
    }

    /**
     * Records one line of pgbench's per-transaction log ({@code client_id transaction_no time script_no time_epoch
     * time_us ...}, time in microseconds); returns false when the transaction has no latency (failed, skipped).
     */
    static boolean record(String line, Latencies latencies) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 3) return true; // not a transaction line
        try {
            latencies.record(Long.parseLong(fields[2]) * 1_000);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
