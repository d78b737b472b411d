package org.healthclaims.api.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every filter argument and every connection, table-driven: the ids a filter returns (all pages, walked with
 * {@code after}) are exactly the ids the same question asked of PostgreSQL returns, in the same order, with no gap
 * and no repeat.
 */
class EveryFilterIT extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    GraphQlClient client;
    Map<String, String> auth;

    @BeforeEach
    void logIn() {
        client = client();
        auth = GraphQlClient.bearer(client.login("Admin", "admin123"));
    }

    static final String CLAIMS = "select c.id from claim c where c.validity_to is null and ";
    static final String CLAIMS_ORDER = " order by c.date_claimed desc, c.id desc";
    static final String INSUREES = "select i.id from insuree i where i.validity_to is null and ";
    static final String INSUREES_ORDER = " order by i.id";

    static Stream<Arguments> filters() {
        return Stream.of(
                // claims
                filter("claims", "status: 4", CLAIMS + "c.status = 4" + CLAIMS_ORDER),
                filter("claims", "status_Gt: 4", CLAIMS + "c.status > 4" + CLAIMS_ORDER),
                filter("claims", "status_In: [1, 8]", CLAIMS + "c.status in (1, 8)" + CLAIMS_ORDER),
                filter("claims", "reviewStatus: 4", CLAIMS + "c.review_status = 4" + CLAIMS_ORDER),
                filter("claims", "feedbackStatus: 8", CLAIMS + "c.feedback_status = 8" + CLAIMS_ORDER),
                filter("claims", "visitType: \"O\"", CLAIMS + "c.visit_type = 'O'" + CLAIMS_ORDER),
                filter("claims", "code: \"CLM-SURG\"", CLAIMS + "c.code = 'CLM-SURG'" + CLAIMS_ORDER),
                filter("claims", "code_Istartswith: \"clm-cons\"", CLAIMS + "c.code like 'CLM-CONS%'" + CLAIMS_ORDER),
                filter("claims", "code_Icontains: \"max\"", CLAIMS + "lower(c.code) like '%max%'" + CLAIMS_ORDER),
                filter(
                        "claims",
                        "healthFacility_Code: \"HF-H1\"",
                        CLAIMS + "c.health_facility_id = (select id from health_facility where code = 'HF-H1'"
                                + " and validity_to is null)" + CLAIMS_ORDER),
                filter(
                        "claims",
                        "insuree_ChfId: \"100000006\"",
                        CLAIMS + "c.insuree_id = (select id from insuree where chf_id = '100000006'"
                                + " and validity_to is null)" + CLAIMS_ORDER),
                filter(
                        "claims",
                        "admin_Code: \"CA-C2\"",
                        CLAIMS + "c.claim_admin_id = (select id from claim_admin where code = 'CA-C2')" + CLAIMS_ORDER),
                filter(
                        "claims",
                        "icd_Code: \"K35\"",
                        CLAIMS + "c.icd_id = (select id from diagnosis where code = 'K35')" + CLAIMS_ORDER),
                filter(
                        "claims",
                        "dateClaimed_Gte: \"%s\", dateClaimed_Lte: \"%s\"".formatted(monthsAgo(3), monthsAgo(1)),
                        CLAIMS + "c.date_claimed between '" + monthsAgo(3) + "' and '" + monthsAgo(1) + "'"
                                + CLAIMS_ORDER),
                filter(
                        "claims",
                        "dateClaimed: \"%s\"".formatted(monthsAgo(2)),
                        CLAIMS + "c.date_claimed = '" + monthsAgo(2) + "'" + CLAIMS_ORDER),
                filter(
                        "claims",
                        "dateFrom_Gte: \"%s\", dateTo_Lte: \"%s\"".formatted(monthsAgo(6), monthsAgo(2)),
                        CLAIMS + "c.date_from >= '" + monthsAgo(6) + "' and coalesce(c.date_to, c.date_from) <= '"
                                + monthsAgo(2) + "'" + CLAIMS_ORDER),
                filter("claims", "claimed_Gte: \"5000\"", CLAIMS + "c.claimed >= 5000" + CLAIMS_ORDER),
                filter("claims", "orderBy: [\"code\"], status: 2", CLAIMS + "c.status = 2 order by c.code, c.id"),
                filter(
                        "claims",
                        "orderBy: [\"-status\", \"dateFrom\"]",
                        CLAIMS + "true order by c.status desc, c.date_from asc, c.id asc"),
                // insurees
                filter("insurees", "chfId: \"100000005\"", INSUREES + "i.chf_id = '100000005'" + INSUREES_ORDER),
                filter("insurees", "lastName: \"Doe\"", INSUREES + "i.last_name = 'Doe'" + INSUREES_ORDER),
                filter(
                        "insurees",
                        "otherNames_Istartswith: \"a\"",
                        INSUREES + "lower(i.other_names) like 'a%'" + INSUREES_ORDER),
                filter(
                        "insurees",
                        "dob_Gte: \"1980-01-01\", dob_Lte: \"1990-12-31\"",
                        INSUREES + "i.dob between '1980-01-01' and '1990-12-31'" + INSUREES_ORDER),
                filter("insurees", "gender_Code: \"F\"", INSUREES + "i.gender = 'F'" + INSUREES_ORDER),
                filter("insurees", "head: true", INSUREES + "i.head" + INSUREES_ORDER),
                filter("insurees", "orderBy: [\"-lastName\"]", INSUREES + "true order by i.last_name desc, i.id desc"),
                filter(
                        "insurees",
                        "orderBy: [\"otherNames\", \"-id\"]",
                        INSUREES + "true order by i.other_names, i.id desc"),
                // registers and policies
                filter(
                        "medicalServices",
                        "type: \"P\"",
                        "select ms.id from medical_service ms where ms.validity_to is null and ms.type = 'P'"
                                + " order by ms.code, ms.id"),
                filter(
                        "medicalItems",
                        "name_Istartswith: \"para\"",
                        "select mi.id from medical_item mi where mi.validity_to is null"
                                + " and lower(mi.name) like 'para%' order by mi.code, mi.id"),
                filter(
                        "diagnoses",
                        "code_Istartswith: \"b\"",
                        "select d.id from diagnosis d where d.validity_to is null and lower(d.code) like 'b%'"
                                + " order by d.code, d.id"),
                filter(
                        "healthFacilities",
                        "orderBy: [\"-name\"]",
                        "select hf.id from health_facility hf where hf.validity_to is null order by hf.name desc, hf.id desc"),
                filter(
                        "claimAdmins",
                        "orderBy: [\"lastName\"]",
                        "select ca.id from claim_admin ca where ca.validity_to is null order by ca.last_name, ca.id"),
                filter(
                        "products",
                        "name_Icontains: \"\"",
                        "select pr.id from product pr where pr.validity_to is null order by pr.code, pr.id"),
                filter(
                        "policies",
                        "status: 2",
                        "select p.id from policy p where p.validity_to is null and p.status = 2"
                                + " order by p.start_date desc, p.id desc"),
                filter(
                        "policies",
                        "product_Code: \"PRD-HOSP\", orderBy: [\"enrollDate\"]",
                        "select p.id from policy p join product pr on pr.id = p.product_id where p.validity_to is null"
                                + " and pr.code = 'PRD-HOSP' order by p.enroll_date, p.id"),
                filter(
                        "insureePolicy",
                        "policy_Uuid: null",
                        "select ip.id from insuree_policy ip where ip.validity_to is null order by ip.id"),
                filter(
                        "families",
                        "poverty: true",
                        "select f.id from family f where f.validity_to is null and f.poverty"
                                + " order by f.validity_from desc, f.id desc"));
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("filters")
    void a_filter_returns_the_rows_postgresql_returns_in_order_on_every_page(
            String field, String arguments, String sql) {
        List<Long> expected = jdbc.sql(sql).query(Long.class).list();

        List<Long> walked = walk(field, arguments, 37);

        assertThat(expected)
                .as("the demo data must give this filter rows to find")
                .isNotEmpty();
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    private List<Long> walk(String field, String arguments, int pageSize) {
        List<Long> pks = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 1_000; pages++) {
            Map<String, Object> variables = new HashMap<>(Map.of("first", pageSize));
            if (after != null) variables.put("after", after);
            Answer answer = client.post(
                    "query($first: Int, $after: String) { " + field + "(first: $first, after: $after, " + arguments
                            + ") { pageInfo { hasNextPage endCursor } edges { node { id } } } }",
                    variables,
                    auth);
            assertThat(answer.errors().isMissingNode())
                    .as(answer.body().toString())
                    .isTrue();
            JsonNode page = answer.data().path(field);
            for (JsonNode e : page.path("edges"))
                pks.add(pk(e.path("node").path("id").asString()));
            if (!page.path("pageInfo").path("hasNextPage").asBoolean()) return pks;
            after = page.path("pageInfo").path("endCursor").asString();
        }
        throw new AssertionError("paging did not end");
    }

    private static long pk(String globalId) {
        String decoded =
                new String(java.util.Base64.getDecoder().decode(globalId), java.nio.charset.StandardCharsets.UTF_8);
        return Long.parseLong(decoded.substring(decoded.indexOf(':') + 1));
    }

    private static Arguments filter(String field, String arguments, String sql) {
        return Arguments.of(field, arguments, sql);
    }

    private static String monthsAgo(int months) {
        return java.time.LocalDate.now().minusMonths(months).toString();
    }
}
