package org.healthclaims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.healthclaims.load.testing.ScratchDatabase;
import org.junit.jupiter.api.Test;

class LoadCommandIT {

    @Test
    void migrate_brings_an_empty_database_to_the_current_schema() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create("claims_load")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String user = database.user();
            List<String> args = user == null
                    ? List.of("migrate", "--database-url", database.jdbcUrl())
                    : List.of("migrate", "--database-url", database.jdbcUrl(), "--database-user", user);
            int exit = LoadCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("to version 14", "14 migrations applied");
            try (Connection c = database.connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_name in"
                            + " ('claim', 'claim_item', 'claim_service', 'insuree', 'family', 'outbox')")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(6);
            }
        }
    }
}
