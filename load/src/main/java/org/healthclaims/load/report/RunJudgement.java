package org.healthclaims.load.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Table 1 applied to one run. Response time: each login, search and online transaction (sampler label) is judged on
 * its own 95th percentile, as the audit judged response time per transaction; the class's row takes its worst
 * transaction. HTTP errors: over every sample, polls and other labels included; a sample without any HTTP status
 * (refused, reset, timed out) counts as a 5xx: the client got no service. Transaction failures (success false, which
 * includes a GraphQL {@code errors} array) per class, {@code --peak} applying the peak-load multipliers. Deadlocks:
 * the growth of {@code pg_stat_database.deadlocks} over the monitor's samples.
 */
record RunJudgement(List<Table1Row> rows, List<TransactionFigures> transactions, boolean peak) {

    RunJudgement {
        rows = List.copyOf(rows);
        transactions = List.copyOf(transactions);
    }

    /** A threshold was missed: the command exits 1. */
    boolean isMissed() {
        for (Table1Row row : rows) if (row.verdict() == Verdict.MISSED) return true;
        return false;
    }

    static RunJudgement judge(JMeterResults results, @Nullable MonitorSamples monitor, boolean peak) {
        List<TransactionFigures> transactions = transactions(results);
        List<Table1Row> rows = new ArrayList<>();
        for (TransactionClass timed :
                new TransactionClass[] {TransactionClass.LOGIN, TransactionClass.SEARCH, TransactionClass.ONLINE})
            rows.add(responseTime(timed, transactions));

        long total = results.samples;
        long clientErrors = 0;
        long serverErrors = 0;
        for (int i = 0; i < results.samples; i++) {
            int code = results.responseCode[i];
            if (code >= 400 && code < 500) clientErrors++;
            else if (code >= 500 && code < 600) serverErrors++;
            else if (code == JMeterResults.NO_RESPONSE && !results.success[i]) serverErrors++;
        }
        rows.add(rate("HTTP 4xx (all samples)", Table1.HTTP_4XX, clientErrors, total));
        rows.add(rate("HTTP 5xx and no response (all samples)", Table1.HTTP_5XX, serverErrors, total));

        for (TransactionClass failing :
                new TransactionClass[] {TransactionClass.LOGIN, TransactionClass.SEARCH, TransactionClass.ONLINE}) {
            long count = 0;
            long failures = 0;
            for (TransactionFigures t : transactions) {
                if (t.transactionClass() != failing) continue;
                count += t.count();
                failures += t.failures();
            }
            String metric = (peak ? "peak-load failures, " : "transaction failures, ")
                    + failing.prefix
                    + (failing == TransactionClass.ONLINE ? " (search's figures: Table 1 names none)" : "");
            rows.add(rate(metric, Table1.failures(failing, peak), failures, count));
        }
        rows.add(deadlocks(monitor));
        return new RunJudgement(rows, transactions, peak);
    }

    private static Table1Row responseTime(TransactionClass timed, List<TransactionFigures> transactions) {
        Table1.Limit limit = Table1.responseTime(timed);
        Verdict verdict = Verdict.NOT_MEASURED;
        TransactionFigures worst = null;
        for (TransactionFigures t : transactions) {
            if (t.transactionClass() != timed) continue;
            verdict = verdict.worse(t.verdict());
            if (worst == null || t.p95Millis() > worst.p95Millis()) worst = t;
        }
        String measured =
                worst == null ? "no samples" : "p95 " + seconds(worst.p95Millis()) + " (worst: " + worst.label() + ")";
        return new Table1Row(
                timed.prefix + " response time (p95 per transaction)",
                seconds(limit.target()),
                seconds(limit.threshold()),
                measured,
                verdict);
    }

    private static Table1Row rate(String metric, Table1.Limit limit, long count, long total) {
        String measured = total == 0
                ? "no samples"
                : String.format(Locale.ROOT, "%.2f %% (%,d of %,d)", 100.0 * count / total, count, total);
        return new Table1Row(
                metric,
                "≤ " + percent(limit.target()),
                "≤ " + percent(limit.threshold()),
                measured,
                limit.judgeRate(count, total));
    }

    private static Table1Row deadlocks(@Nullable MonitorSamples monitor) {
        long delta = monitor == null ? -1 : monitor.deadlocksDuringRun();
        return new Table1Row(
                "database deadlocks (pg_stat_database, during the run)",
                "0",
                "0",
                delta < 0 ? "not measured (no monitor samples)" : Long.toString(delta),
                delta < 0 ? Verdict.NOT_MEASURED : new Table1.Limit(0, 0).judgeMillis(delta));
    }

    private static List<TransactionFigures> transactions(JMeterResults results) {
        int labels = results.labels.size();
        int[] from = new int[labels + 1];
        int[] failures = new int[labels];
        for (int i = 0; i < results.samples; i++) {
            from[results.label[i] + 1]++;
            if (!results.success[i]) failures[results.label[i]]++;
        }
        for (int l = 0; l < labels; l++) from[l + 1] += from[l];
        int[] next = Arrays.copyOf(from, labels);
        int[] sorted = new int[results.samples];
        for (int i = 0; i < results.samples; i++) sorted[next[results.label[i]]++] = results.elapsedMillis[i];
        double seconds = Math.max(1, results.lastMillis() - results.firstMillis()) / 1000.0;
        List<TransactionFigures> figures = new ArrayList<>(labels);
        for (int l = 0; l < labels; l++) {
            int start = from[l];
            int end = from[l + 1];
            Arrays.sort(sorted, start, end);
            TransactionClass transactionClass = results.classOfLabel[l];
            int p95 = percentile(sorted, start, end, 95);
            figures.add(new TransactionFigures(
                    results.labels.get(l),
                    transactionClass,
                    end - start,
                    failures[l],
                    percentile(sorted, start, end, 50),
                    percentile(sorted, start, end, 90),
                    p95,
                    percentile(sorted, start, end, 99),
                    sorted[end - 1],
                    (end - start) / seconds,
                    transactionClass.isTimed()
                            ? Table1.responseTime(transactionClass).judgeMillis(p95)
                            : Verdict.NOT_MEASURED));
        }
        figures.sort((a, b) -> a.transactionClass() != b.transactionClass()
                ? a.transactionClass().compareTo(b.transactionClass())
                : a.label().compareTo(b.label()));
        return figures;
    }

    /** Nearest rank over {@code sorted[from, to)}: the value at rank ⌈p·n/100⌉. */
    static int percentile(int[] sorted, int from, int to, int percent) {
        long n = (long) to - from;
        int rank = (int) Math.max(1, (percent * n + 99) / 100);
        return sorted[from + rank - 1];
    }

    static String seconds(long millis) {
        if (millis % 1000 == 0) return (millis / 1000) + " s";
        return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    /** A rate per 100,000 as a percentage without trailing zeros: 500 → "0.5 %", 1200 → "1.2 %". */
    static String percent(long per100k) {
        String digits = String.format(Locale.ROOT, "%.3f", per100k / 1000.0);
        digits = digits.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        return digits + " %";
    }
}
