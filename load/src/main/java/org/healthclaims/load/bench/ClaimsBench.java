package org.healthclaims.load.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code bench-claims}: logs in, then for each page size drives the claims page (the document of the api's
 * ClaimsConnectionIT: orderBy -dateClaimed, totalCount, lines, insuree, family head, facility, ICD) with N clients on
 * virtual threads, each sending its next request as soon as the last is answered (a closed loop: latency is what a
 * client waited, throughput what the server kept up with). A warm-up run per size comes first and is not counted.
 * Prints one table row per size, with the machine and the command, ready for load/README.md.
 */
public final class ClaimsBench {

    private static final String DOCUMENT = resource("/bench/claimsPage.graphql");

    private ClaimsBench() {}

    /** Runs the command; returns the process exit code (0, or 1 when the server could not be used). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        BenchOptions options = BenchOptions.parse(args);
        out.println("bench-claims against " + options.endpoint());
        out.println("machine: " + machine() + "; load generator on the same machine");
        out.printf(
                Locale.ROOT,
                "run: %d clients, closed loop, %d s warm-up then %d s per page size%n",
                options.clients(),
                options.warmup().toSeconds(),
                options.duration().toSeconds());
        out.println("command: java -jar load/target/claims-load.jar bench-claims " + withoutPassword(args));
        out.println();
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(GraphQlEndpoint.REQUEST_TIMEOUT)
                .build()) {
            GraphQlEndpoint endpoint = new GraphQlEndpoint(http, options.endpoint());
            String token = endpoint.login(options.user(), options.password());
            out.println(SizeResult.HEADER);
            for (int size : options.sizes()) {
                byte[] body = GraphQlEndpoint.requestBody(DOCUMENT, "{\"first\":" + size + "}");
                check(endpoint, body, token, size);
                err.printf(
                        "first: %d, warming up for %d s%n",
                        size, options.warmup().toSeconds());
                drive(endpoint, body, token, size, options.clients(), options.warmup());
                err.printf(
                        "first: %d, measuring for %d s%n",
                        size, options.duration().toSeconds());
                out.println(drive(endpoint, body, token, size, options.clients(), options.duration())
                        .row());
            }
            return 0;
        } catch (IOException e) {
            err.println("cannot use " + options.endpoint() + ": " + e);
            return 1;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return 1;
        }
    }

    /** One request first, so that a wrong document or a refused token stops the run instead of filling it with errors. */
    private static void check(GraphQlEndpoint endpoint, byte[] body, String token, int size)
            throws IOException, InterruptedException {
        GraphQlEndpoint.Answer answer = endpoint.post(body, token);
        if (answer.isError()) {
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            throw new IllegalStateException("the claims page of " + size + " failed: HTTP " + answer.status() + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
        }
    }

    private static SizeResult drive(
            GraphQlEndpoint endpoint, byte[] body, String token, int size, int clients, Duration duration)
            throws InterruptedException {
        ClosedLoop.Run run = ClosedLoop.drive(endpoint, body, token, clients, duration);
        return new SizeResult(size, run.tally(), run.elapsed());
    }

    /** The machine a run ran on, for the lines printed above its figures. */
    public static String machine() {
        return String.format(
                Locale.ROOT,
                "%d cores (nproc)%s, %s %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                Runtime.version(),
                System.getProperty("java.vm.vendor"));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo")))
                if (line.startsWith("model name"))
                    return ", " + line.substring(line.indexOf(':') + 1).trim();
        } catch (IOException e) {
            // not Linux: the machine line goes without the CPU model
        }
        return "";
    }

    /** A command's arguments as printed above its figures, the password hidden. */
    public static String withoutPassword(List<String> args) {
        List<String> shown = new ArrayList<>(args);
        for (int i = 0; i + 1 < shown.size(); i++) if (shown.get(i).equals("--password")) shown.set(i + 1, "***");
        return String.join(" ", shown);
    }

    private static String resource(String name) {
        try (InputStream in = ClaimsBench.class.getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
