package org.healthclaims.load.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void only_the_url_is_required_and_the_rest_has_defaults() {
        BenchOptions options = BenchOptions.parse(List.of("--url", "http://localhost:8080"));

        assertThat(options.endpoint()).isEqualTo(URI.create("http://localhost:8080/api/graphql"));
        assertThat(options.user()).isEqualTo("Admin");
        assertThat(options.password()).isEqualTo("admin123");
        assertThat(options.clients()).isEqualTo(10);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.sizes()).containsExactly(10, 100, 500);
    }

    @Test
    void reads_every_option() {
        BenchOptions options = BenchOptions.parse(List.of(
                "--url",
                "http://127.0.0.1:18090/",
                "--user",
                "viewer",
                "--password",
                "viewer123",
                "--clients",
                "50",
                "--seconds",
                "15",
                "--warmup",
                "0",
                "--sizes",
                "10,100, 500"));

        assertThat(options.endpoint()).isEqualTo(URI.create("http://127.0.0.1:18090/api/graphql"));
        assertThat(options.user()).isEqualTo("viewer");
        assertThat(options.password()).isEqualTo("viewer123");
        assertThat(options.clients()).isEqualTo(50);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.warmup()).isEqualTo(Duration.ZERO);
        assertThat(options.sizes()).containsExactly(10, 100, 500);
    }

    @Test
    void takes_the_endpoint_itself_and_ipv6_loopback() {
        assertThat(BenchOptions.parse(List.of("--url", "http://127.0.0.1:8080/api/graphql"))
                        .endpoint())
                .isEqualTo(URI.create("http://127.0.0.1:8080/api/graphql"));
        assertThat(BenchOptions.parse(List.of("--url", "https://[::1]:8443")).endpoint())
                .isEqualTo(URI.create("https://[::1]:8443/api/graphql"));
    }

    @Test
    void refuses_a_server_that_is_not_on_this_machine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchOptions.parse(List.of("--url", "http://192.0.2.10:8080")))
                .withMessageContaining("--url must name this machine");
    }

    @Test
    void refuses_what_is_not_an_http_url() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchOptions.parse(List.of("--url", "ftp://127.0.0.1/")))
                .withMessageContaining("http://");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchOptions.parse(List.of("--url", "127.0.0.1:8080")))
                .withMessageContaining("--url");
    }

    @Test
    void names_the_option_and_the_value_it_refuses() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchOptions.parse(List.of()))
                .withMessageContaining("--url is required");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parseWith("--clients", "0"))
                .withMessage("--clients must be 1..1000, was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parseWith("--seconds", "ten"))
                .withMessage("--seconds must be a whole number, was 'ten'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parseWith("--sizes", "10,501"))
                .withMessage("--sizes must be 1..500, was 501");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parseWith("--sizes", "10,"))
                .withMessage("--sizes must be a whole number, was ''");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parseWith("--threads", "4"))
                .withMessage("unknown option for bench-claims: --threads");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchOptions.parse(List.of("--url", "http://127.0.0.1:8080", "--clients")))
                .withMessage("--clients needs a value");
    }

    private static BenchOptions parseWith(String name, String value) {
        return BenchOptions.parse(List.of("--url", "http://127.0.0.1:8080", name, value));
    }
}
