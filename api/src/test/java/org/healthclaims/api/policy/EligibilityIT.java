package org.healthclaims.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.healthclaims.api.testing.ApiTest;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Eligibility as openIMIS's front-end asks for it, on domain.md §9's insurees. */
class EligibilityIT extends ApiTest {

    static final String GENERAL = """
            query($chfId: String!, $date: Date) {
              policyEligibilityByInsuree(chfId: $chfId, date: $date) {
                isCovered prodId policyUuid expiryDate totalConsultationsLeft totalDeliveriesLeft totalAntenatalLeft
                totalAdmissionsLeft totalVisitsLeft surgeryAmountLeft
              }
            }""";

    static final String SERVICE = """
            query($chfId: String!, $code: String!, $date: Date) {
              policyServiceEligibilityByInsuree(chfId: $chfId, serviceCode: $code, date: $date) {
                isCovered prodId minDateService serviceLeft isServiceOk
              }
            }""";

    static final String ITEM = """
            query($chfId: String!, $code: String!) {
              policyItemEligibilityByInsuree(chfId: $chfId, itemCode: $code) { isCovered prodId minDateItem itemLeft isItemOk }
            }""";

    @Autowired
    JdbcClient jdbc;

    GraphQlClient client;
    Map<String, String> auth;

    @BeforeEach
    void logIn() {
        client = client();
        auth = GraphQlClient.bearer(client.login("Admin", "admin123"));
    }

    @AfterEach
    void removeTheClaimsThisTestInserted() {
        jdbc.sql("delete from claim_service where claim_id in (select id from claim where code like 'ELIG-%')")
                .update();
        jdbc.sql("delete from claim where code like 'ELIG-%'").update();
    }

    @Test
    void an_insuree_with_an_active_policy_is_covered_with_the_products_limits_left() {
        JsonNode musa = ask(GENERAL, Map.of("chfId", "100000006")).path("policyEligibilityByInsuree");

        assertThat(musa.path("isCovered").asBoolean()).isTrue();
        assertThat(musa.path("prodId").asString()).isEqualTo("PRD-BASIC");
        assertThat(musa.path("totalConsultationsLeft").asInt()).isEqualTo(3);
        assertThat(musa.path("totalDeliveriesLeft").asInt()).isEqualTo(1);
        assertThat(musa.path("totalAntenatalLeft").asInt()).isEqualTo(4);
        assertThat(musa.path("totalAdmissionsLeft").asInt()).isEqualTo(2);
        assertThat(musa.path("totalVisitsLeft").asInt()).isEqualTo(10);
        assertThat(musa.path("surgeryAmountLeft").isNull())
                .as("PRD-BASIC sets no surgery amount")
                .isTrue();
        assertThat(LocalDate.parse(musa.path("expiryDate").asString())).isAfterOrEqualTo(LocalDate.now());
    }

    @Test
    void an_insuree_whose_policy_expired_is_not_covered() {
        JsonNode sola = ask(GENERAL, Map.of("chfId", "100000004")).path("policyEligibilityByInsuree");
        JsonNode solaService =
                ask(SERVICE, Map.of("chfId", "100000004", "code", "S0001")).path("policyServiceEligibilityByInsuree");

        assertThat(sola.path("isCovered").asBoolean()).isFalse();
        assertThat(sola.path("prodId").isNull()).isTrue();
        assertThat(solaService.path("isServiceOk").asBoolean()).isFalse();
    }

