package org.healthclaims.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.healthclaims.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web UI as the server serves it, in Debian's headless chromium (web/tests/menus.mjs, playwright-core): each demo
 * user logs in and sees the menu their rights allow and their name; a wrong password is refused in the server's
 * words. The server serves the built UI at / (web/build.sh, run by the build; .ci/setup-browser installs chromium).
 */
class WebUiIT extends ApiTest {

    static final Path WEB = Path.of("..", "web");

    @Test
    void the_server_serves_the_ui_and_each_role_sees_only_its_menu() throws Exception {
        HttpResponse<String> index = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode())
                .as("the UI at / (built by web/build.sh: is Node installed?)")
                .isEqualTo(200);
        assertThat(index.body()).contains("<div id=\"root\"></div>");
        assertThat(Path.of("/usr/bin/chromium"))
                .as("Debian's chromium: .ci/setup-browser installs it")
                .exists();

        JsonNode seen = browse("claimadmin:claimadmin123", "medofficer:medofficer123", "Admin:wrong");

        JsonNode claimAdmin = seen.path("claimadmin:claimadmin123");
        assertThat(strings(claimAdmin.path("menu"))).containsExactly("Insurees", "Claims", "Enter a claim");
        assertThat(claimAdmin.path("who").asString()).contains("Claim Administrator");
        assertThat(claimAdmin.path("heading").asString()).isEqualTo("Insurees");
        JsonNode medOfficer = seen.path("medofficer:medofficer123");
        assertThat(strings(medOfficer.path("menu"))).containsExactly("Claims", "Review claims", "Process claims");
        assertThat(medOfficer.path("who").asString()).contains("Medical Officer");
        JsonNode wrong = seen.path("Admin:wrong");
        assertThat(strings(wrong.path("menu"))).isEmpty();
        assertThat(wrong.path("alert").asString()).isEqualTo("Please enter valid credentials");
    }

    private JsonNode browse(String... logins) throws IOException, InterruptedException {
        Path script = WEB.resolve("tests/menus.mjs");
        List<String> command = new ArrayList<>(List.of("node", script.toString(), "http://127.0.0.1:" + port));
        command.addAll(List.of(logins));
        Path log = Files.createTempFile("web-ui", ".log");
        Process node = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(120, TimeUnit.SECONDS)) node.destroyForcibly();
        assertThat(node.exitValue())
                .as("node menus.mjs: " + out + Files.readString(log))
                .isZero();
        return JsonMapper.shared().readTree(out);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode node : array) values.add(node.asString());
        return values;
    }
}
