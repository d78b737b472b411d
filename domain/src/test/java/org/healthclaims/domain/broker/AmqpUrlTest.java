package org.healthclaims.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmqpUrlTest {

    @Test
    void a_trailing_slash_means_the_default_virtual_host() {
        assertThat(AmqpUrl.parse("amqp://guest:guest@127.0.0.1:5672/").toString())
                .isEqualTo("amqp://guest:guest@127.0.0.1:5672");
    }

    @Test
    void a_named_or_encoded_virtual_host_is_kept() {
        assertThat(AmqpUrl.parse("amqp://u:p@h/claims").getRawPath()).isEqualTo("/claims");
        assertThat(AmqpUrl.parse("amqps://u:p@h:5671/%2F").getRawPath()).isEqualTo("/%2F");
    }

    @Test
    void other_schemes_are_refused_without_echoing_the_password() {
        assertThatThrownBy(() -> AmqpUrl.parse("http://u:secret@h/"))
                .hasMessageContaining("AMQP_URL")
                .hasMessageNotContaining("secret");
    }
}
