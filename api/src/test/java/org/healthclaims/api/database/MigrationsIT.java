package org.healthclaims.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.domain.database.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MigrationsIT extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_server_migrated_its_fresh_database_to_every_version() {
        List<String> versions = jdbc.sql(
                        "select version from flyway_schema_history where success and version is not null order by installed_rank")
                .query(String.class)
                .list();

        assertThat(versions).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14");
    }

    @Test
    void flyway_validates_on_restart_and_has_nothing_left_to_apply() {
        DatabaseUrl url = database();
        Flyway flyway = Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration/postgresql")
                .load();

        flyway.validate();

        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void every_foreign_key_has_an_index_that_starts_with_it() {
        List<String> unindexed = jdbc.sql("""
                        select c.conrelid::regclass || '.' || a.attname
                          from pg_constraint c
                          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                         where c.contype = 'f'
                           and not exists (select 1 from pg_index i
                                            where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])""").query(String.class).list();
        int foreignKeys = jdbc.sql("select count(*) from pg_constraint where contype = 'f'")
                .query(Integer.class)
                .single();

        assertThat(foreignKeys).isGreaterThan(60);
        assertThat(unindexed).isEmpty();
    }

    @Test
    void current_insurance_numbers_and_claim_codes_are_unique() {
        List<String> uniqueIndexes = jdbc.sql(
                        "select indexname from pg_indexes where indexdef like 'CREATE UNIQUE INDEX%' order by indexname")
                .query(String.class)
                .list();

        assertThat(uniqueIndexes).contains("insuree_chf_id_current_ux", "claim_code_current_ux");
    }
}
