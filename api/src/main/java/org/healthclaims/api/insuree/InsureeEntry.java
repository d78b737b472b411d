package org.healthclaims.api.insuree;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import org.healthclaims.api.guard.ApiError;
import org.healthclaims.api.mutation.InputObject;
import org.jspecify.annotations.Nullable;

/**
 * An insuree as an enrolment officer enters one (createInsuree, updateInsuree, and the head of createFamily and
 * updateFamily), checked for everything that needs no database: names and birth date given, texts within their
 * columns, the marital and insuree status codes, a birth date not after today, the JSON extension. The insurance
 * number's rules, the lookup lists, the villages and the facility are {@link InsureeWrites}' to check.
 *
 * @param path where the insuree sits in the input: empty for createInsuree, {@code headInsuree} for a family's head
 * @param head the head flag as a client sent it; a family's head changes only through setFamilyHead
 */
record InsureeEntry(
        String path,
        @Nullable String chfId,
        String lastName,
        String otherNames,
        @Nullable String genderId,
        LocalDate dob,
        @Nullable Boolean head,
        @Nullable String marital,
        @Nullable String passport,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String currentAddress,
        @Nullable String geolocation,
        @Nullable Long currentVillageId,
        boolean cardIssued,
        @Nullable Integer relationshipId,
        @Nullable Integer professionId,
        @Nullable Integer educationId,
        @Nullable String typeOfIdId,
        @Nullable Long healthFacilityId,
        @Nullable Boolean offline,
        @Nullable String jsonExt,
        String status,
        @Nullable String statusReason,
        @Nullable LocalDate statusDate,
        @Nullable Long familyId) {

    /** The insuree_marital_ck set: married, single, divorced, widowed, not specified. */
    static final Set<String> MARITAL = Set.of("M", "S", "D", "W", "N");
    /** The insuree_status_ck set: active, inactive, dead (domain.md §2.4). */
    static final Set<String> STATUSES = Set.of("AC", "IN", "DE");
    /**
     * A bound on the codes read here: an unknown code of any length is answered as unknown (INVALID_STATUS,
     * GENDER_NOT_FOUND...), not as too long.
     */
    static final int CODE = 50;

    static InsureeEntry of(InputObject input, LocalDate today) {
        // the number's own rules need the configuration and, for "taken", the database: InsureeWrites checks them
        String chfId = input.text("chfId", InsureeNumberRules.MAX_LENGTH);
        String lastName = input.requiredText("lastName", 100);
        String otherNames = input.requiredText("otherNames", 100);
        LocalDate dob = input.date("dob");
        if (dob == null) throw input.missing("dob");
        notAfter(dob, today, input, "dob");
        String marital = input.text("marital", CODE);
        if (marital != null && !MARITAL.contains(marital))
            throw ApiError.badRequest(
                    "INVALID_MARITAL",
                    input.at("marital"),
                    "Marital status is M (married), S (single), D (divorced), W (widowed) or N (not specified)");
        String status = Objects.requireNonNullElse(input.text("status", CODE), "AC");
        if (!STATUSES.contains(status))
            throw ApiError.badRequest(
                    "INVALID_STATUS", input.at("status"), "Status is AC (active), IN (inactive) or DE (dead)");
        LocalDate statusDate = input.date("statusDate");
        if (statusDate != null) notAfter(statusDate, today, input, "statusDate");
        return new InsureeEntry(
                input.path(),
                chfId,
                lastName,
                otherNames,
                input.text("genderId", CODE),
                dob,
                input.flag("head"),
                marital,
                input.text("passport", 25),
                input.text("phone", 50),
                input.text("email", 100),
                input.text("currentAddress", 200),
                input.text("geolocation", 250),
                input.id("currentVillageId"),
                Boolean.TRUE.equals(input.flag("cardIssued")),
                input.integer("relationshipId"),
                input.integer("professionId"),
                input.integer("educationId"),
                input.text("typeOfIdId", CODE),
                input.id("healthFacilityId"),
                input.flag("offline"),
                input.json("jsonExt"),
                status,
                input.text("statusReason", CODE),
                statusDate,
                input.id("familyId"));
    }

    /** The path of {@code field} within the mutation's input. */
    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.systemDefault());
    }

    private static void notAfter(LocalDate date, LocalDate today, InputObject input, String field) {
        if (date.isAfter(today))
            throw ApiError.badRequest(
                    "DATE_IN_FUTURE",
                    input.at(field),
                    input.at(field) + " " + date + " is after today (" + today + ")");
    }
}
