package org.healthclaims.domain.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void keeps_a_jdbc_url_as_it_is() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/claims", "app", "secret");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/claims");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("secret");
    }

    @Test
    void turns_a_postgres_url_into_jdbc_with_its_credentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://claims:p%40ss@db.local/claims?sslmode=disable", null, null);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5432/claims?sslmode=disable");
        assertThat(url.user()).isEqualTo("claims");
        assertThat(url.password()).isEqualTo("p@ss");
    }

    @Test
    void separate_credentials_win_over_those_in_the_url() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://a:b@h:6543/d", "c", "");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:6543/d");
        assertThat(url.user()).isEqualTo("c");
        assertThat(url.password()).isEqualTo("b");
    }

    @Test
    void refuses_other_schemes_naming_the_variable_without_the_password() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:topsecret@h/d", null, null))
                .hasMessageContaining("DATABASE_URL")
                .hasMessageNotContaining("topsecret");
    }
}
