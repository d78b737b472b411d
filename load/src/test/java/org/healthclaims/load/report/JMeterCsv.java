package org.healthclaims.load.report;

import java.util.SplittableRandom;

/**
 * JMeter results as jmeter-maven-plugin writes them (its default CSV columns, in its order), built sample by sample for
 * a test; and a whole synthetic run shaped like the audit's: thread groups stepping up, logins, searches, claim entry,
 * polls, a few errors.
 */
final class JMeterCsv {

    static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";

    private final StringBuilder csv = new StringBuilder(HEADER).append('\n');
    private int rows;

    JMeterCsv sample(long timeStamp, int elapsed, String label, String code, boolean success) {
        return sample(timeStamp, elapsed, label, code, success, "", 1);
    }

    JMeterCsv sample(
            long timeStamp, int elapsed, String label, String code, boolean success, String failure, int threads) {
        csv.append(timeStamp)
                .append(',')
                .append(elapsed)
                .append(',')
                .append(quoted(label))
                .append(',')
                .append(code)
                .append(',')
                .append(code.equals("200") ? "OK" : quoted("status " + code))
                .append(",Thread Group 1-1,text,")
                .append(success)
                .append(',')
                .append(quoted(failure))
                .append(",1234,456,")
                .append(threads)
                .append(',')
                .append(threads)
                .append(",http://127.0.0.1:8080/api/graphql,")
                .append(Math.max(0, elapsed - 1))
                .append(",0,1\n");
        rows++;
        return this;
    }

    /** {@code count} samples of one label, {@code elapsed} each, one per 100 ms from {@code from}. */
    JMeterCsv samples(long from, int count, int elapsed, String label) {
        for (int i = 0; i < count; i++) sample(from + 100L * i, elapsed, label, "200", true);
        return this;
    }

    int rows() {
        return rows;
    }

    @Override
    public String toString() {
        return csv.toString();
    }

    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) return text;
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * A run from {@code from} to {@code to} (epoch ms): thread groups of 1, 5, 10 and 30 threads in turn, each
     * thread looping login once then searches, claim entry and polls; latencies grow with the threads; 0.2 % 404s,
     * one 503 and a few GraphQL errors. Deterministic for a seed.
     */
    static JMeterCsv syntheticRun(long from, long to, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        JMeterCsv csv = new JMeterCsv();
        int[] groups = {1, 5, 10, 30};
        long step = (to - from) / groups.length;
        String[] searches = {"search: insurees by name", "search: families", "search: claims browse", "search: products"
        };
        String[] online = {"online: create insuree", "online: enter a claim", "online: submit claims", "online: review"
        };
        for (int g = 0; g < groups.length; g++) {
            int threads = groups[g];
            long groupStart = from + g * step;
            long groupEnd = groupStart + step;
            double load = threads / 10.0;
            for (int t = 0; t < threads; t++) {
                long clock = groupStart + random.nextLong(200);
                boolean loggedIn = false;
                while (clock < groupEnd) {
                    String label;
                    double median;
                    if (!loggedIn) {
                        label = "login: tokenAuth";
                        median = 180;
                        loggedIn = true;
                    } else {
                        double draw = random.nextDouble();
                        if (draw < 0.55) {
                            label = searches[random.nextInt(searches.length)];
                            median = label.contains("claims") ? 420 : 120;
                        } else if (draw < 0.85) {
                            label = online[random.nextInt(online.length)];
                            median = label.contains("claim") ? 650 : 300;
                        } else if (draw < 0.97) {
                            label = "poll: adjudication result";
                            median = 40;
                        } else {
                            label = "GraphiQL page";
                            median = 15;
                        }
                    }
                    // a long right tail, as response times have: log-normal around the median, slower under load
                    int elapsed = (int) Math.max(2, median * (1 + load / 2) * Math.exp(0.5 * gaussian(random)));
                    String code = "200";
                    boolean success = true;
                    String failure = "";
                    double fault = random.nextDouble();
                    if (fault < 0.002) {
                        code = "404";
                        success = false;
                        failure = "Test failed: code expected to be 200";
                    } else if (fault < 0.003 && label.startsWith("online")) {
                        success = false;
                        failure = "GraphQL errors: [{\"message\": \"claim, item: price missing\"}]";
                    }
                    csv.sample(clock, elapsed, label, code, success, failure, threads);
                    clock += elapsed + 20 + random.nextLong(100);
                }
            }
        }
        // load shedding at the top step: a quick 503 with Retry-After, not a hung request
        csv.sample(from + 7 * (to - from) / 8, 800, "search: claims browse", "503", false, "Service Unavailable", 30);
        return csv;
    }

    private static double gaussian(SplittableRandom random) {
        double u = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
