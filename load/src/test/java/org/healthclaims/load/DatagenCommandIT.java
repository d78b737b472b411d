package org.healthclaims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthclaims.load.datagen.DataGenerator;
import org.healthclaims.load.testing.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code datagen} at a small size, through the command: the same seed gives the same rows (a checksum per table),
 * another seed other rows; the rows hang together beyond what the foreign keys enforce; the demo users can log in.
 */
class DatagenCommandIT {

    @Test
    void the_same_seed_gives_the_same_rows_which_hang_together_and_admin_can_log_in() throws Exception {
        Map<String, String> first = generated(5);
        Map<String, String> again = generated(5);
        Map<String, String> other = generated(6);

        assertThat(again).isEqualTo(first);
        assertThat(other.get("claim")).isNotEqualTo(first.get("claim"));
        assertThat(other.get("insuree")).isNotEqualTo(first.get("insuree"));
    }

    /** Runs datagen with {@code seed} on a fresh database, checks it, answers a checksum per table. */
    private static Map<String, String> generated(long seed) throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create("datagen")) {
            List<String> args = new ArrayList<>(List.of(
                    "datagen",
                    "--database-url",
                    database.jdbcUrl(),
                    "--insurees",
                    "400",
                    "--claims",
                    "1000",
                    "--seed",
                    Long.toString(seed)));
            if (database.user() != null) args.addAll(List.of("--database-user", database.user()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = LoadCommand.run(
                    args,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8) + printed).isZero();
            assertThat(printed)
                    .contains("400 insurees in 100 families, 1,000 claims")
                    .containsPattern("total: [\\d,]+ rows");

            try (Connection c = database.connect();
                    Statement s = c.createStatement()) {
                String volume = "code like 'D" + seed + "-%'";
                assertThat(single(s, "select count(*) from claim where " + volume))
                        .isEqualTo(1000);
                assertThat(single(s, "select count(*) from insuree where chf_id like 'G" + seed + "%'"))
                        .isEqualTo(400);
                // every foreign key of the volume tables holds (datagen writes them without the triggers' checks)
                List<String> references = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("""
                        select k.conrelid::regclass::text, a.attname, k.confrelid::regclass::text, b.attname
                          from pg_constraint k
                          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
                          join pg_attribute b on b.attrelid = k.confrelid and b.attnum = k.confkey[1]
                         where k.contype = 'f' and cardinality(k.conkey) = 1
                           and k.conrelid = any(cast(array['%s'] as regclass[]))""".formatted(String.join("', '", DataGenerator.VOLUME_TABLES)))) {
                    while (rs.next())
                        references.add(
                                "select '%1$s.%2$s', count(*) from %1$s t where t.%2$s is not null and not exists"
                                                .formatted(rs.getString(1), rs.getString(2))
                                        + " (select 1 from %s r where r.%s = t.%s)"
                                                .formatted(rs.getString(3), rs.getString(4), rs.getString(2)));
                }
                assertThat(references).hasSizeGreaterThan(20);
                for (String reference : references)
                    try (ResultSet rs = s.executeQuery(reference)) {
                        rs.next();
                        assertThat(rs.getLong(2))
                                .as("rows breaking " + rs.getString(1))
                                .isZero();
                    }
                // every family has its head, and the head is one of its members
                assertThat(single(s, """
                                select count(*) from family f
                                 where f.head_insuree_id is null
                                    or not exists (select 1 from insuree i
                                                    where i.id = f.head_insuree_id and i.family_id = f.id)""")).isZero();
                // every generated claim falls in a policy of its insuree, and has items and services
                assertThat(single(s, "select count(*) from claim c where " + volume + """
                                 and not exists (select 1 from insuree_policy ip
                                                  where ip.insuree_id = c.insuree_id
                                                    and c.date_from between ip.effective_date and ip.expiry_date)"""))
                        .isZero();
                assertThat(single(s, "select count(*) from claim c where " + volume + """
                                 and (not exists (select 1 from claim_item l where l.claim_id = c.id)
                                      or not exists (select 1 from claim_service l where l.claim_id = c.id))"""))
                        .isZero();
                // the claimed amount is its lines' sum
                assertThat(single(s, "select count(*) from claim c where " + volume + """
                                 and c.claimed <> (select sum(qty_provided * price_asked) from claim_item
                                                    where claim_id = c.id)
                                                 + (select sum(qty_provided * price_asked) from claim_service
                                                     where claim_id = c.id)"""))
                        .isZero();
                // Admin logs in with openIMIS's default password
                try (ResultSet rs = s.executeQuery("select password_hash from app_user where login_name = 'Admin'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(new BCryptPasswordEncoder().matches("admin123", rs.getString(1)))
                            .isTrue();
                }
                Map<String, String> checksums = new LinkedHashMap<>();
                for (String table : DataGenerator.VOLUME_TABLES)
                    try (ResultSet rs =
                            s.executeQuery("select md5(string_agg(t::text, '|' order by t.id)) from " + table + " t")) {
                        rs.next();
                        checksums.put(table, rs.getString(1));
                    }
                return checksums;
            }
        }
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
