package org.healthclaims.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running server over real HTTP, as a front-end does: POST /api/graphql with JSON, headers and cookies
 * as given. Documents are read from {@code src/test/resources/graphql-test/<name>.graphql}.
 */
public final class GraphQlClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public GraphQlClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A GraphQL answer with its HTTP status and headers. */
    public record Answer(int status, JsonNode body, Map<String, List<String>> headers) {

        public JsonNode data() {
            return body.path("data");
        }

        public JsonNode errors() {
            return body.path("errors");
        }

        public List<String> setCookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }
    }

    public static String document(String name) {
        try (InputStream in = GraphQlClient.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
            return new String(Objects.requireNonNull(in, "no document " + name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer post(String query, Map<String, Object> variables, Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return postRaw(JSON.writeValueAsString(body), headers);
    }

    public Answer post(String query, Map<String, Object> variables) {
        return post(query, variables, Map.of());
    }

    /** Sends a body as is, for tests of malformed requests. */
    public Answer postRaw(String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs in with tokenAuth and returns the token. */
    public String login(String username, String password) {
        Answer answer = post(
                "mutation($u: String!, $p: String!) { tokenAuth(username: $u, password: $p) { token } }",
                Map.of("u", username, "p", password));
        String token = answer.data().path("tokenAuth").path("token").asString(null);
        if (token == null) throw new IllegalStateException("login failed: " + answer.body());
        return token;
    }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
