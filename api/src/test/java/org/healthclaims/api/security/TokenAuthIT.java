package org.healthclaims.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class TokenAuthIT extends ApiTest {

    static final String LOGIN = """
            mutation authenticate($username: String!, $password: String!) {
              tokenAuth(username: $username, password: $password) { token refreshToken payload refreshExpiresIn }
            }""";
    static final String CLAIMS = "{ claims(first: 1) { edges { node { code } } } }";

    @Test
    void token_auth_as_admin_returns_a_token_and_sets_the_jwt_cookie() {
        Answer answer = client().post(LOGIN, Map.of("username", "Admin", "password", "admin123"));

        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        String token = answer.data().path("tokenAuth").path("token").asString();
        assertThat(token.split("\\.")).hasSize(3);
        assertThat(answer.data()
                        .path("tokenAuth")
                        .path("payload")
                        .path("username")
                        .asString())
                .isEqualTo("Admin");
        assertThat(answer.data().path("tokenAuth").path("refreshExpiresIn").asLong())
                .isGreaterThan(System.currentTimeMillis() / 1000);
        assertThat(answer.setCookies())
                .anySatisfy(c -> assertThat(c)
                        .startsWith("JWT=" + token + ";")
                        .contains("HttpOnly", "Path=/", "SameSite=Lax")
                        .doesNotContain("Domain"));
        assertThat(answer.setCookies()).anySatisfy(c -> assertThat(c).startsWith("JWT-refresh-token="));
    }

    @Test
    void the_cookie_alone_authenticates() {
        Answer login = client().post(LOGIN, Map.of("username", "Admin", "password", "admin123"));
        String cookie = login.setCookies().stream()
                .filter(c -> c.startsWith("JWT="))
                .findFirst()
                .orElseThrow()
                .split(";")[0];

        Answer answer = client().post(CLAIMS, Map.of(), Map.of("Cookie", cookie));

        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        assertThat(answer.data().path("claims").path("edges").size()).isEqualTo(1);
    }

    @Test
    void bearer_and_jwt_prefixes_authenticate_and_a_bad_header_does_not_hide_a_good_cookie() {
        String token = client().login("Admin", "admin123");

        Answer bearer = client().post(CLAIMS, Map.of(), Map.of("Authorization", "Bearer " + token));
        Answer jwtPrefix = client().post(CLAIMS, Map.of(), Map.of("Authorization", "JWT " + token));
        Answer undefinedHeader =
                client().post(CLAIMS, Map.of(), Map.of("Authorization", "JWT undefined", "Cookie", "JWT=" + token));

        for (Answer a : new Answer[] {bearer, jwtPrefix, undefinedHeader})
            assertThat(a.data().path("claims").path("edges").size())
                    .as(a.body().toString())
                    .isEqualTo(1);
    }

    @Test
    void without_a_token_a_query_gets_a_typed_unauthorized_error_and_no_data() {
        statements.reset();

        Answer answer = client().post(CLAIMS, Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errors()
                        .get(0)
                        .path("extensions")
                        .path("classification")
                        .asString())
                .isEqualTo("UNAUTHORIZED");
        assertThat(answer.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(answer.data().isNull() || answer.data().path("claims").isNull())
                .isTrue();
        assertThat(statements.statements()).noneMatch(sql -> sql.contains("from claim"));
    }

    @Test
    void a_forged_or_garbage_token_is_refused() {
        String token = client().login("Admin", "admin123");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";

        Answer forgedAnswer = client().post(CLAIMS, Map.of(), GraphQlClient.bearer(forged));
        Answer garbage = client().post(CLAIMS, Map.of(), GraphQlClient.bearer("not-a-jwt"));

        for (Answer a : new Answer[] {forgedAnswer, garbage})
            assertThat(a.errors()
                            .get(0)
                            .path("extensions")
                            .path("classification")
                            .asString())
                    .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void a_wrong_password_or_unknown_user_gets_invalid_credentials_and_no_cookie() {
        Answer wrong = client().post(LOGIN, Map.of("username", "Admin", "password", "nope"));
        Answer unknown = client().post(LOGIN, Map.of("username", "nobody", "password", "admin123"));

        for (Answer a : new Answer[] {wrong, unknown}) {
            assertThat(a.errors().get(0).path("extensions").path("code").asString())
                    .isEqualTo("INVALID_CREDENTIALS");
            assertThat(a.errors().get(0).path("message").asString()).isEqualTo("Please enter valid credentials");
            assertThat(a.setCookies()).isEmpty();
        }
    }

    static final String REFRESH = """
            mutation($token: String) { refreshToken(refreshToken: $token) { token refreshToken payload refreshExpiresIn } }""";

    @Test
    void a_refresh_token_from_the_argument_or_the_cookie_gives_new_working_tokens() {
        Answer login = client().post(LOGIN, Map.of("username", "Admin", "password", "admin123"));
        String refresh = login.data().path("tokenAuth").path("refreshToken").asString();

        Answer byArgument = client().post(REFRESH, Map.of("token", refresh));
        Answer byCookie = client().post(REFRESH, Map.of(), Map.of("Cookie", "JWT-refresh-token=" + refresh));

        for (Answer a : new Answer[] {byArgument, byCookie}) {
            assertThat(a.errors().isMissingNode()).as(a.body().toString()).isTrue();
            String token = a.data().path("refreshToken").path("token").asString();
            assertThat(a.data()
                            .path("refreshToken")
                            .path("payload")
                            .path("username")
                            .asString())
                    .isEqualTo("Admin");
            assertThat(a.setCookies()).anySatisfy(c -> assertThat(c).startsWith("JWT=" + token + ";"));
            assertThat(client().post(CLAIMS, Map.of(), GraphQlClient.bearer(token))
                            .data()
                            .path("claims")
                            .path("edges")
                            .size())
                    .isEqualTo(1);
        }
    }

    @Test
    void an_access_token_is_no_refresh_token_and_nothing_is_refreshed_without_one() {
        String access = client().login("Admin", "admin123");

        Answer withAccess = client().post(REFRESH, Map.of("token", access));
        Answer withNothing = client().post(REFRESH, Map.of());

        for (Answer a : new Answer[] {withAccess, withNothing}) {
            assertThat(a.errors().get(0).path("extensions").path("code").asString())
                    .isEqualTo("INVALID_CREDENTIALS");
            assertThat(a.setCookies()).isEmpty();
        }
    }

    @Test
    void verify_token_answers_the_payload_of_a_valid_token_and_refuses_others() {
        String token = client().login("Admin", "admin123");
        String verify = "mutation($t: String!) { verifyToken(token: $t) { payload } }";

        Answer valid = client().post(verify, Map.of("t", token));
        Answer invalid = client().post(verify, Map.of("t", token + "x"));

        assertThat(valid.data()
                        .path("verifyToken")
                        .path("payload")
                        .path("username")
                        .asString())
                .isEqualTo("Admin");
        assertThat(valid.data().path("verifyToken").path("payload").path("exp").asLong())
                .isGreaterThan(System.currentTimeMillis() / 1000);
        assertThat(invalid.errors()
                        .get(0)
                        .path("extensions")
                        .path("classification")
                        .asString())
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void ten_wrong_passwords_in_a_row_for_one_user_are_throttled_even_the_right_one_then() {
        // a user of this test's own: the lockout must not lock out the demo users the other tests log in as
        String username = "locked" + System.nanoTime() % 1_000_000;
        sql().sql("""
                        insert into app_user (uuid, last_name, other_names, login_name, password_hash)
                        values (gen_random_uuid(), 'Locked', 'Out', :login, :hash)""")
                .param("login", username)
                .param("hash", new BCryptPasswordEncoder().encode(username + "123"))
                .update();
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            Answer wrong = client().post(LOGIN, Map.of("username", username, "password", "guess" + i));
            if (wrong.errors().get(0).path("extensions").path("code").asString().equals("TOO_MANY_ATTEMPTS")) refused++;
        }
        Answer right = client().post(LOGIN, Map.of("username", username, "password", username + "123"));
        Answer someoneElse = client().post(LOGIN, Map.of("username", "Admin", "password", "admin123"));

        assertThat(refused).as("attempts after the fifth failure").isEqualTo(5);
        assertThat(right.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(right.errors().get(0).path("extensions").path("retryAfter").asInt())
                .isPositive();
        assertThat(right.headers().get("retry-after"))
                .as("Retry-After header")
                .singleElement()
                .satisfies(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(right.setCookies()).isEmpty();
        assertThat(someoneElse.data().path("tokenAuth").path("token").asString())
                .isNotBlank();
    }
}
