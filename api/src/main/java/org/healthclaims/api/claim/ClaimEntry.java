package org.healthclaims.api.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.healthclaims.api.guard.ApiError;
import org.healthclaims.api.mutation.InputObject;
import org.jspecify.annotations.Nullable;

/**
 * A claim as a facility enters it (createClaim, updateClaim), checked for everything that needs no database:
 * required fields, dates (from ≤ to ≤ today), code length, visit type, text lengths, quantities, prices and
 * openIMIS's explanation rule. What needs the database (the insuree and the facility in scope, the registers, the
 * code still free) is {@link ClaimWrites}' to check.
 */
record ClaimEntry(
        @Nullable UUID uuid,
        @Nullable String code,
        boolean autogenerate,
        long insureeId,
        LocalDate dateFrom,
        @Nullable LocalDate dateTo,
        LocalDate dateClaimed,
        long icdId,
        List<@Nullable Long> secondaryIcdIds,
        long healthFacilityId,
        @Nullable Long referFromId,
        @Nullable Long referToId,
        @Nullable String visitType,
        @Nullable Long adminId,
        @Nullable String guaranteeId,
        @Nullable String explanation,
        @Nullable String jsonExt,
        @Nullable String careType,
        @Nullable Boolean preAuthorization,
        @Nullable String patientCondition,
        @Nullable String referralCode,
        List<Line> items,
        List<Line> services) {

    /** openIMIS's max_claim_length default. */
    static final int MAX_CODE_LENGTH = 20;
    /** A bound on free text (the columns are text) so one request cannot store megabytes. */
    static final int MAX_TEXT = 4000;
    /** numeric(18,2): 16 digits before the point. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999999.99");

    private static final Set<String> VISIT_TYPES = Set.of("E", "R", "O");

    /** One item or service line: the register row, quantity and unit price asked, the facility's explanation. */
    record Line(
            long medicalId,
            BigDecimal qtyProvided,
            BigDecimal priceAsked,
            @Nullable String explanation) {

        BigDecimal amount() {
            return qtyProvided.multiply(priceAsked);
        }
    }

    /** The claimed amount: Σ quantity × price asked (domain.md §4.0.7). */
    BigDecimal claimed() {
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : items) total = total.add(line.amount());
        for (Line line : services) total = total.add(line.amount());
        return total.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static ClaimEntry of(Map<String, Object> values, LocalDate today) {
        InputObject input = InputObject.of(values);
        boolean autogenerate = Boolean.TRUE.equals(input.flag("autogenerate"));
        String code = input.text("code", Integer.MAX_VALUE);
        if (!autogenerate) {
            if (code == null) throw ApiError.badRequest("REQUIRED", "code", "A claim needs a code (or autogenerate)");
            if (code.length() > MAX_CODE_LENGTH)
                throw ApiError.badRequest(
                        "CLAIM_CODE_TOO_LONG",
                        "code",
                        "A claim code has at most " + MAX_CODE_LENGTH + " characters, not " + code.length());
        }
        LocalDate dateFrom = input.required("dateFrom", LocalDate.class);
        LocalDate dateTo = input.date("dateTo");
        LocalDate dateClaimed = input.required("dateClaimed", LocalDate.class);
        notAfterToday(dateFrom, "dateFrom", today);
        if (dateTo != null) {
            if (dateTo.isBefore(dateFrom))
                throw ApiError.badRequest(
                        "DATE_TO_BEFORE_DATE_FROM",
                        "dateTo",
                        "The claim ends (" + dateTo + ") before it starts (" + dateFrom + ")");
            notAfterToday(dateTo, "dateTo", today);
        }
        notAfterToday(dateClaimed, "dateClaimed", today);
        String visitType = input.text("visitType", MAX_TEXT);
        if (visitType != null && !VISIT_TYPES.contains(visitType))
            throw ApiError.badRequest(
                    "INVALID_VISIT_TYPE", "visitType", "Visit type is E (emergency), R (referral) or O (other)");
        List<Line> items = lines(input.list("items"), "itemId", false);
        List<Line> services = lines(input.list("services"), "serviceId", true);
        if (items.isEmpty() && services.isEmpty())
            throw ApiError.badRequest("CLAIM_WITHOUT_LINES", "items", "A claim needs at least one item or service");
        ClaimEntry entry = new ClaimEntry(
                (UUID) values.get("uuid"),
                autogenerate ? null : code,
                autogenerate,
                input.requiredId("insureeId"),
                dateFrom,
                dateTo,
                dateClaimed,
                input.requiredId("icdId"),
                Arrays.asList(input.id("icd1Id"), input.id("icd2Id"), input.id("icd3Id"), input.id("icd4Id")),
                input.requiredId("healthFacilityId"),
                input.id("referFromId"),
                input.id("referToId"),
                visitType,
                input.id("adminId"),
                input.text("guaranteeId", 50),
                input.text("explanation", MAX_TEXT),
                input.json("jsonExt"),
                input.text("careType", 4),
                input.flag("preAuthorization"),
                input.text("patientCondition", 2),
                input.text("referralCode", 50),
                items,
                services);
        if (entry.claimed().compareTo(MAX_AMOUNT) > 0)
            throw ApiError.badRequest("AMOUNT_TOO_LARGE", "items", "The claimed total is too large");
        return entry;
    }

    private static void notAfterToday(LocalDate date, String field, LocalDate today) {
        if (date.isAfter(today))
            throw ApiError.badRequest("DATE_IN_FUTURE", field, field + " " + date + " is after today (" + today + ")");
    }

    private static List<Line> lines(List<InputObject> rows, String idField, boolean explanationForQuantity) {
        List<Line> lines = new ArrayList<>();
        for (InputObject row : rows) {
            BigDecimal qty = row.required("qtyProvided", BigDecimal.class);
            BigDecimal price = row.required("priceAsked", BigDecimal.class);
            if (qty.signum() <= 0)
                throw ApiError.badRequest(
                        "QUANTITY_NOT_POSITIVE", row.at("qtyProvided"), "A quantity must be more than 0, not " + qty);
            if (qty.stripTrailingZeros().scale() > 2 || qty.compareTo(MAX_AMOUNT) > 0)
                throw ApiError.badRequest(
                        "QUANTITY_INVALID", row.at("qtyProvided"), "A quantity has at most 2 decimals: " + qty);
            amount(price, row.at("priceAsked"));
            String explanation = row.text("explanation", MAX_TEXT);
            // openIMIS's claim_validation_multiple_services_explanation_required, on by default
            if (explanationForQuantity && qty.compareTo(BigDecimal.ONE) > 0 && explanation == null)
                throw ApiError.badRequest(
                        "EXPLANATION_REQUIRED",
                        row.at("explanation"),
                        "A service given more than once needs an explanation");
            lines.add(new Line(row.requiredId(idField), qty, price, explanation));
        }
        return lines;
    }

    /** A price or an amount: not negative, at most 2 decimals, within numeric(18,2). */
    static BigDecimal amount(BigDecimal value, String field) {
        if (value.signum() < 0)
            throw ApiError.badRequest("PRICE_NEGATIVE", field, "A price cannot be negative: " + value);
        if (value.stripTrailingZeros().scale() > 2)
            throw ApiError.badRequest("PRICE_PRECISION", field, "A price has at most 2 decimals: " + value);
        if (value.compareTo(MAX_AMOUNT) > 0)
            throw ApiError.badRequest("PRICE_TOO_LARGE", field, "A price is at most " + MAX_AMOUNT);
        return value;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.systemDefault());
    }
}
