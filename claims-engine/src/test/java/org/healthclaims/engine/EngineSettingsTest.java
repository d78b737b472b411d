package org.healthclaims.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EngineSettingsTest {

    @Test
    void a_stand_alone_engine_refuses_to_start_without_a_database_naming_the_variable() {
        assertThatThrownBy(() -> new EngineApplication.EngineSettings(" ", null, null, "amqp://h"))
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void a_stand_alone_engine_refuses_to_start_without_a_broker_naming_the_variable() {
        assertThatThrownBy(() -> new EngineApplication.EngineSettings("jdbc:postgresql://h/d", null, null, null))
                .hasMessageContaining("AMQP_URL");
    }

    @Test
    void both_urls_given_are_kept() {
        var settings = new EngineApplication.EngineSettings("postgres://u@h/d", "u", null, "amqp://h");

        assertThat(settings.databaseUrl()).isEqualTo("postgres://u@h/d");
        assertThat(settings.amqpUrl()).isEqualTo("amqp://h");
    }
}
