package org.healthclaims.load.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code flamegraph --url URL [--seconds 30] [--event cpu] [--out flamegraph.html]}: logs in as an IMIS administrator
 * and records the server's flame graph ({@code /api/admin/flamegraph}) for the given seconds while whatever load is
 * running goes on, then writes the HTML. Run it beside a JMeter run or a bench to see where the server's time goes.
 */
public final class FlameGraphCapture {

    private FlameGraphCapture() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String url = null;
        String user = "Admin";
        String password = "admin123";
        int seconds = 30;
        String event = "cpu";
        Path file = Path.of("flamegraph.html");
        for (Map.Entry<String, String> option : OptionPairs.of(args).entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--event" -> event = value;
                case "--out" -> file = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option for flamegraph: " + name);
            }
        }
        if (url == null) throw new IllegalArgumentException("--url is required, e.g. --url http://127.0.0.1:8080");
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        HttpClient http = HttpClient.newHttpClient();
        try {
            String token = new GraphQlEndpoint(http, URI.create(base + "/api/graphql")).login(user, password);
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(base + "/api/admin/flamegraph?seconds=" + seconds + "&event=" + event))
                    .timeout(Duration.ofSeconds(seconds + 60L))
                    .header("Authorization", "JWT " + token)
                    .build();
            out.printf("recording a %s flame graph of %s for %d s …%n", event, base, seconds);
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                err.println("flamegraph: HTTP " + answer.statusCode() + " " + answer.body());
                return 1;
            }
            Files.writeString(file, answer.body());
            out.printf(
                    "wrote %s (%,d bytes)%n",
                    file.toAbsolutePath(), answer.body().length());
            return 0;
        } catch (IOException | IllegalStateException e) {
            err.println("flamegraph: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
