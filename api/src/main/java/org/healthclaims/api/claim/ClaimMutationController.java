package org.healthclaims.api.claim;

import graphql.GraphQLContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.healthclaims.api.guard.ApiError;
import org.healthclaims.api.mutation.InputObject;
import org.healthclaims.api.mutation.Mutations;
import org.healthclaims.api.mutation.Mutations.Outcome;
import org.healthclaims.api.mutation.Mutations.Payload;
import org.healthclaims.api.relay.GlobalId;
import org.healthclaims.api.security.Rights;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** openIMIS's claim mutations (domain.md §5.3), each run by {@link Mutations}: checked, scoped, atomic, logged. */
@Controller
class ClaimMutationController {

    private final Mutations mutations;
    private final ClaimWrites writes;

    ClaimMutationController(Mutations mutations, ClaimWrites writes) {
        this.mutations = mutations;
        this.writes = writes;
    }

    @QueryMapping
    boolean validateClaimCode(@Argument String claimCode) {
        return writes.codeIsFree(claimCode.strip());
    }

    @MutationMapping
    Payload createClaim(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, "createClaim", Rights.CLAIM_ADD, "enter claims", input, (access, log) -> {
            writes.create(ClaimEntry.of(input, ClaimEntry.today()), access);
            return Outcome.DONE;
        });
    }

    @MutationMapping
    Payload updateClaim(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, "updateClaim", Rights.CLAIM_UPDATE, "change claims", input, (access, log) -> {
            writes.update(ClaimEntry.of(input, ClaimEntry.today()), access);
            return Outcome.DONE;
        });
    }

    @MutationMapping
    Payload deleteClaims(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, "deleteClaims", Rights.CLAIM_DELETE, "delete claims", input, (access, log) -> {
            writes.delete(uuids(input), access);
            return Outcome.DONE;
        });
    }

    @MutationMapping
    Payload submitClaims(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, "submitClaims", Rights.CLAIM_SUBMIT, "submit claims", input, (access, log) -> {
            writes.submit(uuids(input), access, log);
            return Outcome.HANDED_OFF;
        });
    }

    @MutationMapping
    Payload processClaims(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, "processClaims", Rights.CLAIM_PROCESS, "process claims", input, (access, log) -> {
            writes.process(uuids(input), access, log);
            return Outcome.HANDED_OFF;
        });
    }

    @MutationMapping
    Payload selectClaimsForReview(@Argument Map<String, Object> input, GraphQLContext context) {
        return reviewStatus("selectClaimsForReview", 4, input, context);
    }

    @MutationMapping
    Payload skipClaimsReview(@Argument Map<String, Object> input, GraphQLContext context) {
        return reviewStatus("skipClaimsReview", 2, input, context);
    }

    @MutationMapping
    Payload bypassClaimsReview(@Argument Map<String, Object> input, GraphQLContext context) {
        return reviewStatus("bypassClaimsReview", 16, input, context);
    }

    @MutationMapping
    Payload deliverClaimsReview(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(
                context, "deliverClaimsReview", Rights.CLAIM_REVIEW, "review claims", input, (access, log) -> {
                    writes.deliverReview(uuids(input), access, log);
                    return Outcome.DONE;
                });
    }

    @MutationMapping
    Payload saveClaimReview(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, "saveClaimReview", Rights.CLAIM_REVIEW, "review claims", input, (access, log) -> {
            List<ClaimWrites.LineReview> lines = new ArrayList<>();
            lines.addAll(lineReviews(input, "items"));
            lines.addAll(lineReviews(input, "services"));
            writes.saveReview(
                    InputObject.of(input).required("claimUuid", UUID.class),
                    InputObject.of(input).text("adjustment", ClaimEntry.MAX_TEXT),
                    lines,
                    Boolean.TRUE.equals(input.get("submitReview")),
                    access,
                    log);
            return Outcome.DONE;
        });
    }

    @MutationMapping
    Payload selectClaimsForFeedback(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(
                context,
                "selectClaimsForFeedback",
                Rights.CLAIM_UPDATE,
                "select claims for feedback",
                input,
                (access, log) -> {
                    writes.selectForFeedback(uuids(input), access);
                    return Outcome.DONE;
                });
    }

    @MutationMapping
    Payload skipClaimsFeedback(@Argument Map<String, Object> input, GraphQLContext context) {
        return closeFeedback("skipClaimsFeedback", 2, input, context);
    }

    @MutationMapping
    Payload bypassClaimsFeedback(@Argument Map<String, Object> input, GraphQLContext context) {
        return closeFeedback("bypassClaimsFeedback", 16, input, context);
    }

    @MutationMapping
    Payload deliverClaimFeedback(@Argument Map<String, Object> input, GraphQLContext context) {
        return mutations.run(
                context,
                "deliverClaimFeedback",
                Rights.CLAIM_FEEDBACK,
                "record feedback on claims",
                input,
                (access, log) -> {
                    @SuppressWarnings("unchecked")
                    InputObject feedback = Objects.requireNonNull(
                            InputObject.of(input).nested("feedback"), "the schema requires feedback");
                    Integer asessment = feedback.integer("asessment");
                    if (asessment != null && (asessment < 0 || asessment > 5))
                        throw ApiError.badRequest(
                                "ASSESSMENT_OUT_OF_RANGE", "feedback.asessment", "The assessment is 0 to 5");
                    writes.deliverFeedback(
                            InputObject.of(input).required("claimUuid", UUID.class),
                            new ClaimWrites.Feedback(
                                    feedback.flag("careRendered"),
                                    feedback.flag("paymentAsked"),
                                    feedback.flag("drugPrescribed"),
                                    feedback.flag("drugReceived"),
                                    asessment,
                                    feedback.id("officerId"),
                                    (OffsetDateTime) feedback.values().get("feedbackDate")),
                            access);
                    return Outcome.DONE;
                });
    }

    private Payload reviewStatus(String name, int status, Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, name, Rights.CLAIM_UPDATE, "select claims for review", input, (access, log) -> {
            writes.setReviewStatus(uuids(input), status, access);
            return Outcome.DONE;
        });
    }

    private Payload closeFeedback(String name, int status, Map<String, Object> input, GraphQLContext context) {
        return mutations.run(context, name, Rights.CLAIM_UPDATE, "select claims for feedback", input, (access, log) -> {
            writes.closeFeedback(uuids(input), status, access);
            return Outcome.DONE;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> uuids(Map<String, Object> input) {
        return InputObject.of(input).required("uuids", List.class);
    }

    private static List<ClaimWrites.LineReview> lineReviews(Map<String, Object> input, String list) {
        List<ClaimWrites.LineReview> reviews = new ArrayList<>();
        List<InputObject> rows = InputObject.of(input).list(list);
        for (int i = 0; i < rows.size(); i++) {
            InputObject row = rows.get(i);
            BigDecimal qty = (BigDecimal) row.values().get("qtyApproved");
            if (qty != null && (qty.signum() < 0 || qty.stripTrailingZeros().scale() > 2))
                throw ApiError.badRequest(
                        "QUANTITY_INVALID",
                        row.at("qtyApproved"),
                        "An approved quantity is 0 or more, with at most 2 decimals: " + qty);
            BigDecimal price = (BigDecimal) row.values().get("priceApproved");
            if (price != null) ClaimEntry.amount(price, row.at("priceApproved"));
            Integer status = row.integer("status");
            Integer reason = row.integer("rejectionReason");
            if (status != null && status != 1 && status != 2)
                throw ApiError.badRequest(
                        "INVALID_LINE_STATUS", row.at("status"), "A line is 1 (passed) or 2 (rejected)");
            boolean rejected = (status != null && status == 2) || (reason != null && reason == -1);
            if (reason != null && reason != -1 && reason != 0)
                throw ApiError.badRequest(
                        "INVALID_REJECTION_REASON",
                        row.at("rejectionReason"),
                        "A reviewer rejects a line with reason -1 (rejected by the medical officer)");
            reviews.add(new ClaimWrites.LineReview(
                    list,
                    i,
                    lineId(row, list.equals("items") ? "ClaimItemGQLType" : "ClaimServiceGQLType"),
                    qty,
                    price,
                    row.text("justification", ClaimEntry.MAX_TEXT),
                    rejected));
        }
        return reviews;
    }

    /** A line's id: the integer, or its relay id (ClaimItemGQLType:n). */
    private static long lineId(InputObject row, String typeName) {
        String id = String.valueOf(row.values().get("id")).strip();
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException notAnInteger) {
            try {
                return GlobalId.decode(typeName, id);
            } catch (ApiError notAGlobalId) {
                throw ApiError.badRequest("INVALID_ID", row.at("id"), "Not a line id: " + id);
            }
        }
    }
}
