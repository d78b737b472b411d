package org.healthclaims.api.insuree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.healthclaims.api.testing.GraphQlClient;
import org.healthclaims.api.testing.GraphQlClient.Answer;
import org.healthclaims.api.testing.RowCounts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The insuree-module mutations as a front-end sends them, for the tests: one document per mutation with its input
 * as a variable, logged in as a demo user (tokens kept for the run: a login costs a BCrypt hash), plus the families
 * and insurees the tests create for themselves so that no test changes the demo rows others read.
 */
final class Enrolment {

    static final String ADMIN = "Admin";
    static final String OFFICER = "enrolment";
    static final String VIEWER = "viewer";

    private static final Map<String, String> PASSWORDS =
            Map.of(ADMIN, "admin123", OFFICER, "enrolment123", VIEWER, "viewer123");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    /** The input type of each mutation. */
    private static final Map<String, String> INPUT_TYPES = Map.of(
            "createFamily", "CreateFamilyMutationInput",
            "updateFamily", "UpdateFamilyMutationInput",
            "deleteFamilies", "DeleteFamiliesMutationInput",
            "setFamilyHead", "SetFamilyHeadMutationInput",
            "changeInsureeFamily", "ChangeInsureeFamilyMutationInput",
            "createInsuree", "CreateInsureeMutationInput",
            "updateInsuree", "UpdateInsureeMutationInput",
            "deleteInsurees", "DeleteInsureesMutationInput");

    private final GraphQlClient client;
    private final JdbcClient sql;
    private final String baseUrl;

    Enrolment(GraphQlClient client, JdbcClient sql, int port) {
        this.client = client;
        this.sql = sql;
        this.baseUrl = "127.0.0.1:" + port;
    }

    /** A family created here and its head. */
    record Family(long id, UUID uuid, long headId, UUID headUuid, String headChfId) {}

    /** Runs {@code mutation} as {@code user}; the input gets a fresh clientMutationId unless it has one. */
    Answer run(String user, String mutation, Map<String, Object> input) {
        Map<String, Object> withId = new LinkedHashMap<>(input);
        withId.putIfAbsent("clientMutationId", UUID.randomUUID().toString());
        String document = "mutation($input: " + INPUT_TYPES.get(mutation) + "!) { " + mutation
                + "(input: $input) { clientMutationId internalId } }";
        return client.post(document, Map.of("input", withId), GraphQlClient.bearer(token(user)));
    }

    /** Runs a mutation that must succeed; answers its mutation log id. */
    String succeed(String user, String mutation, Map<String, Object> input) {
        Answer answer = run(user, mutation, input);
        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.data().path(mutation).path("internalId").asString();
    }

    /**
     * Runs a mutation that must be refused, and checks what every refusal must hold: one error, no row of any table
     * changed, and the failure in the mutation log (status 1, with the error's code). Answers the error's extensions.
     */
    JsonNode refuse(String user, String mutation, Map<String, Object> input) {
        String clientMutationId = UUID.randomUUID().toString();
        Map<String, Object> withId = new HashMap<>(input);
        withId.put("clientMutationId", clientMutationId);
        Map<String, Long> before = RowCounts.of(sql);

        Answer answer = run(user, mutation, withId);

        assertThat(answer.errors()).as(answer.body().toString()).hasSize(1);
        assertThat(RowCounts.of(sql)).isEqualTo(before);
        JsonNode extensions = answer.errors().get(0).path("extensions");
        Logged logged = logged(clientMutationId);
        assertThat(logged.status()).isEqualTo(1);
        assertThat(logged.error())
                .contains("\"code\":\"" + extensions.path("code").asString() + "\"");
        return extensions;
    }

    /** The classification, code and field (null: none) of a refusal's extensions. */
    static void assertRefusal(JsonNode extensions, String classification, String code, @Nullable String field) {
        assertThat(extensions.path("classification").asString())
                .as(extensions.toString())
                .isEqualTo(classification);
        assertThat(extensions.path("code").asString()).as(extensions.toString()).isEqualTo(code);
        assertThat(extensions.path("field").asString(null))
                .as(extensions.toString())
                .isEqualTo(field);
    }