    @Test
    void a_member_added_later_waits_before_a_service_with_a_waiting_period() {
        LocalDate coveredFrom = jdbc.sql("""
                        select min(ip.effective_date) from insuree_policy ip join insuree i on i.id = ip.insuree_id
                         where i.chf_id = '100000003' and ip.validity_to is null""").query(LocalDate.class).single();
        LocalDate endOfWaiting = coveredFrom.plusMonths(3);

        JsonNode during = ask(
                        SERVICE,
                        Map.of(
                                "chfId",
                                "100000003",
                                "code",
                                "S0005",
                                "date",
                                coveredFrom.plusMonths(1).toString()))
                .path("policyServiceEligibilityByInsuree");
        JsonNode after = ask(SERVICE, Map.of("chfId", "100000003", "code", "S0005", "date", endOfWaiting.toString()))
                .path("policyServiceEligibilityByInsuree");

        assertThat(during.path("isCovered").asBoolean()).isTrue();
        assertThat(LocalDate.parse(during.path("minDateService").asString())).isEqualTo(endOfWaiting);
        assertThat(during.path("isServiceOk").asBoolean()).isFalse();
        assertThat(after.path("isServiceOk").asBoolean()).isTrue();
    }

    @Test
    void checked_claims_use_up_a_service_limit_and_the_consultation_count() {
        JsonNode before =
                ask(SERVICE, Map.of("chfId", "100000006", "code", "S0001")).path("policyServiceEligibilityByInsuree");
        int consultationsBefore = ask(GENERAL, Map.of("chfId", "100000006"))
                .path("policyEligibilityByInsuree")
                .path("totalConsultationsLeft")
                .asInt();

        insertCheckedConsultation("ELIG-1", "100000006", LocalDate.now().minusDays(3));
        insertCheckedConsultation("ELIG-2", "100000006", LocalDate.now().minusDays(2));
        JsonNode after =
                ask(SERVICE, Map.of("chfId", "100000006", "code", "S0001")).path("policyServiceEligibilityByInsuree");
        int consultationsAfter = ask(GENERAL, Map.of("chfId", "100000006"))
                .path("policyEligibilityByInsuree")
                .path("totalConsultationsLeft")
                .asInt();

        assertThat(before.path("serviceLeft").asInt())
                .as("S0001's LimitNoAdult")
                .isEqualTo(2);
        assertThat(before.path("isServiceOk").asBoolean()).isTrue();
        assertThat(after.path("serviceLeft").asInt()).isZero();
        assertThat(after.path("isServiceOk").asBoolean()).isFalse();
        assertThat(consultationsAfter).isEqualTo(consultationsBefore - 2);
    }

    @Test
    void an_item_without_a_quantity_limit_is_ok_for_a_covered_insuree() {
        JsonNode paracetamol =
                ask(ITEM, Map.of("chfId", "100000001", "code", "I0001")).path("policyItemEligibilityByInsuree");

        assertThat(paracetamol.path("isCovered").asBoolean()).isTrue();
        assertThat(paracetamol.path("itemLeft").isNull()).isTrue();
        assertThat(paracetamol.path("isItemOk").asBoolean()).isTrue();
    }

    private JsonNode ask(String query, Map<String, Object> variables) {
        Answer answer = client.post(query, variables, auth);
        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.data();
    }

    /** A checked claim (status 4, category C) with one passed S0001 line, as the claims engine would leave it. */
    private void insertCheckedConsultation(String code, String chfId, LocalDate day) {
        long claimId = jdbc.sql("""
                        insert into claim (uuid, code, insuree_id, health_facility_id, date_from, date_claimed, icd_id,
                                           visit_type, category, status, claimed, approved)
                        select gen_random_uuid(), :code, i.id, hf.id, :day, :day, d.id, 'O', 'C', 4, 500, 500
                          from insuree i, health_facility hf, diagnosis d
                         where i.chf_id = :chfId and i.validity_to is null
                           and hf.code = 'HF-D1' and hf.validity_to is null
                           and d.code = 'B54' and d.validity_to is null
                        returning id""")
                .param("code", code)
                .param("chfId", chfId)
                .param("day", day)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into claim_service (claim_id, service_id, status, qty_provided, price_asked)
                        select :claimId, ms.id, 1, 1, 500 from medical_service ms
                         where ms.code = 'S0001' and ms.validity_to is null""").param("claimId", claimId).update();
    }
}
