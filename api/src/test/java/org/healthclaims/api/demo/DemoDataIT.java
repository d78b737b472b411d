package org.healthclaims.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.healthclaims.api.testing.TestServices;
import org.healthclaims.domain.database.DatabaseUrl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Loads the demo data into fresh, migrated databases of the test server (TestServices: TEST_DATABASE_URL's or an
 * embedded PostgreSQL) and checks it with real queries. The databases are dropped when the test JVM exits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataIT {

    /** A day other than the scenario's 2025-06-15, so that the shift is exercised. */
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 10);

    private static final long SHIFT_DAYS = ChronoUnit.DAYS.between(LocalDate.of(2025, 6, 15), TODAY);

    /** §9's claims table: code → facility, insuree number. */
    private static final Map<String, List<String>> SCENARIO_CLAIMS = new LinkedHashMap<>();

    static {
        for (String claim : List.of(
                "CLM-OK-OP HF-D1 100000001",
                "CLM-REG HF-D1 100000001",
                "CLM-PL HF-D1 100000001",
                "CLM-NOPROD HF-D1 100000001",
                "CLM-CARE HF-D1 100000001",
                "CLM-MASK HF-H1 100000002",
                "CLM-FREQ1 HF-D1 100000002",
                "CLM-FREQ2 HF-D1 100000002",
                "CLM-NOCOV HF-D1 100000004",
                "CLM-DATE HF-D1 100000001",
                "CLM-MAXPROV-1 HF-D1 100000001",
                "CLM-MAXPROV-2 HF-D1 100000001",
                "CLM-MAXPROV-3 HF-D1 100000001",
                "CLM-WAIT HF-H1 100000003",
                "CLM-CONS-MAX-1 HF-D1 100000006",
                "CLM-CONS-MAX-2 HF-D1 100000006",
                "CLM-CONS-MAX-3 HF-D1 100000006",
                "CLM-CONS-MAX-4 HF-D1 100000006",
                "CLM-DELIV HF-H1 100000001",
                "CLM-DELIV-2 HF-H1 100000001",
                "CLM-SURG HF-H1 100000001",
                "CLM-BEST HF-H1 100000001",
                "CLM-OWN HF-C2 100000006",
                "CLM-REVIEW HF-D1 100000002")) {
            String[] parts = claim.split(" ");
            SCENARIO_CLAIMS.put(parts[0], List.of(parts[1], parts[2]));
        }
    }

    /** Item and service lines as one relation, for the checks that hold for both. */
    private static final String LINES = """
            with line as (
                select claim_id, status, rejection_reason, product_id, policy_id, price_origin, limitation,
                       qty_provided, qty_approved, price_asked, price_adjusted, price_valuated, remunerated_amount
                  from claim_item
                 union all
                select claim_id, status, rejection_reason, product_id, policy_id, price_origin, limitation,
                       qty_provided, qty_approved, price_asked, price_adjusted, price_valuated, remunerated_amount
                  from claim_service)
            """;

    private DataSource demo;
    private DemoDataSummary summary;

    @BeforeAll
    void load_the_demo_data_into_a_fresh_database() throws SQLException {
        demo = freshDatabase();

        summary = new DemoData(demo).load(TODAY);
    }

    @Test
    void every_claim_of_the_minimal_scenario_exists_at_its_facility_for_its_insuree() throws SQLException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (Connection connection = demo.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select c.code, hf.code as facility, i.chf_id, c.status
                          from claim c
                          join health_facility hf on hf.id = c.health_facility_id
                          join insuree i on i.id = c.insuree_id
                         where c.code = any(?) and c.validity_to is null""")) {
            query.setArray(
                    1,
                    connection.createArrayOf("varchar", SCENARIO_CLAIMS.keySet().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString("code"), List.of(rows.getString("facility"), rows.getString("chf_id")));
                    assertThat(rows.getInt("status"))
                            .as(rows.getString("code") + " is entered")
                            .isEqualTo(2);
                }
            }
        }

        assertThat(found).containsExactlyInAnyOrderEntriesOf(SCENARIO_CLAIMS);
    }

    @Test
    void every_insuree_of_the_minimal_scenario_exists_in_its_family() throws SQLException {
        Map<String, String> headOf = new LinkedHashMap<>();
        query(
                """
                select i.chf_id, i.other_names || ' ' || i.last_name as name, head.chf_id as head
                  from insuree i
                  join family f on f.id = i.family_id
                  join insuree head on head.id = f.head_insuree_id
                 where i.chf_id like '1000000__'""",
                rows -> headOf.put(
                        rows.getString("chf_id"),
                        rows.getString("name") + " in the family of " + rows.getString("head")));

        assertThat(headOf)
                .containsOnly(
                        Map.entry("100000001", "Kemi Doe in the family of 100000001"),
                        Map.entry("100000002", "Tobi Doe in the family of 100000001"),
                        Map.entry("100000003", "Ade Doe in the family of 100000001"),
                        Map.entry("100000004", "Sola Bee in the family of 100000004"),
                        Map.entry("100000005", "Lara Cee in the family of 100000005"),
                        Map.entry("100000006", "Musa Dee in the family of 100000006"));
    }

    @Test
    void the_volume_reaches_the_promised_counts() throws SQLException {
        assertThat(count("select count(*) from insuree"))
                .isGreaterThanOrEqualTo(1_000)
                .isEqualTo(summary.insurees());
        assertThat(count("select count(*) from family"))
                .isGreaterThanOrEqualTo(300)
                .isEqualTo(summary.families());
        assertThat(count("select count(*) from health_facility"))
                .isGreaterThanOrEqualTo(10)
                .isEqualTo(summary.healthFacilities());
        assertThat(count("select count(*) from location where type = 'D'")).isGreaterThanOrEqualTo(4);
        assertThat(count("select count(*) from location where type = 'R'")).isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from claim"))
                .isGreaterThanOrEqualTo(2_000)
                .isEqualTo(summary.claims());
        assertThat(count("select (select count(*) from claim_item) + (select count(*) from claim_service)"))
                .isEqualTo(summary.claimLines());
    }

    @Test
    void every_claim_status_has_at_least_200_claims() throws SQLException {
        Map<Integer, Integer> perStatus = new LinkedHashMap<>();
        query(
                "select status, count(*) from claim group by status",
                rows -> perStatus.put(rows.getInt(1), rows.getInt(2)));

        assertThat(perStatus).containsOnlyKeys(1, 2, 4, 8, 16);
        assertThat(perStatus.values()).allSatisfy(claims -> assertThat(claims).isGreaterThanOrEqualTo(200));
    }

    @Test
    void every_claim_has_one_to_six_current_lines() throws SQLException {
        assertThat(count("""
                select count(*)
                  from claim c
                 where (select count(*) from claim_item ci where ci.claim_id = c.id and ci.validity_to is null)
                     + (select count(*) from claim_service cs where cs.claim_id = c.id and cs.validity_to is null)
                       not between 1 and 6""")).isZero();
    }

    @Test
    void every_family_has_one_head_who_belongs_to_it() throws SQLException {
        assertThat(count("""
                select count(*)
                  from family f
                  left join insuree head on head.id = f.head_insuree_id
                 where head.id is null or head.family_id <> f.id or not head.head
                    or (select count(*) from insuree i where i.family_id = f.id and i.head) <> 1""")).isZero();
    }

    @Test
    void claimed_is_the_sum_of_quantity_times_asked_price_of_the_lines() throws SQLException {
        assertThat(count(LINES + """
                        select count(*)
                          from claim c
                         where c.claimed is distinct from
                               (select coalesce(sum(l.qty_provided * l.price_asked), 0)
                                  from line l
                                 where l.claim_id = c.id)
                        """)).isZero();
    }

    @Test
    void rejected_claims_have_every_line_rejected_with_a_reason() throws SQLException {
        assertThat(count(LINES + """
                        select count(*)
                          from claim c
                          join line l on l.claim_id = c.id
                         where c.status = 1 and (l.status <> 2 or l.rejection_reason <= 0 or c.rejection_reason <> 1)
                        """)).isZero();
    }

    @Test
    void checked_claims_approve_the_sum_of_their_passed_lines_with_product_and_policy() throws SQLException {
        assertThat(count(LINES + """
                        select count(*)
                          from claim c
                          join line l on l.claim_id = c.id
                         where c.status in (4, 8, 16) and l.status = 1
                           and (l.product_id is null or l.policy_id is null or l.price_origin is null
                                or l.limitation is null or l.price_adjusted is null)
                        """)).isZero();
        assertThat(count(LINES + """
                        select count(*)
                          from claim c
                         where c.status = 4
                           and c.approved is distinct from
                               (select sum(coalesce(l.qty_approved, l.qty_provided) * l.price_adjusted)
                                  from line l
                                 where l.claim_id = c.id and l.status = 1)
                        """)).isZero();
        assertThat(count("select count(*) from claim where status = 4 and review_status in (4, 8)"))
                .isPositive();
        assertThat(count("select count(*) from claim where status = 4 and feedback_status in (4, 8)"))
                .isPositive();
    }

    @Test
    void processed_claims_wait_for_the_batch_on_a_relative_price_line() throws SQLException {
        assertThat(count(LINES + """
                        select count(*)
                          from claim c
                         where c.status = 8
                           and (c.process_stamp is null
                                or not exists (select 1
                                                 from line l
                                                where l.claim_id = c.id and l.status = 1 and l.price_origin = 'R'
                                                  and l.price_valuated is null))
                        """)).isZero();
    }

    @Test
    void valuated_claims_have_valuated_equal_to_approved_and_to_the_sum_of_their_lines() throws SQLException {
        assertThat(count(LINES + """
                        select count(*)
                          from claim c
                         where c.status = 16
                           and (c.process_stamp is null
                                or c.valuated is distinct from c.approved
                                or c.valuated is distinct from
                                   (select sum(l.price_valuated) from line l where l.claim_id = c.id and l.status = 1)
                                or c.valuated is distinct from
                                   (select sum(l.remunerated_amount)
                                      from line l
                                     where l.claim_id = c.id and l.status = 1))
                        """)).isZero();
    }

    @Test
    void the_demo_passwords_are_bcrypt_hashes_of_the_user_name_and_123() throws SQLException {
        Map<String, String> hashes = new LinkedHashMap<>();
        query(
                "select login_name, password_hash from app_user",
                rows -> hashes.put(rows.getString(1), rows.getString(2)));
        BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();

        assertThat(hashes).containsOnlyKeys("Admin", "claimadmin", "medofficer", "enrolment", "accountant", "viewer");
        assertThat(passwords.matches("admin123", hashes.get("Admin"))).isTrue();
        assertThat(passwords.matches("claimadmin123", hashes.get("claimadmin"))).isTrue();
        assertThat(passwords.matches("Admin123", hashes.get("Admin"))).isFalse();
    }

    @Test
    void dates_are_shifted_so_that_the_load_day_plays_the_scenario_today() throws SQLException {
        String surgery = """
                select count(*)
                  from claim
                 where code = 'CLM-SURG' and date_from = date '2025-06-03' + %d""".formatted(SHIFT_DAYS);
        String coverToday = """
                select count(*)
                  from policy p
                  join insuree head on head.family_id = p.family_id and head.head
                 where head.chf_id = '100000001' and p.status = 2
                   and p.effective_date <= date '%1$s' and p.expiry_date >= date '%1$s'""".formatted(TODAY);

        assertThat(count(surgery)).isOne();
        assertThat(count(coverToday)).isEqualTo(2);
    }

    @Test
    void new_rows_get_ids_after_the_demo_rows() throws SQLException {
        for (String table : List.of("location", "insuree", "policy", "claim", "claim_service", "app_user")) {
            assertThat(count("select (nextval(pg_get_serial_sequence('%s', 'id')) > (select max(id) from %s))::int"
                            .formatted(table, table)))
                    .as(table)
                    .isOne();
        }
    }

    @Test
    void a_database_that_is_not_empty_is_refused_and_left_as_it_was() throws SQLException {
        int claims = count("select count(*) from claim");

        assertThatThrownBy(() -> new DemoData(demo).load(TODAY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty database");
        assertThat(count("select count(*) from claim")).isEqualTo(claims);
    }

    @Test
    void loading_twice_gives_the_same_data() throws SQLException {
        DataSource second = freshDatabase();

        DemoDataSummary again = new DemoData(second).load(TODAY);

        assertThat(again).usingRecursiveComparison().ignoringFields("took").isEqualTo(summary);
        assertThat(checksum(second)).isEqualTo(checksum(demo));
    }

    private static String checksum(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select md5(string_agg(concat_ws('|', c.id, c.uuid, c.code, c.status, c.insuree_id,
                                                      c.health_facility_id, c.date_from, c.date_claimed, c.claimed,
                                                      c.approved, c.valuated, c.review_status, c.feedback_status),
                                              ',' order by c.id))
                          from claim c""")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private DataSource freshDatabase() {
        String name = "demo_" + TestServices.RUN_ID + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        DatabaseUrl url = TestServices.createDatabase(name);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url.jdbcUrl());
        if (url.user() != null) dataSource.setUser(url.user());
        if (url.password() != null) dataSource.setPassword(url.password());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/postgresql")
                .load()
                .migrate();
        return dataSource;
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = demo.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void query(String sql, RowConsumer consumer) throws SQLException {
        try (Connection connection = demo.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) consumer.accept(rows);
        }
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rows) throws SQLException;
    }
}
