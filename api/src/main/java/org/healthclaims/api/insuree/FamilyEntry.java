package org.healthclaims.api.insuree;

import java.time.LocalDate;
import org.healthclaims.api.mutation.InputObject;
import org.jspecify.annotations.Nullable;

/**
 * A family as createFamily and updateFamily give it, checked for what needs no database: the village given, texts
 * within their columns, the JSON extension, and its head (an {@link InsureeEntry} at {@code headInsuree}). The
 * village in the caller's scope and the lookup lists are {@link FamilyWrites}' to check.
 *
 * @param head the head insuree: required to create a family; on update, when given, the current head's new details
 */
record FamilyEntry(
        long locationId,
        @Nullable Boolean poverty,
        @Nullable String familyTypeId,
        @Nullable String address,
        @Nullable Boolean isOffline,
        @Nullable String ethnicity,
        @Nullable String confirmationNo,
        @Nullable String confirmationTypeId,
        @Nullable String jsonExt,
        @Nullable InsureeEntry head) {

    static FamilyEntry of(InputObject input, LocalDate today, boolean headRequired) {
        long locationId = input.requiredId("locationId");
        InputObject head = input.nested("headInsuree");
        if (head == null && headRequired) throw input.missing("headInsuree");
        return new FamilyEntry(
                locationId,
                input.flag("poverty"),
                input.text("familyTypeId", InsureeEntry.CODE),
                input.text("address", 200),
                input.flag("isOffline"),
                input.text("ethnicity", 1),
                input.text("confirmationNo", 12),
                input.text("confirmationTypeId", InsureeEntry.CODE),
                input.json("jsonExt"),
                head == null ? null : InsureeEntry.of(head, today));
    }
}
