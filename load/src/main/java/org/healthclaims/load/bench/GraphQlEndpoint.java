package org.healthclaims.load.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The server's {@code POST /api/graphql}, as a load client sees it: request bodies are built once as bytes, and an
 * answer is judged without parsing its JSON (status, a top-level {@code errors} key, the {@code X-Sql-Statements}
 * header that the server's request log sets).
 */
public final class GraphQlEndpoint {

    /** A request that takes longer counts as an error; it also bounds how long a run can overstay its time. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"\\\\]+)\"");
    private static final String LOGIN =
            "mutation($u: String!, $p: String!) { tokenAuth(username: $u, password: $p) { token } }";

    /**
     * One answer.
     *
     * @param sqlStatements the server's {@code X-Sql-Statements} header, -1 when it sent none
     */
    public record Answer(int status, byte[] body, long sqlStatements) {

        public boolean isError() {
            return status != 200 || hasTopLevelErrors(body);
        }
    }

    private final HttpClient http;
    private final URI uri;

    public GraphQlEndpoint(HttpClient http, URI uri) {
        this.http = http;
        this.uri = uri;
    }

    /** Logs in with tokenAuth and returns the JWT; fails with the server's answer (never the password). */
    public String login(String user, String password) throws IOException, InterruptedException {
        String variables = "{\"u\":" + jsonString(user) + ",\"p\":" + jsonString(password) + "}";
        Answer answer = post(requestBody(LOGIN, variables), null);
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        Matcher token = TOKEN.matcher(text);
        if (answer.status() != 200 || !token.find())
            throw new IllegalStateException(
                    "login as " + user + " failed: HTTP " + answer.status() + " " + excerpt(text));
        return token.group(1);
    }

    public Answer post(byte[] body, @Nullable String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        long sql = response.headers().firstValueAsLong("X-Sql-Statements").orElse(-1);
        return new Answer(response.statusCode(), response.body(), sql);
    }

    /**
     * The endpoint {@code url + path} ({@code url} alone when it already ends with the path), refused unless it is on
     * this machine (a loopback address): a load run sends as many requests as the server answers, which is only ever
     * meant for one's own server.
     */
    public static URI onThisMachine(String url, String path) {
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url is not a URL: " + url, e);
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()))
            throw new IllegalArgumentException("--url must start with http:// or https://, was " + url);
        String host = base.getHost();
        if (host == null) throw new IllegalArgumentException("--url names no host: " + url);
        if (!isLoopback(host))
            throw new IllegalArgumentException(
                    "--url must name this machine (127.0.0.1, localhost or [::1]): a load run loads the server as hard"
                            + " as it can, was " + url);
        String given = base.getPath() == null ? "" : base.getPath();
        return given.endsWith(path) ? base : URI.create(base + path);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public static byte[] requestBody(String query, String variablesJson) {
        return ("{\"query\":" + jsonString(query) + ",\"variables\":" + variablesJson + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String jsonString(String s) {
        StringBuilder json = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20)
                        json.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xf, 16));
                    else json.append(c);
                }
            }
        }
        return json.append('"').toString();
    }

    /**
     * Whether a GraphQL answer has an {@code errors} key in its top-level object, wherever the server put it: one pass
     * over the bytes that tracks nesting and skips strings, without building a tree (a 117 KB page would cost the load
     * generator more to parse than the server to send).
     */
    static boolean hasTopLevelErrors(byte[] json) {
        int depth = 0;
        for (int i = 0; i < json.length; i++) {
            switch (json[i]) {
                case '{', '[' -> depth++;
                case '}', ']' -> depth--;
                case '"' -> {
                    int start = i + 1;
                    i = closingQuote(json, start);
                    if (depth == 1 && isErrors(json, start, i) && nextIsColon(json, i + 1)) return true;
                }
                default -> {}
            }
        }
        return false;
    }

    private static int closingQuote(byte[] json, int from) {
        int i = from;
        while (i < json.length && json[i] != '"') i += json[i] == '\\' ? 2 : 1;
        return i;
    }

    private static boolean isErrors(byte[] json, int start, int end) {
        if (end - start != 6) return false;
        return json[start] == 'e'
                && json[start + 1] == 'r'
                && json[start + 2] == 'r'
                && json[start + 3] == 'o'
                && json[start + 4] == 'r'
                && json[start + 5] == 's';
    }

    private static boolean nextIsColon(byte[] json, int from) {
        for (int i = from; i < json.length; i++) {
            byte b = json[i];
            if (b == ':') return true;
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return false;
        }
        return false;
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
