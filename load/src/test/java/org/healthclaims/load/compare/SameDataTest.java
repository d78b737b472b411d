package org.healthclaims.load.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SameDataTest {

    static final String OURS = """
            {"data":{"claims":{"totalCount":2,"edges":[
              {"cursor":"x","node":{"id":"Q2xhaW06MQ==","code":"D1-2","status":2,"dateClaimed":"2026-11-20",
                "claimed":"260.00","insuree":{"chfId":"G2","family":{"headInsuree":{"chfId":"G1"}}},
                "healthFacility":{"code":"HF-1","name":"One"},"icd":{"code":"A00"},
                "items":[{"qtyProvided":"2.00","priceAsked":"10.00","item":{"code":"I0001"}}],
                "services":[{"qtyProvided":"1.00","priceAsked":"240.00","service":{"code":"S0001"}}]}},
              {"cursor":"y","node":{"id":"Q2xhaW06Mg==","code":"D1-1","status":2,"dateClaimed":"2026-11-19",
                "claimed":"5.00","insuree":{"chfId":"G1","family":{"headInsuree":{"chfId":"G1"}}},
                "healthFacility":{"code":"HF-1","name":"One"},"icd":{"code":"B01"},
                "items":[],"services":[{"qtyProvided":"1.00","priceAsked":"5.00","service":{"code":"S0002"}}]}}]}}}""";

    /** PostGraphile: other global ids and cursors, lines as connections, amounts as it prints them. */
    static final String PEER = """
            {"data":{"claims":{"totalCount":2,"edges":[
              {"cursor":"WyJh","node":{"id":"WyJDbGFpbSIsIjEiXQ==","code":"D1-2","status":2,"dateClaimed":"2026-11-20",
                "claimed":"260","insuree":{"chfId":"G2","family":{"headInsuree":{"chfId":"G1"}}},
                "healthFacility":{"code":"HF-1","name":"One"},"icd":{"code":"A00"},
                "items":{"nodes":[{"qtyProvided":"2","priceAsked":"10.0","item":{"code":"I0001"}}]},
                "services":{"nodes":[{"qtyProvided":"1.00","priceAsked":"240.00","service":{"code":"S0001"}}]}}},
              {"cursor":"WyJi","node":{"id":"WyJDbGFpbSIsIjIiXQ==","code":"D1-1","status":2,"dateClaimed":"2026-11-19",
                "claimed":5,"insuree":{"chfId":"G1","family":{"headInsuree":{"chfId":"G1"}}},
                "healthFacility":{"code":"HF-1","name":"One"},"icd":{"code":"B01"},
                "items":{"nodes":[]},
                "services":{"nodes":[{"qtyProvided":"1","priceAsked":"5","service":{"code":"S0002"}}]}}}]}}}""";

    @Test
    void the_same_claims_written_two_ways_are_the_same_data() {
        List<Record> ours = SameData.facts(Query.CLAIMS_PAGE, json(OURS));
        List<Record> peer = SameData.facts(Query.CLAIMS_PAGE, json(PEER));

        assertThat(SameData.difference(Query.CLAIMS_PAGE, "ours", ours, "PostGraphile", peer))
                .isEmpty();
        assertThat(ours).hasSize(2);
        assertThat(ours.getFirst())
                .isEqualTo(new SameData.Claim(
                        "D1-2",
                        2,
                        "2026-11-20",
                        new BigDecimal("260"),
                        "G2",
                        "G1",
                        "HF-1",
                        "A00",
                        List.of(new SameData.Line("I0001", new BigDecimal("2"), new BigDecimal("10"))),
                        List.of(new SameData.Line("S0001", BigDecimal.ONE, new BigDecimal("240")))));
        assertThat(SameData.summary(ours)).isEqualTo("2 claims, 3 lines");
    }

    @Test
    void a_different_quantity_is_reported_with_its_row_and_both_values() {
        List<Record> ours = SameData.facts(Query.CLAIMS_PAGE, json(OURS));
        List<Record> peer =
                SameData.facts(Query.CLAIMS_PAGE, json(PEER.replace("\"qtyProvided\":\"2\"", "\"qtyProvided\":\"3\"")));

        String difference = SameData.difference(Query.CLAIMS_PAGE, "ours", ours, "PostGraphile", peer)
                .orElseThrow();

        assertThat(difference)
                .startsWith("A: row 1 differs:")
                .contains("ours: Claim[code=D1-2", "quantity=2,", "PostGraphile: Claim[code=D1-2", "quantity=3,");
    }

    @Test
    void claims_in_another_order_differ() {
        List<Record> ours = SameData.facts(Query.CLAIMS_PAGE, json(OURS));

        assertThat(SameData.difference(Query.CLAIMS_PAGE, "ours", ours, "PostGraphile", ours.reversed()))
                .hasValueSatisfying(d -> assertThat(d).startsWith("A: row 1 differs"));
    }

    @Test
    void a_missing_row_is_reported_as_counts() {
        List<Record> ours = SameData.facts(Query.CLAIMS_PAGE, json(OURS));

        assertThat(SameData.difference(Query.CLAIMS_PAGE, "ours", ours, "PostgreSQL alone", ours.subList(0, 1)))
                .contains("A: ours answered 2 rows, PostgreSQL alone 1");
    }

    @Test
    void insurees_compare_by_number_names_birth_date_and_head() {
        String ours = """
                {"data":{"insurees":{"edges":[{"node":{"id":"a","chfId":"G9","lastName":"Odhiambo",
                  "otherNames":"Kesi","dob":"1987-09-12","head":true}}]}}}""";
        String other = ours.replace("\"id\":\"a\"", "\"id\":9").replace("Kesi", "Baraka");

        List<Record> facts = SameData.facts(Query.INSUREE_SEARCH, json(ours));

        assertThat(facts).containsExactly(new SameData.Insuree("G9", "Odhiambo", "Kesi", "1987-09-12", true));
        assertThat(SameData.summary(facts)).isEqualTo("1 insurees");
        assertThat(SameData.difference(
                        Query.INSUREE_SEARCH,
                        "ours",
                        facts,
                        "PostGraphile",
                        SameData.facts(Query.INSUREE_SEARCH, json(other))))
                .hasValueSatisfying(d -> assertThat(d).contains("otherNames=Kesi", "otherNames=Baraka"));
    }

    @Test
    void an_answer_with_errors_is_refused() {
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        SameData.facts(Query.CLAIM_BY_CODE, json("{\"errors\":[{\"message\":\"no\"}],\"data\":null}")))
                .withMessageContaining("no claims in the answer to C");
    }

    @Test
    void decimals_equal_in_value_are_equal_whatever_their_scale() {
        assertThat(SameData.decimal(json("\"500.00\""))).isEqualTo(SameData.decimal(json("500")));
        assertThat(SameData.decimal(json("\"0.00\""))).isEqualTo(BigDecimal.ZERO);
        assertThat(SameData.decimal(json("null"))).isNull();
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
