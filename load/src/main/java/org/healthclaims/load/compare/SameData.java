package org.healthclaims.load.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The data of an answer without its representation, so that three systems can be held to the same result: codes,
 * chfIds and names as strings, amounts and quantities as decimals without trailing zeros ("2.00" = 2), lines in their
 * order. Global ids, cursors and page info differ by design between servers and are left out. Every list compared has
 * a total order on all three sides (claims newest claimed then highest id, insurees and lines by id), so lists are
 * compared in order.
 */
final class SameData {

    /** One line of a claim: the item's or service's code, the quantity and the price asked. */
    record Line(String code, BigDecimal quantity, BigDecimal price) {}

    /** A claim as the claims page and the claim by code show it; the family head only on the page. */
    record Claim(
            String code,
            int status,
            String dateClaimed,
            @Nullable BigDecimal claimed,
            String insureeChfId,
            @Nullable String familyHeadChfId,
            String healthFacilityCode,
            String icdCode,
            List<Line> items,
            List<Line> services) {

        Claim {
            items = List.copyOf(items);
            services = List.copyOf(services);
        }
    }

    /** An insuree as the search lists it. */
    record Insuree(
            String chfId,
            String lastName,
            String otherNames,
            @Nullable String dob,
            boolean head) {}

    private SameData() {}

    /** The facts of a GraphQL answer (or the hand-written statement's JSON) to {@code query}, in the answer's order. */
    static List<Record> facts(Query query, JsonNode answer) {
        JsonNode errors = answer.path("errors");
        JsonNode connection = answer.path("data").path(query.root);
        if (!errors.isMissingNode() || !connection.isObject())
            throw new IllegalStateException(
                    "no " + query.root + " in the answer to " + query.letter + ": " + excerpt(answer.toString()));
        List<Record> facts = new ArrayList<>();
        for (JsonNode edge : connection.path("edges")) {
            JsonNode node = edge.path("node");
            facts.add(query == Query.INSUREE_SEARCH ? insuree(node) : claim(node));
        }
        return facts;
    }

    /**
     * The first difference between two systems' facts, described for a person ("A: PostGraphile's claim 3 is ... where
     * ours is ..."), or empty when they are the same.
     */
    static Optional<String> difference(
            Query query, String name, List<Record> facts, String otherName, List<Record> otherFacts) {
        for (int i = 0; i < Math.min(facts.size(), otherFacts.size()); i++)
            if (!facts.get(i).equals(otherFacts.get(i)))
                return Optional.of(String.format(
                        "%s: row %d differs:%n  %s: %s%n  %s: %s",
                        query.letter, i + 1, name, facts.get(i), otherName, otherFacts.get(i)));
        if (facts.size() != otherFacts.size())
            return Optional.of(String.format(
                    "%s: %s answered %d rows, %s %d", query.letter, name, facts.size(), otherName, otherFacts.size()));
        return Optional.empty();
    }

    /** "100 claims, 497 lines" or "20 insurees", for the report. */
    static String summary(List<Record> facts) {
        long lines = 0;
        for (Record r : facts)
            if (r instanceof Claim c) lines += c.items().size() + c.services().size();
        if (!facts.isEmpty() && facts.getFirst() instanceof Insuree) return facts.size() + " insurees";
        return facts.size() + (facts.size() == 1 ? " claim, " : " claims, ") + lines + " lines";
    }

    private static Claim claim(JsonNode node) {
        String head =
                text(node.path("insuree").path("family").path("headInsuree").path("chfId"));
        return new Claim(
                required(node, "code"),
                node.path("status").asInt(),
                required(node, "dateClaimed"),
                decimal(node.path("claimed")),
                required(node.path("insuree"), "chfId"),
                head,
                required(node.path("healthFacility"), "code"),
                required(node.path("icd"), "code"),
                lines(node.path("items"), "item"),
                lines(node.path("services"), "service"));
    }

    private static Insuree insuree(JsonNode node) {
        return new Insuree(
                required(node, "chfId"),
                required(node, "lastName"),
                required(node, "otherNames"),
                text(node.path("dob")),
                node.path("head").asBoolean());
    }

    /** Lines as a list (our server, the SQL) or as a connection's nodes (PostGraphile has no plain list fields). */
    private static List<Line> lines(JsonNode field, String medical) {
        JsonNode list = field.isArray() ? field : field.path("nodes");
        List<Line> lines = new ArrayList<>();
        for (JsonNode line : list)
            lines.add(new Line(
                    required(line.path(medical), "code"),
                    requiredDecimal(line, "qtyProvided"),
                    requiredDecimal(line, "priceAsked")));
        return lines;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node.path(field));
        if (value == null) throw new IllegalStateException("no " + field + " in " + excerpt(node.toString()));
        return value;
    }

    private static BigDecimal requiredDecimal(JsonNode node, String field) {
        BigDecimal value = decimal(node.path(field));
        if (value == null) throw new IllegalStateException("no " + field + " in " + excerpt(node.toString()));
        return value;
    }

    private static @Nullable String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    /**
     * Decimals arrive as strings ("500.00", both servers) or JSON numbers; equal values compare equal either way, and
     * print plainly (500, not 5E+2).
     */
    static @Nullable BigDecimal decimal(JsonNode value) {
        String text = text(value);
        if (text == null) return null;
        BigDecimal stripped = new BigDecimal(text).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
