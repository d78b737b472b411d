package org.healthclaims.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.healthclaims.load.monitor.MonitorCsv;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    static final long T0 = 1_795_680_000_000L;

    @TempDir
    Path dir;

    @Test
    void a_login_at_p95_4_9_s_meets_the_threshold_of_5_s_and_at_5_1_s_misses_it() throws IOException {
        RunJudgement at4900 = judge(loginRun(4_900), null, false);
        RunJudgement at5100 = judge(loginRun(5_100), null, false);
        RunJudgement at2000 = judge(loginRun(2_000), null, false);

        assertThat(row(at4900, "login response time").verdict()).isEqualTo(Verdict.MET_THRESHOLD);
        assertThat(row(at4900, "login response time").measured()).isEqualTo("p95 4.900 s (worst: login: tokenAuth)");
        assertThat(at4900.isMissed()).isFalse();
        assertThat(row(at5100, "login response time").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(at5100.isMissed()).isTrue();
        assertThat(row(at2000, "login response time").verdict()).isEqualTo(Verdict.MET_TARGET);
    }

    @Test
    void p95_is_the_nearest_rank_so_five_slow_samples_in_a_hundred_do_not_count() throws IOException {
        JMeterCsv csv = new JMeterCsv().samples(T0, 95, 1_000, "search: insurees by name");
        csv.samples(T0 + 20_000, 5, 60_000, "search: insurees by name");

        TransactionFigures search = judge(csv, null, false).transactions().getFirst();

        assertThat(search.count()).isEqualTo(100);
        assertThat(search.p50Millis()).isEqualTo(1_000);
        assertThat(search.p95Millis()).isEqualTo(1_000);
        assertThat(search.p99Millis()).isEqualTo(60_000);
        assertThat(search.maxMillis()).isEqualTo(60_000);
        assertThat(search.verdict()).isEqualTo(Verdict.MET_TARGET);
        assertThat(RunJudgement.percentile(
                        new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21},
                        0,
                        21,
                        95))
                .isEqualTo(20);
    }

    @Test
    void each_transaction_is_judged_on_its_own_p95_and_the_class_takes_the_worst() throws IOException {
        JMeterCsv csv = new JMeterCsv()
                .samples(T0, 50, 1_000, "online: create insuree")
                .samples(T0, 50, 3_500, "online: enter a claim")
                .samples(T0, 50, 100, "search: families");

        RunJudgement judgement = judge(csv, null, false);

        assertThat(judgement.transactions())
                .extracting(TransactionFigures::label, TransactionFigures::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("search: families", Verdict.MET_TARGET),
                        org.assertj.core.groups.Tuple.tuple("online: create insuree", Verdict.MET_TARGET),
                        org.assertj.core.groups.Tuple.tuple("online: enter a claim", Verdict.MET_THRESHOLD));
        assertThat(row(judgement, "online response time").verdict()).isEqualTo(Verdict.MET_THRESHOLD);
        assertThat(row(judgement, "online response time").measured()).contains("3.500 s", "online: enter a claim");
        assertThat(row(judgement, "login response time").verdict()).isEqualTo(Verdict.NOT_MEASURED);
    }

    @Test
    void four_xx_at_0_6_percent_meets_the_threshold_but_not_the_target() throws IOException {
        JMeterCsv csv = new JMeterCsv().samples(T0, 994, 100, "search: families");
        for (int i = 0; i < 6; i++) csv.sample(T0 + i, 20, "search: families", "404", false);

        RunJudgement judgement = judge(csv, null, false);

        Table1Row clientErrors = row(judgement, "HTTP 4xx");
        assertThat(clientErrors.measured()).isEqualTo("0.60 % (6 of 1,000)");
        assertThat(clientErrors.target()).isEqualTo("≤ 0.5 %");
        assertThat(clientErrors.threshold()).isEqualTo("≤ 1 %");
        assertThat(clientErrors.verdict()).isEqualTo(Verdict.MET_THRESHOLD);
        // the same six are search failures: 0.6 % is over search's target 0.5 %, within its threshold 0.7 %
        assertThat(row(judgement, "transaction failures, search").verdict()).isEqualTo(Verdict.MET_THRESHOLD);
    }

    @Test
    void a_rate_exactly_on_a_limit_meets_it() {
        assertThat(Table1.HTTP_4XX.judgeRate(5, 1_000)).isEqualTo(Verdict.MET_TARGET);
        assertThat(Table1.HTTP_4XX.judgeRate(10, 1_000)).isEqualTo(Verdict.MET_THRESHOLD);
        assertThat(Table1.HTTP_4XX.judgeRate(11, 1_000)).isEqualTo(Verdict.MISSED);
        assertThat(Table1.HTTP_5XX.judgeRate(2, 1_000)).isEqualTo(Verdict.MET_THRESHOLD);
        assertThat(Table1.HTTP_5XX.judgeRate(3, 1_000)).isEqualTo(Verdict.MISSED);
    }

    @Test
    void peak_doubles_the_failure_targets_and_quadruples_the_thresholds() throws IOException {
        // search: 9 failures in 1,000 = 0.9 %: over the threshold 0.7 % normally; under the peak target 1.0 %
        JMeterCsv csv = new JMeterCsv().samples(T0, 991, 100, "search: families");
        for (int i = 0; i < 9; i++) csv.sample(T0 + i, 20, "search: families", "200", false, "GraphQL errors", 1);
        // login: 10 failures in 1,000 = 1.0 %: peak target 0.4 %, peak threshold 1.2 %
        csv.samples(T0, 990, 100, "login: tokenAuth");
        for (int i = 0; i < 10; i++) csv.sample(T0 + i, 20, "login: tokenAuth", "200", false, "GraphQL errors", 1);

        RunJudgement normal = judge(csv, null, false);
        RunJudgement peak = judge(csv, null, true);

        assertThat(row(normal, "transaction failures, search").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(row(normal, "transaction failures, login").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(normal.isMissed()).isTrue();
        Table1Row search = row(peak, "peak-load failures, search");
        assertThat(search.target()).isEqualTo("≤ 1 %");
        assertThat(search.threshold()).isEqualTo("≤ 2.8 %");
        assertThat(search.verdict()).isEqualTo(Verdict.MET_TARGET);
        Table1Row login = row(peak, "peak-load failures, login");
        assertThat(login.target()).isEqualTo("≤ 0.4 %");
        assertThat(login.threshold()).isEqualTo("≤ 1.2 %");
        assertThat(login.verdict()).isEqualTo(Verdict.MET_THRESHOLD);
        assertThat(peak.isMissed()).isFalse();
        // HTTP error rates are not failure rates: --peak leaves them alone
        assertThat(row(peak, "HTTP 5xx").threshold()).isEqualTo("≤ 0.2 %");
    }

    @Test
    void a_deadlock_during_the_run_misses_the_threshold_and_without_a_monitor_it_is_not_measured() throws IOException {
        JMeterCsv csv = new JMeterCsv().samples(T0, 100, 100, "search: families");
        Path none = monitor("3", "3", "4");
        Path steady = monitor("7", "", "7");

        RunJudgement withDeadlock = judge(csv, MonitorSamples.read(none), false);
        RunJudgement withoutDeadlock = judge(csv, MonitorSamples.read(steady), false);
        RunJudgement unmonitored = judge(csv, null, false);

        assertThat(row(withDeadlock, "database deadlocks").measured()).isEqualTo("1");
        assertThat(row(withDeadlock, "database deadlocks").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(withDeadlock.isMissed()).isTrue();
        assertThat(row(withoutDeadlock, "database deadlocks").verdict()).isEqualTo(Verdict.MET_TARGET);
        assertThat(row(unmonitored, "database deadlocks").verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(row(unmonitored, "database deadlocks").measured()).startsWith("not measured");
        assertThat(unmonitored.isMissed()).isFalse();
    }

    @Test
    void polls_and_other_labels_count_in_the_http_errors_only_and_no_response_counts_as_5xx() throws IOException {
        JMeterCsv csv = new JMeterCsv().samples(T0, 997, 9_000, "poll: adjudication result");
        csv.sample(T0, 20, "poll: adjudication result", "500", false);
        csv.sample(T0, 20, "GraphiQL page", "Non HTTP response code: java.net.ConnectException", false);
        csv.sample(T0, 20, "GraphiQL page", "200", true);

        RunJudgement judgement = judge(csv, null, false);

        assertThat(row(judgement, "HTTP 5xx").measured()).isEqualTo("0.20 % (2 of 1,000)");
        assertThat(row(judgement, "HTTP 5xx").verdict()).isEqualTo(Verdict.MET_THRESHOLD);
        assertThat(row(judgement, "search response time").verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(judgement.transactions())
                .allSatisfy(t -> assertThat(t.verdict()).isEqualTo(Verdict.NOT_MEASURED));
        assertThat(judgement.isMissed()).isFalse();
    }

    @Test
    void the_csv_reader_takes_columns_by_name_and_quoted_commas_quotes_and_line_breaks() throws IOException {
        String text = "success,label,elapsed,timeStamp,responseCode,failureMessage\r\n"
                + "true,\"search: insurees, by name\",250,1795680000000,200,\r\n"
                + "false,online: enter a claim,900,1795680000100,200,\"GraphQL errors: [{\"\"message\"\": \"\"a,\nb\"\"}]\"\n";
        CsvRecords records = new CsvRecords(new StringReader(text));
        List<String> fields = new ArrayList<>();

        while (records.next()) fields.add(records.get(1) + "|" + records.get(5));
        Path file = dir.resolve("quoted.csv");
        Files.writeString(file, text);
        JMeterResults results = JMeterResults.read(file);

        assertThat(fields)
                .containsExactly(
                        "label|failureMessage",
                        "search: insurees, by name|",
                        "online: enter a claim|GraphQL errors: [{\"message\": \"a,\nb\"}]");
        assertThat(results.samples).isEqualTo(2);
        assertThat(results.labels).containsExactly("search: insurees, by name", "online: enter a claim");
        assertThat(results.classOf(0)).isEqualTo(TransactionClass.SEARCH);
        assertThat(results.elapsedMillis).startsWith(250, 900);
        assertThat(results.success).startsWith(true, false);
    }

    @Test
    void a_label_s_class_is_its_prefix_before_colon_space() {
        assertThat(TransactionClass.of("login: tokenAuth")).isEqualTo(TransactionClass.LOGIN);
        assertThat(TransactionClass.of("search: claims browse")).isEqualTo(TransactionClass.SEARCH);
        assertThat(TransactionClass.of("online: submit")).isEqualTo(TransactionClass.ONLINE);
        assertThat(TransactionClass.of("poll: result")).isEqualTo(TransactionClass.POLL);
        assertThat(TransactionClass.of("searching: x")).isEqualTo(TransactionClass.OTHER);
        assertThat(TransactionClass.of("login:tokenAuth")).isEqualTo(TransactionClass.OTHER);
        assertThat(TransactionClass.of("GraphiQL page")).isEqualTo(TransactionClass.OTHER);
    }

    @Test
    void the_command_exits_0_when_no_threshold_is_missed_1_when_one_is_2_on_bad_usage() throws IOException {
        Path good = dir.resolve("good.csv");
        Files.writeString(good, loginRun(1_000).toString());
        Path slow = dir.resolve("slow.csv");
        Files.writeString(slow, loginRun(6_000).toString());
        Path html = dir.resolve("out.html");
        Path markdown = dir.resolve("out.md");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        int passed = ReportCommand.run(
                List.of("--results", good.toString(), "--html", html.toString(), "--markdown", markdown.toString()),
                out,
                err);
        int missed = ReportCommand.run(List.of("--results", slow.toString()), out, err);
        int absent =
                ReportCommand.run(List.of("--results", dir.resolve("absent.csv").toString()), out, err);

        assertThat(passed).isZero();
        assertThat(missed).isOne();
        assertThat(absent).isEqualTo(2);
        assertThat(Files.readString(markdown))
                .contains("**PASSED: no threshold missed**")
                .contains(
                        "| login response time (p95 per transaction) | 2 s | 5 s | p95 1 s (worst: login: tokenAuth) |"
                                + " met target |")
                .contains("| database deadlocks (pg_stat_database, during the run) | 0 | 0 | not measured");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("| login response time", "**missed**");
        assertThat(Files.readString(html))
                .contains("<svg class=\"chart\" data-chart=\"latency\"", "data-chart=\"throughput\"")
                .contains("data-missing-chart=\"cpu\"")
                .doesNotContain("http://", "https://");
    }

    @Test
    void the_monitor_s_columns_become_charts_and_an_unread_source_leaves_its_chart_out() throws IOException {
        JMeterCsv csv = new JMeterCsv().samples(T0, 600, 100, "search: families");
        Path monitor = monitor("0", "0", "0");

        List<Chart> charts = new RunCharts(JMeterResults.read(write(csv)), MonitorSamples.read(monitor)).charts();

        assertThat(charts)
                .filteredOn(Chart::hasData)
                .extracting(Chart::id)
                .containsExactly("latency", "throughput", "errors", "threads", "cpu", "memory", "connections");
        assertThat(charts.stream()
                        .filter(c -> c.id().equals("cpu"))
                        .findFirst()
                        .orElseThrow()
                        .series())
                .extracting(Chart.Series::name)
                .containsExactly("machine");
    }

    private Path monitor(String... deadlocks) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", MonitorCsv.HEADER)).append('\n');
        for (int i = 0; i < deadlocks.length; i++) {
            // time, machine cpu, machine memory, then the server's columns empty (not reachable), then PostgreSQL
            text.append(T0 + 1_000L * i)
                    .append(",50,1000,,,,,,,,12,0,")
                    .append(deadlocks[i])
                    .append(",\n");
        }
        Path file = dir.resolve("monitor-" + System.nanoTime() + ".csv");
        Files.writeString(file, text);
        return file;
    }

    private Path write(JMeterCsv csv) throws IOException {
        Path file = dir.resolve("results-" + System.nanoTime() + ".csv");
        Files.writeString(file, csv.toString());
        return file;
    }

    private RunJudgement judge(JMeterCsv csv, @Nullable MonitorSamples monitor, boolean peak) throws IOException {
        return RunJudgement.judge(JMeterResults.read(write(csv)), monitor, peak);
    }

    /** 100 logins: 95 at {@code p95} ms, 5 far slower (which p95 leaves out). */
    private static JMeterCsv loginRun(int p95) {
        JMeterCsv csv = new JMeterCsv().samples(T0, 95, p95, "login: tokenAuth");
        return csv.samples(T0 + 10_000, 5, 20_000, "login: tokenAuth");
    }

    private static Table1Row row(RunJudgement judgement, String metricStart) {
        return judgement.rows().stream()
                .filter(r -> r.metric().startsWith(metricStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + metricStart + " in " + judgement.rows()));
    }
}
