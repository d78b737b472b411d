package org.healthclaims.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthclaims.migrations.MigrationSchema.Dialect.POSTGRESQL;
import static org.healthclaims.migrations.MigrationSchema.Dialect.SQLSERVER;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthclaims.migrations.MigrationSchema.Column;
import org.healthclaims.migrations.MigrationSchema.Index;
import org.healthclaims.migrations.MigrationSchema.Table;
import org.healthclaims.migrations.MigrationSchema.Version;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The SQL Server scripts are never executed here (there is no SQL Server on our machines), so this test holds them to
 * the PostgreSQL scripts by reading both: same files, tables, columns in the same order with equivalent types, same
 * named checks, keys, foreign keys and indexes, after every version. The deliberate dialect differences are spelled
 * out below ({@link #sqlServerType}, {@link #sqlServerKey}, {@link #sqlServerFilter}, {@link #REWRITTEN_CHECKS}).
 */
class SchemaParityTest {

    /** Checks whose PostgreSQL condition T-SQL cannot write as is; they are compared by name only. */
    private static final Map<String, String> REWRITTEN_CHECKS = Map.of(
            "location_parent_ck", "T-SQL cannot compare two conditions with =, so the equivalence is spelled out");

    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+,\\d+)\\)");
    private static final Pattern ISJSON = Pattern.compile("isjson\\((\\w+)\\) ?= ?1");
    private static final Pattern LOWER = Pattern.compile("lower\\((\\w+)\\)(?: text_pattern_ops)?");
    private static final Pattern COALESCE = Pattern.compile("coalesce\\((\\w+), ?-?\\d+\\)");
    private static final Pattern PLAIN_COLUMN = Pattern.compile("\\w+");

    @Test
    void both_dialects_have_the_same_migration_versions() {
        List<Version> postgresql = MigrationSchema.load(POSTGRESQL);
        List<Version> sqlServer = MigrationSchema.load(SQLSERVER);

        assertThat(fileNames(postgresql)).isNotEmpty();
        assertThat(fileNames(sqlServer)).isEqualTo(fileNames(postgresql));
    }

    @Test
    void each_version_creates_the_same_tables_in_both_dialects() {
        List<Version> postgresql = MigrationSchema.load(POSTGRESQL);
        List<Version> sqlServer = MigrationSchema.load(SQLSERVER);

        Map<String, Set<String>> expected = new LinkedHashMap<>();
        postgresql.forEach(v -> expected.put(v.fileName(), new TreeSet<>(v.createdTables())));
        Map<String, Set<String>> actual = new LinkedHashMap<>();
        sqlServer.forEach(v -> actual.put(v.fileName(), new TreeSet<>(v.createdTables())));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void every_table_has_the_same_columns_in_the_same_order() {
        List<String> differences = acrossVersions(SchemaParityTest::columnOrderDifferences);

        assertThat(differences).isEmpty();
    }

    @Test
    void every_column_has_the_equivalent_type_nullability_identity_and_default() {
        List<String> differences = acrossVersions(SchemaParityTest::columnDefinitionDifferences);

        assertThat(differences).isEmpty();
    }

    @Test
    void every_table_has_the_same_named_check_constraints() {
        List<String> differences = acrossVersions(SchemaParityTest::checkDifferences);

        assertThat(differences).isEmpty();
    }

    @Test
    void every_table_has_the_same_named_indexes() {
        List<String> differences = acrossVersions(SchemaParityTest::indexDifferences);

        assertThat(differences).isEmpty();
    }

    @Test
    void every_table_has_the_same_keys_and_foreign_keys_under_postgresql_names() {
        List<String> differences = acrossVersions(SchemaParityTest::keyDifferences);

        assertThat(differences).isEmpty();
    }

    @Test
    void the_parser_reads_the_claims_schema_so_parity_cannot_pass_on_nothing() {
        for (var dialect : MigrationSchema.Dialect.values()) {
            Map<String, Table> tables = MigrationSchema.load(dialect).getLast().tables();

            assertThat(tables).as(dialect + " tables").hasSizeGreaterThan(40);
            assertThat(tables).containsKeys("claim", "claim_item", "claim_service", "insuree", "policy", "outbox");
            Table insuree = tables.get("insuree");
            assertThat(insuree.columnNames())
                    .as(dialect + " insuree")
                    .startsWith("id", "uuid", "family_id", "chf_id", "last_name", "other_names")
                    .contains("status", "json_ext")
                    .doesNotContain("constraint", "insuree_status_ck");
            assertThat(insuree.column("last_name").notNull()).isTrue();
            assertThat(insuree.checks()).containsKeys("insuree_status_ck", "insuree_marital_ck");
            assertThat(insuree.indexes()).containsKeys("insuree_chf_id_current_ux", "insuree_last_name_prefix_ix");
            Table claimItem = tables.get("claim_item");
            assertThat(claimItem.columnNames()).hasSize(31).contains("price_asked", "qty_provided");
            assertThat(claimItem.foreignKeys()).containsKey("claim_item_claim_id_fkey");
            assertThat(tables.get("health_facility").foreignKeys())
                    .as("added by alter table in V3")
                    .containsKeys("health_facility_items_pricelist_fk", "health_facility_services_pricelist_fk");
        }
    }

    @Test
    void a_pair_that_differs_is_reported_as_different() {
        Table postgresql = snippet(POSTGRESQL, """
                create table claim (
                    id bigint generated by default as identity primary key,
                    code varchar(50) not null,
                    status smallint not null default 2,
                    constraint claim_status_ck check (status in (1, 2))
                );
                create index claim_code_ix on claim (code);
                """);
        Table sqlServer = snippet(SQLSERVER, """
                create table claim (
                    id bigint identity(1,1) constraint claim_pkey primary key,
                    [status] smallint not null constraint claim_status_df default 2,
                    [code] nvarchar(50) not null
                );
                create index claim_code_2_ix on claim ([code]);
                """);

        List<String> differences = differences(postgresql, sqlServer);

        assertThat(differences)
                .anySatisfy(d -> assertThat(d).startsWith("claim: columns differ"))
                .anySatisfy(d -> assertThat(d).isEqualTo("claim: check claim_status_ck only in postgresql"))
                .anySatisfy(d -> assertThat(d).isEqualTo("claim: index claim_code_ix only in postgresql"))
                .anySatisfy(d -> assertThat(d).isEqualTo("claim: index claim_code_2_ix only in sqlserver"));
    }

    @Test
    void a_column_of_another_type_nullability_or_default_is_reported() {
        Table postgresql = snippet(POSTGRESQL, """
                create table outbox (
                    id bigint generated by default as identity primary key,
                    event_type varchar(50) not null,
                    attempts integer not null default 0,
                    payload jsonb not null
                );
                """);
        Table sqlServer = snippet(SQLSERVER, """
                create table outbox (
                    id bigint identity(1,1) constraint outbox_pkey primary key,
                    event_type nvarchar(40) not null,
                    attempts int constraint outbox_attempts_df default 1,
                    payload nvarchar(max) not null
                );
                """);

        List<String> differences = differences(postgresql, sqlServer);

        assertThat(differences)
                .containsExactlyInAnyOrder(
                        "outbox.event_type: expected nvarchar(50) not null, found nvarchar(40) not null",
                        "outbox.attempts: expected int not null default 0, found int default 1",
                        "outbox: jsonb columns [payload] but isjson checks on []");
    }

    @Test
    void a_faithful_pair_has_no_differences() {
        Table postgresql = snippet(POSTGRESQL, """
                create table insuree (
                    id bigint generated by default as identity primary key,
                    uuid uuid not null unique,
                    chf_id varchar(50),
                    last_name varchar(100) not null,
                    head boolean not null default false,
                    status varchar(2) not null default 'AC',
                    json_ext jsonb,
                    validity_from timestamptz not null default now(),
                    validity_to timestamptz,
                    constraint insuree_status_ck check (status in ('AC', 'IN'))
                );
                create unique index insuree_chf_id_current_ux on insuree (chf_id) where validity_to is null;
                create index insuree_last_name_prefix_ix on insuree (lower(last_name) text_pattern_ops, id)
                    where validity_to is null;
                """);
        Table sqlServer = snippet(SQLSERVER, """
                create table insuree (
                    id            bigint identity(1,1) constraint insuree_pkey primary key,
                    uuid          uniqueidentifier not null constraint insuree_uuid_key unique,
                    chf_id        nvarchar(50),
                    last_name     nvarchar(100) not null,
                    head          bit not null constraint insuree_head_df default 0,
                    [status]      nvarchar(2) not null constraint insuree_status_df default N'AC',
                    json_ext      nvarchar(max),
                    validity_from datetimeoffset not null
                                  constraint insuree_validity_from_df default sysdatetimeoffset(),
                    validity_to   datetimeoffset,
                    constraint insuree_status_ck check ([status] in (N'AC',N'IN')),
                    constraint insuree_json_ext_json_ck check (isjson(json_ext) = 1)
                );
                create unique index insuree_chf_id_current_ux on insuree (chf_id)
                    where validity_to is null and chf_id is not null;
                create index insuree_last_name_prefix_ix on insuree (last_name, id) where validity_to is null;
                """);

        List<String> differences = differences(postgresql, sqlServer);

        assertThat(differences).isEmpty();
    }

    // ---- the comparison ----

    static List<String> differences(Table postgresql, Table sqlServer) {
        List<String> out = new ArrayList<>();
        out.addAll(columnOrderDifferences(postgresql, sqlServer));
        out.addAll(columnDefinitionDifferences(postgresql, sqlServer));
        out.addAll(checkDifferences(postgresql, sqlServer));
        out.addAll(keyDifferences(postgresql, sqlServer));
        out.addAll(indexDifferences(postgresql, sqlServer));
        return out;
    }

    static List<String> columnOrderDifferences(Table postgresql, Table sqlServer) {
        if (postgresql.columnNames().equals(sqlServer.columnNames())) {
            return List.of();
        }
        return List.of("%s: columns differ%n  postgresql: %s%n  sqlserver:  %s"
                .formatted(postgresql.name(), postgresql.columnNames(), sqlServer.columnNames()));
    }

    /** Compared only where the column lists agree; {@link #columnOrderDifferences} reports the rest. */
    static List<String> columnDefinitionDifferences(Table postgresql, Table sqlServer) {
        if (!postgresql.columnNames().equals(sqlServer.columnNames())) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < postgresql.columns().size(); i++) {
            Column p = postgresql.columns().get(i);
            Column expected = new Column(
                    p.name(), sqlServerType(p.type()), p.notNull(), p.identity(), sqlServerDefault(p.defaultValue()));
            Column actual = sqlServer.columns().get(i);
            if (!expected.equals(actual)) {
                out.add("%s.%s: expected %s, found %s"
                        .formatted(postgresql.name(), p.name(), describe(expected), describe(actual)));
            }
        }
        return out;
    }

    /** jsonb has no SQL Server type: each jsonb column has an isjson check there instead, and only those have one. */
    static List<String> checkDifferences(Table postgresql, Table sqlServer) {
        List<String> out = new ArrayList<>();
        Map<String, String> sqlServerChecks = new LinkedHashMap<>();
        Set<String> isjsonColumns = new TreeSet<>();
        sqlServer.checks().forEach((name, condition) -> {
            Matcher isjson = ISJSON.matcher(condition);
            if (isjson.matches()) {
                isjsonColumns.add(isjson.group(1));
            } else {
                sqlServerChecks.put(name, condition);
            }
        });
        Set<String> jsonbColumns = new TreeSet<>();
        postgresql.columns().stream().filter(c -> c.type().equals("jsonb")).forEach(c -> jsonbColumns.add(c.name()));
        if (!jsonbColumns.equals(isjsonColumns)) {
            out.add("%s: jsonb columns %s but isjson checks on %s"
                    .formatted(postgresql.name(), jsonbColumns, isjsonColumns));
        }
        onlyInOne(postgresql.name(), "check", postgresql.checks().keySet(), sqlServerChecks.keySet(), out);
        postgresql.checks().forEach((name, condition) -> {
            String other = sqlServerChecks.get(name);
            if (other == null) {
                return;
            }
            boolean rewritten = REWRITTEN_CHECKS.containsKey(name);
            if (!rewritten && !condition.equals(other)) {
                out.add("%s: check %s is (%s) in postgresql but (%s) in sqlserver"
                        .formatted(postgresql.name(), name, condition, other));
            } else if (rewritten && condition.equals(other)) {
                out.add("%s: check %s is no longer rewritten: take it out of REWRITTEN_CHECKS"
                        .formatted(postgresql.name(), name));
            }
        });
        return out;
    }

    static List<String> keyDifferences(Table postgresql, Table sqlServer) {
        List<String> out = new ArrayList<>();
        onlyInOne(
                postgresql.name(),
                "key",
                postgresql.keys().keySet(),
                sqlServer.keys().keySet(),
                out);
        postgresql.keys().forEach((name, key) -> {
            var other = sqlServer.keys().get(name);
            if (other != null && !other.equals(key)) {
                out.add("%s: key %s is %s in postgresql but %s in sqlserver"
                        .formatted(postgresql.name(), name, key, other));
            }
        });
        onlyInOne(
                postgresql.name(),
                "foreign key",
                postgresql.foreignKeys().keySet(),
                sqlServer.foreignKeys().keySet(),
                out);
        postgresql.foreignKeys().forEach((name, foreignKey) -> {
            var other = sqlServer.foreignKeys().get(name);
            if (other != null && !other.equals(foreignKey)) {
                out.add("%s: foreign key %s is %s in postgresql but %s in sqlserver"
                        .formatted(postgresql.name(), name, foreignKey, other));
            }
        });
        return out;
    }

    static List<String> indexDifferences(Table postgresql, Table sqlServer) {
        List<String> out = new ArrayList<>();
        onlyInOne(
                postgresql.name(),
                "index",
                postgresql.indexes().keySet(),
                sqlServer.indexes().keySet(),
                out);
        postgresql.indexes().forEach((name, index) -> {
            Index other = sqlServer.indexes().get(name);
            if (other == null) {
                return;
            }
            Index expected = new Index(
                    name,
                    index.unique(),
                    index.keys().stream().map(SchemaParityTest::sqlServerKey).toList(),
                    sqlServerFilter(index, postgresql));
            if (!expected.equals(other)) {
                out.add("%s: index %s expected %s, found %s".formatted(postgresql.name(), name, expected, other));
            }
        });
        return out;
    }

    // ---- the deliberate dialect differences ----

    static String sqlServerType(String postgresqlType) {
        Matcher varchar = VARCHAR.matcher(postgresqlType);
        if (varchar.matches()) {
            return "nvarchar(" + varchar.group(1) + ")";
        }
        Matcher numeric = NUMERIC.matcher(postgresqlType);
        if (numeric.matches()) {
            return "decimal(" + numeric.group(1) + ")";
        }
        return switch (postgresqlType) {
            case "uuid" -> "uniqueidentifier";
            case "timestamptz" -> "datetimeoffset";
            case "text", "jsonb" -> "nvarchar(max)";
            case "boolean" -> "bit";
            case "integer" -> "int";
            case "bigint", "smallint", "date" -> postgresqlType;
            default ->
                throw new IllegalArgumentException(
                        "no SQL Server type is agreed for PostgreSQL's " + postgresqlType + ": add it here");
        };
    }

    static @Nullable String sqlServerDefault(@Nullable String postgresqlDefault) {
        if (postgresqlDefault == null) {
            return null;
        }
        return switch (postgresqlDefault) {
            case "now()" -> "sysdatetimeoffset()";
            case "false" -> "0";
            case "true" -> "1";
            default -> postgresqlDefault;
        };
    }

    /**
     * SQL Server's default collation is case-insensitive, so lower(x) becomes x; its unique indexes treat NULLs as
     * equal, so coalesce(x, -1), which PostgreSQL needs for that, becomes x.
     */
    static String sqlServerKey(String postgresqlKey) {
        Matcher lower = LOWER.matcher(postgresqlKey);
        if (lower.matches()) {
            return lower.group(1);
        }
        Matcher coalesce = COALESCE.matcher(postgresqlKey);
        return coalesce.matches() ? coalesce.group(1) : postgresqlKey;
    }

    /**
     * A SQL Server unique index admits one NULL where PostgreSQL admits many, so a unique index on a nullable column
     * must leave NULLs out with {@code and x is not null} to mean the same.
     */
    static @Nullable String sqlServerFilter(Index postgresqlIndex, Table postgresql) {
        List<String> conditions = new ArrayList<>();
        if (postgresqlIndex.filter() != null) {
            conditions.add(postgresqlIndex.filter());
        }
        if (postgresqlIndex.unique()) {
            postgresqlIndex.keys().stream()
                    .filter(key -> PLAIN_COLUMN.matcher(key).matches())
                    .filter(key -> !postgresql.column(key).notNull())
                    .forEach(key -> conditions.add(key + " is not null"));
        }
        return conditions.isEmpty() ? null : String.join(" and ", conditions);
    }

    // ---- helpers ----

    /** Runs a comparison on every table after every version; a difference is reported once, at its first version. */
    private static List<String> acrossVersions(BiFunction<Table, Table, List<String>> compare) {
        List<Version> postgresql = MigrationSchema.load(POSTGRESQL);
        List<Version> sqlServer = MigrationSchema.load(SQLSERVER);
        assertThat(fileNames(sqlServer)).as("migration files").isEqualTo(fileNames(postgresql));
        Map<String, String> firstSeen = new LinkedHashMap<>();
        for (int i = 0; i < postgresql.size(); i++) {
            Version version = postgresql.get(i);
            for (Table table : version.tables().values()) {
                Table twin = sqlServer.get(i).tables().get(table.name());
                if (twin != null) { // a missing table is each_version_creates_the_same_tables_in_both_dialects's report
                    compare.apply(table, twin).forEach(d -> firstSeen.putIfAbsent(d, version.fileName()));
                }
            }
        }
        List<String> out = new ArrayList<>();
        firstSeen.forEach((difference, file) -> out.add(file + ": " + difference));
        return out;
    }

    private static void onlyInOne(
            String table, String what, Set<String> postgresql, Set<String> sqlServer, List<String> out) {
        new TreeSet<>(postgresql)
                .stream()
                        .filter(name -> !sqlServer.contains(name))
                        .forEach(name -> out.add("%s: %s %s only in postgresql".formatted(table, what, name)));
        new TreeSet<>(sqlServer)
                .stream()
                        .filter(name -> !postgresql.contains(name))
                        .forEach(name -> out.add("%s: %s %s only in sqlserver".formatted(table, what, name)));
    }

    private static String describe(Column column) {
        return column.type()
                + (column.identity() ? " identity" : "")
                + (column.notNull() ? " not null" : "")
                + (column.defaultValue() == null ? "" : " default " + column.defaultValue());
    }

    private static List<String> fileNames(List<Version> versions) {
        return versions.stream().map(Version::fileName).toList();
    }

    private static Table snippet(MigrationSchema.Dialect dialect, String sql) {
        Map<String, Table> tables = MigrationSchema.parseScript(dialect, sql);
        assertThat(tables).hasSize(1);
        return tables.values().iterator().next();
    }
}