    /** Runs a query as {@code user}, which must answer without errors. */
    JsonNode query(String user, String document, Map<String, Object> variables) {
        Answer answer = client.post(document, variables, GraphQlClient.bearer(token(user)));
        assertThat(answer.errors().isMissingNode()).as(answer.body().toString()).isTrue();
        return answer.data();
    }

    /** A free, valid insurance number: 9 digits from 8, a range neither the demo nor the volume data uses. */
    static String newChfId() {
        return Integer.toString(800_000_000 + ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A valid head (or member) of a family, as openIMIS's JMeter plan sends one. */
    static Map<String, Object> person(String chfId) {
        Map<String, Object> person = new HashMap<>();
        person.put("chfId", chfId);
        person.put("lastName", "Test");
        person.put("otherNames", "Amina");
        person.put("genderId", "F");
        person.put("dob", "1988-10-23");
        person.put("cardIssued", false);
        person.put("status", "AC");
        person.put("jsonExt", "{}");
        return person;
    }

    /** A valid createFamily input in village {@code villageCode}, with a head of number {@code chfId}. */
    Map<String, Object> familyInput(String villageCode, String chfId) {
        Map<String, Object> family = new HashMap<>();
        family.put("locationId", locationId(villageCode));
        family.put("poverty", false);
        family.put("familyTypeId", "H");
        family.put("jsonExt", "{}");
        Map<String, Object> head = person(chfId);
        head.put("head", true);
        family.put("headInsuree", head);
        return family;
    }

    /** Creates a family in {@code villageCode} as Admin. */
    Family newFamily(String villageCode) {
        String chfId = newChfId();
        succeed(ADMIN, "createFamily", familyInput(villageCode, chfId));
        return familyOf(chfId);
    }

    /** Adds a member to a family as Admin; answers the member's uuid. */
    UUID newMember(Family family, String chfId) {
        succeed(ADMIN, "createInsuree", member(family, chfId));
        return insureeUuid(chfId);
    }

    /** A valid createInsuree input: a member of {@code family}. */
    static Map<String, Object> member(Family family, String chfId) {
        Map<String, Object> member = person(chfId);
        member.put("familyId", (int) family.id());
        member.put("genderId", "M");
        member.put("otherNames", "Juma");
        return member;
    }

    Family familyOf(String headChfId) {
        return sql.sql("""
                        select f.id, f.uuid, i.id as head_id, i.uuid as head_uuid, i.chf_id
                          from family f join insuree i on i.id = f.head_insuree_id
                         where i.chf_id = :chfId and f.validity_to is null and i.validity_to is null""")
                .param("chfId", headChfId)
                .query((rs, n) -> new Family(
                        rs.getLong("id"),
                        rs.getObject("uuid", UUID.class),
                        rs.getLong("head_id"),
                        rs.getObject("head_uuid", UUID.class),
                        rs.getString("chf_id")))
                .single();
    }

    UUID insureeUuid(String chfId) {
        return sql.sql("select uuid from insuree where chf_id = :chfId and validity_to is null")
                .param("chfId", chfId)
                .query(UUID.class)
                .single();
    }

    int locationId(String code) {
        return sql.sql("select id from location where code = :code and validity_to is null")
                .param("code", code)
                .query(Integer.class)
                .single();
    }

    long userId(String login) {
        return sql.sql("select id from app_user where login_name = :login and validity_to is null")
                .param("login", login)
                .query(Long.class)
                .single();
    }

    /** The status and error the mutation log holds for a clientMutationId. */
    record Logged(int status, String error) {}

    Logged logged(String clientMutationId) {
        return sql.sql("select status, coalesce(error, '') as error from mutation_log where client_mutation_id = :id")
                .param("id", clientMutationId)
                .query((rs, n) -> new Logged(rs.getInt("status"), rs.getString("error")))
                .single();
    }

    private String token(String user) {
        return TOKENS.computeIfAbsent(
                baseUrl + "/" + user, key -> client.login(user, PASSWORDS.getOrDefault(user, user + "123")));
    }
}
