package org.healthclaims.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.healthclaims.domain.database.DatabaseUrl;
import org.junit.jupiter.api.Test;

class LoadCommandIT {

    @Test
    void migrate_brings_an_empty_database_to_the_current_schema() throws Exception {
        String env = System.getenv("TEST_DATABASE_URL");
        EmbeddedPostgres embedded =
                env == null || env.isBlank() ? EmbeddedPostgres.builder().start() : null;
        DatabaseUrl server = embedded != null
                ? new DatabaseUrl(embedded.getJdbcUrl("postgres", "postgres"), "postgres", null)
                : DatabaseUrl.parse(env, null, null);
        String name =
                "claims_load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        String url = server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            List<String> args = server.user() == null
                    ? List.of("migrate", "--database-url", url)
                    : List.of("migrate", "--database-url", url, "--database-user", server.user());
            int exit = LoadCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("to version 13", "13 migrations applied");
            try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_name in"
                            + " ('claim', 'claim_item', 'claim_service', 'insuree', 'family', 'outbox')")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(6);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            }
            if (embedded != null) embedded.close();
        }
    }
}
