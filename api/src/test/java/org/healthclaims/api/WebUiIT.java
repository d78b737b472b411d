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

    @Test
    void an_insuree_is_found_by_number_and_by_the_start_of_the_last_name() throws Exception {
        String prefix = sql().sql("""
                        select left(last_name, 3) from insuree where validity_to is null and length(last_name) >= 3
                         group by 1 order by count(*) desc, 1 limit 1""").query(String.class).single();
        int matching =
                sql().sql("""
                        select count(*) from insuree
                         where validity_to is null and lower(last_name) like lower(:prefix) || '%'""").param("prefix", prefix).query(Integer.class).single();
        String chfId = sql().sql("""
                        select chf_id from insuree where validity_to is null and chf_id is not null
                         order by id limit 1""").query(String.class).single();
        String lastName = sql().sql("select last_name from insuree where validity_to is null and chf_id = :chfId")
                .param("chfId", chfId)
                .query(String.class)
                .single();

        JsonNode byName = run("insurees.mjs", "Admin:admin123", prefix);
        JsonNode byNumber = run("insurees.mjs", "Admin:admin123", chfId);

        assertThat(byName.path("count").asString()).isEqualTo(matching + (matching == 1 ? " insuree" : " insurees"));
        assertThat(byNumber.path("count").asString()).isEqualTo("1 insuree");
        assertThat(byName.path("rows").size()).isEqualTo(Math.min(20, matching));
        for (JsonNode row : byName.path("rows"))
            assertThat(row.path(1).asString()).as("last name").startsWithIgnoringCase(prefix);
        assertThat(byNumber.path("rows").size()).isEqualTo(1);
        assertThat(byNumber.path("rows").path(0).path(0).asString()).isEqualTo(chfId);
        assertThat(byNumber.path("rows").path(0).path(1).asString()).isEqualTo(lastName);
    }

    private JsonNode browse(String... logins) throws IOException, InterruptedException {
        return run("menus.mjs", logins);
    }

    private JsonNode run(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("node", WEB.resolve("tests").resolve(script).toString(), "http://127.0.0.1:" + port));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("web-ui", ".log");
        Process node = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(120, TimeUnit.SECONDS)) node.destroyForcibly();
        assertThat(node.exitValue())
                .as("node " + script + ": " + out + Files.readString(log))
                .isZero();
        return JsonMapper.shared().readTree(out);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode node : array) values.add(node.asString());
        return values;
    }
}
