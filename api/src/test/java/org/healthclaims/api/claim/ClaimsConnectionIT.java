package org.healthclaims.api.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthclaims.api.masterdata.MasterDataCaches;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.healthclaims.api.testing.PostgresStatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ClaimsConnectionIT extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MasterDataCaches caches;

    GraphQlClient client;
    Map<String, String> auth;

    @BeforeEach
    void logIn() {
        client = client();
        auth = GraphQlClient.bearer(client.login("Admin", "admin123"));
    }

    @Test
    void a_page_of_100_claims_has_its_lines_insuree_family_head_and_facility_filled() {
        Answer answer = client.post(GraphQlClient.document("claimsPage"), Map.of("first", 100), auth);

        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        JsonNode edges = answer.data().path("claims").path("edges");
        assertThat(edges.size()).isEqualTo(100);
        for (JsonNode edge : edges) {
            JsonNode claim = edge.path("node");
            assertThat(claim.path("code").asString()).isNotBlank();
            assertThat(claim.path("insuree").path("chfId").asString()).isNotBlank();
            assertThat(claim.path("insuree")
                            .path("family")
                            .path("headInsuree")
                            .path("chfId")
                            .asString())
                    .isNotBlank();
            assertThat(claim.path("healthFacility").path("code").asString()).isNotBlank();
            assertThat(claim.path("healthFacility").path("name").asString()).isNotBlank();
            assertThat(claim.path("icd").path("code").asString()).isNotBlank();
            int lines = claim.path("items").size() + claim.path("services").size();
            assertThat(lines).as("lines of " + claim.path("code").asString()).isBetween(1, 6);
            for (JsonNode item : claim.path("items")) {
                assertThat(item.path("item").path("code").asString()).isNotBlank();
                assertThat(item.path("priceAsked").asString()).matches("\\d+\\.\\d{2}");
            }
            for (JsonNode service : claim.path("services"))
                assertThat(service.path("service").path("code").asString()).isNotBlank();
        }
        List<String> dates = new ArrayList<>();
        for (JsonNode edge : edges)
            dates.add(edge.path("node").path("dateClaimed").asString());
        assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void first_10_100_and_500_cost_the_same_number_of_sql_statements_warm_and_cold() {
        PostgresStatementCounter postgres = postgresCounter();
        int[] sizes = {10, 100, 500};

        caches.invalidateAll();
        long[][] cold = count(postgres, sizes, true);
        long[][] warm = count(postgres, sizes, false);

        System.out.printf(
                "SQL statements for claims(first: 10 / 100 / 500) { items { item } services { service } insuree { family"
                        + " { headInsuree } } healthFacility { location } icd admin }: cold %s, warm %s, counted by %s%n",
                java.util.Arrays.toString(cold[0]),
                java.util.Arrays.toString(warm[0]),
                postgres == null
                        ? "the JDBC proxy only (this PostgreSQL has no pg_stat_statements)"
                        : "PostgreSQL (pg_stat_statements: cold %s, warm %s) and the JDBC proxy"
                                .formatted(java.util.Arrays.toString(cold[1]), java.util.Arrays.toString(warm[1])));
        // cold: page, items, services, insuree, family, head insuree, item, service, facility, location, icd, admin
        assertThat(cold[0]).as(executed.toString()).containsExactly(12, 12, 12);
        // warm: the registers come from the master-data cache; a cached relation costs no statement
        assertThat(warm[0]).as(String.join("\n", statements.statements())).containsExactly(6, 6, 6);
        assertThat(statements.statements())
                // the registers' loaders (the caller's scope names health_facility in a sub-query of the page)
                .noneMatch(sql -> sql.contains("from diagnosis d where")
                        || sql.contains("from health_facility hf where")
                        || sql.contains("from location l where")
                        || sql.contains("from medical_item mi where")
                        || sql.contains("from claim_admin ca where"));
        if (postgres != null) {
            assertThat(cold[1]).containsExactly(cold[0]);
            assertThat(warm[1]).as(String.join("\n", postgres.lastDelta())).containsExactly(warm[0]);
        }
    }

    /** Each round's statements, to show in a failure. */
    private final Map<String, List<String>> executed = new java.util.LinkedHashMap<>();

    /** Statements per page size, by the JDBC proxy [0] and by PostgreSQL [1] (-1 where it cannot count). */
    private long[][] count(PostgresStatementCounter postgres, int[] sizes, boolean cold) {
        long[][] counts = new long[2][sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            if (cold) caches.invalidateAll();
            warmAccess(client, auth);
            statements.reset();
            if (postgres != null) postgres.reset();
            Answer answer = client.post(GraphQlClient.document("claimsPageNested"), Map.of("first", sizes[i]), auth);
            counts[0][i] = statements.count();
            executed.put((cold ? "cold " : "warm ") + sizes[i], statements.statements());
            counts[1][i] = postgres == null ? -1 : postgres.count();
            assertThat(answer.data().path("claims").path("edges").size()).isEqualTo(sizes[i]);
            if (!cold && i == 0) {
                // the warm round starts after the 500 of the cold round: every register row of page 10 is cached
                assertThat(counts[0][i]).isEqualTo(6);
            }
        }
        return counts;
    }

    @Test
    void total_count_costs_one_statement_and_only_when_asked_for() {
        client.post(GraphQlClient.document("claimsPage"), Map.of("first", 20), auth);
        statements.reset();
        client.post(GraphQlClient.document("claimsPageWithoutCount"), Map.of("first", 20), auth);
        int without = statements.count();
        statements.reset();
        Answer withCount = client.post(GraphQlClient.document("claimsPage"), Map.of("first", 20), auth);
        int with = statements.count();

        assertThat(with - without).isEqualTo(1);
        assertThat(statements.statements()).anyMatch(sql -> sql.startsWith("select count(*) from claim"));
        int expected = jdbc.sql("select count(*) from claim where validity_to is null")
                .query(Integer.class)
                .single();
        assertThat(withCount.data().path("claims").path("totalCount").asInt()).isEqualTo(expected);
    }

    @Test
    void cursors_walk_every_checked_claim_once_in_the_order_sql_gives() {
        List<String> expected = jdbc.sql(
                        "select code from claim where validity_to is null and status = 4 order by date_claimed desc, id desc")
                .query(String.class)
                .list();

        List<String> walked = walk(Map.of("status", 4, "orderBy", List.of("-dateClaimed")), 37);

        assertThat(expected).hasSizeGreaterThan(37 * 3);
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void mixed_directions_order_and_page_like_sql() {
        List<String> expected = jdbc.sql(
                        "select code from claim where validity_to is null order by status asc, code desc, id desc")
                .query(String.class)
                .list();

        List<String> walked = walk(Map.of("orderBy", List.of("status", "-code")), 250);

        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    void filters_by_status_facility_insuree_and_code_prefix() {
        JsonNode checked = claims(Map.of("first", 100, "status", 4));
        JsonNode atDispensary = claims(Map.of("first", 100, "healthFacilityCode", "HF-D1"));
        JsonNode ofKemi = claims(Map.of("first", 100, "chfId", "100000001"));
        JsonNode scenario = claims(Map.of("first", 100, "codePrefix", "clm-"));

        assertThat(checked.path("edges").size()).isPositive();
        for (JsonNode e : checked.path("edges"))
            assertThat(e.path("node").path("status").asInt()).isEqualTo(4);
        assertThat(atDispensary.path("edges").size()).isPositive();
        for (JsonNode e : atDispensary.path("edges"))
            assertThat(e.path("node").path("healthFacility").path("code").asString())
                    .isEqualTo("HF-D1");
        assertThat(ofKemi.path("edges").size()).isGreaterThanOrEqualTo(10);
        for (JsonNode e : ofKemi.path("edges"))
            assertThat(e.path("node").path("insuree").path("chfId").asString()).isEqualTo("100000001");
        assertThat(scenario.path("totalCount").asInt())
                .isEqualTo(jdbc.sql("select count(*) from claim where validity_to is null and code like 'CLM-%'")
                        .query(Integer.class)
                        .single());
    }

    @Test
    void relay_ids_decode_to_the_claim_type_and_primary_key() {
        JsonNode claim = claims(Map.of("first", 1, "code", "CLM-OK-OP"))
                .path("edges")
                .get(0)
                .path("node");

        String decoded = new String(Base64.getDecoder().decode(claim.path("id").asString()), StandardCharsets.UTF_8);
        long pk = jdbc.sql("select id from claim where code = 'CLM-OK-OP' and validity_to is null")
                .query(Long.class)
                .single();
        assertThat(decoded).isEqualTo("ClaimGQLType:" + pk);
    }

    @Test
    void one_claim_by_uuid_or_id_and_null_for_none() {
        Map<String, Object> row = jdbc.sql("select id, uuid::text as uuid from claim where code = 'CLM-DELIV'")
                .query()
                .singleRow();
        String query = "query($uuid: UUID, $id: Int) { claim(uuid: $uuid, id: $id) { code items { item { code } } } }";

        Answer byUuid = client.post(query, Map.of("uuid", row.get("uuid")), auth);
        Answer byId = client.post(
                query, Map.of("id", ((Number) java.util.Objects.requireNonNull(row.get("id"))).intValue()), auth);
        Answer none = client.post(query, Map.of("uuid", "00000000-0000-0000-0000-000000000000"), auth);
        Answer neither = client.post(query, Map.of(), auth);

        assertThat(byUuid.data().path("claim").path("code").asString()).isEqualTo("CLM-DELIV");
        assertThat(byUuid.data()
                        .path("claim")
                        .path("items")
                        .get(0)
                        .path("item")
                        .path("code")
                        .asString())
                .isEqualTo("I0003");
        assertThat(byId.data().path("claim").path("code").asString()).isEqualTo("CLM-DELIV");
        assertThat(none.data().path("claim").isNull()).isTrue();
        assertThat(neither.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("MISSING_ARGUMENT");
    }

    private JsonNode claims(Map<String, Object> variables) {
        Answer answer = client.post(GraphQlClient.document("claimCodes"), variables, auth);
        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.data().path("claims");
    }

    private List<String> walk(Map<String, Object> filter, int pageSize) {
        List<String> codes = new ArrayList<>();
        String after = null;
        for (int guard = 0; guard < 10_000; guard++) {
            Map<String, Object> variables = new HashMap<>(filter);
            variables.put("first", pageSize);
            if (after != null) variables.put("after", after);
            JsonNode page = claims(variables);
            for (JsonNode e : page.path("edges"))
                codes.add(e.path("node").path("code").asString());
            if (!page.path("pageInfo").path("hasNextPage").asBoolean()) return codes;
            after = page.path("pageInfo").path("endCursor").asString();
        }
        throw new AssertionError("paging did not end");
    }
}
