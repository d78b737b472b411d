package org.healthclaims.api.insuree;

import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthclaims.api.mutation.InputObject;
import org.healthclaims.api.mutation.Mutations;
import org.healthclaims.api.mutation.Mutations.Outcome;
import org.healthclaims.api.mutation.Mutations.Payload;
import org.healthclaims.api.security.Rights;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * openIMIS's insuree-module mutations (domain.md §5.3), each run by {@link Mutations}: right checked, scoped, atomic,
 * logged; and insureeNumberValidity, the check a front-end runs while an officer types a number.
 */
@Controller
class InsureeMutationController {

    private final Mutations mutations;
    private final FamilyWrites families;
    private final InsureeWrites insurees;

    InsureeMutationController(Mutations mutations, FamilyWrites families, InsureeWrites insurees) {
        this.mutations = mutations;
        this.families = families;
        this.insurees = insurees;
    }

    @QueryMapping
    NumberValidity insureeNumberValidity(@Argument String insureeNumber) {
        return insurees.numberValidity(insureeNumber.strip());
    }

    @MutationMapping
    Payload createFamily(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, "createFamily", Rights.FAMILY_ADD, "add families", input, (access, log) -> {
            families.create(FamilyEntry.of(InputObject.of(input), InsureeEntry.today(), true), access);
            return Outcome.DONE;
        });
    }

    @MutationMapping
    Payload updateFamily(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, "updateFamily", Rights.FAMILY_EDIT, "change families", input, (access, log) -> {
            families.update(
                    required(input, "uuid", UUID.class),
                    FamilyEntry.of(InputObject.of(input), InsureeEntry.today(), false),
                    access);
            return Outcome.DONE;
        });
    }

    @MutationMapping
    Payload deleteFamilies(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(
                context, "deleteFamilies", Rights.FAMILY_DELETE, "delete families", input, (access, log) -> {
                    families.delete(uuids(input), Boolean.TRUE.equals(input.get("deleteMembers")), access);
                    return Outcome.DONE;
                });
    }

    @MutationMapping
    Payload setFamilyHead(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, "setFamilyHead", Rights.FAMILY_EDIT, "change families", input, (access, log) -> {
            families.setHead(required(input, "uuid", UUID.class), required(input, "insureeUuid", UUID.class), access);
            return Outcome.DONE;
        });
    }

    @MutationMapping
    Payload changeInsureeFamily(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(
                context, "changeInsureeFamily", Rights.FAMILY_EDIT, "change families", input, (access, log) -> {
                    families.changeFamily(
                            required(input, "familyUuid", UUID.class),
                            required(input, "insureeUuid", UUID.class),
                            Boolean.TRUE.equals(input.get("cancelPolicies")),
                            InsureeEntry.today(),
                            access);
                    return Outcome.DONE;
                });
    }

    @MutationMapping
    Payload createInsuree(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, "createInsuree", Rights.INSUREE_ADD, "add insurees", input, (access, log) -> {
            insurees.create(InsureeEntry.of(InputObject.of(input), InsureeEntry.today()), access);
            return Outcome.DONE;
        });
    }

    @MutationMapping
    Payload updateInsuree(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, "updateInsuree", Rights.INSUREE_EDIT, "change insurees", input, (access, log) -> {
            insurees.update(
                    required(input, "uuid", UUID.class),
                    InsureeEntry.of(InputObject.of(input), InsureeEntry.today()),
                    access);
            return Outcome.DONE;
        });
    }

    @MutationMapping
    Payload deleteInsurees(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(
                context, "deleteInsurees", Rights.INSUREE_DELETE, "delete insurees", input, (access, log) -> {
                    insurees.delete(uuids(input), access);
                    return Outcome.DONE;
                });
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> uuids(Map<String, Object> input) {
        return required(input, "uuids", List.class);
    }

    private static <T> T required(Map<String, Object> input, String field, Class<T> type) {
        return InputObject.of(input).required(field, type);
    }
}
