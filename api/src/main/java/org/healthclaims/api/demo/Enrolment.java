package org.healthclaims.api.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.healthclaims.api.demo.Catalogue.Product;
import org.healthclaims.api.demo.LocationTree.Village;
import org.jspecify.annotations.Nullable;

/**
 * Writes families, insurees, policies, the members' coverage (insuree_policy) and contributions (premium), for §9's
 * families and the generated ones alike. A family's head is set after the copies (the foreign keys form a cycle).
 */
final class Enrolment {

    static final String COPY_FAMILY = """
            copy family (id, uuid, location_id, poverty, family_type, address, is_offline, json_ext, validity_from)
            from stdin""";
    static final String COPY_INSUREE = """
            copy insuree (id, uuid, family_id, chf_id, last_name, other_names, gender, dob, head, marital, phone,
                          current_village_id, card_issued, relationship_id, profession_id, education_id,
                          health_facility_id, status, is_offline, validity_from) from stdin""";
    static final String COPY_POLICY = """
            copy policy (id, uuid, family_id, product_id, enroll_date, start_date, effective_date, expiry_date, status,
                         stage, value, officer_id, is_offline, validity_from) from stdin""";
    static final String COPY_INSUREE_POLICY = """
            copy insuree_policy (id, insuree_id, policy_id, enrollment_date, start_date, effective_date, expiry_date,
                                 is_offline, validity_from) from stdin""";
    static final String COPY_PREMIUM = """
            copy premium (id, uuid, policy_id, amount, receipt, pay_date, pay_type, is_photo_fee, is_offline,
                          created_date, validity_from) from stdin""";

    static final int POLICY_IDLE = 1;
    static final int POLICY_ACTIVE = 2;
    static final int POLICY_EXPIRED = 8;

    /** Relations to the head (tblRelations, see {@link Lookups}). */
    static final int SPOUSE = 8;

    static final int SON_OR_DAUGHTER = 4;
    static final int FATHER_OR_MOTHER = 2;

    /** What an insuree row says about the person; null fields are left empty, as a quick enrolment leaves them. */
    record Person(
            String chfId,
            String lastName,
            String otherNames,
            char gender,
            LocalDate dob,
            @Nullable Character marital,
            @Nullable String phone,
            @Nullable Integer relationship,
            @Nullable Integer profession,
            @Nullable Integer education,
            @Nullable Long firstPointOfServiceId,
            boolean cardIssued) {}

    record Member(long id, long familyId, Village village, char gender, LocalDate dob) {

        /** Adult = exact age ≥ 18 at the day (domain.md §4.7). */
        boolean isAdultOn(LocalDate day) {
            return !dob.plusYears(18).isAfter(day);
        }

        /** The patient mask counts gender O as male (domain.md §3.5). */
        boolean isFemale() {
            return gender == 'F';
        }
    }

    record Policy(
            long id,
            Product product,
            int status,
            char stage,
            @Nullable LocalDate effectiveDate,
            LocalDate expiryDate,
            int members) {}

    /** One member's coverage by one policy (an insuree_policy row). */
    record Cover(Member member, Policy policy, @Nullable LocalDate effectiveDate, LocalDate expiryDate) {}

    private final DemoRows rows;
    private final Officers officers;

    Enrolment(DemoRows rows, Officers officers) {
        this.rows = rows;
        this.officers = officers;
    }

    /** A household; {@code label} is §9's name for it (FAM-A...), kept in json_ext, null for generated ones. */
    long family(Village village, boolean poverty, String address, @Nullable String label, LocalDate since) {
        long id = rows.family.nextId();
        rows.family
                .number(id)
                .uuid()
                .number(village.id())
                .flag(poverty)
                .text("H")
                .text(address)
                .flag(false)
                .text(label == null ? null : "{\"demoFamily\": \"" + label + "\"}")
                .time(since.atStartOfDay())
                .endRow();
        return id;
    }

    Member insuree(long familyId, Village village, Person person, boolean head, LocalDate since) {
        long id = rows.insuree.nextId();
        Character marital = person.marital();
        rows.insuree
                .number(id)
                .uuid()
                .number(familyId)
                .text(person.chfId())
                .text(person.lastName())
                .text(person.otherNames())
                .text(person.gender())
                .date(person.dob())
                .flag(head)
                .text(marital == null ? null : marital.toString())
                .text(person.phone())
                .number(village.id())
                .flag(person.cardIssued())
                .number(person.relationship())
                .number(person.profession())
                .number(person.education())
                .number(person.firstPointOfServiceId())
                .text("AC")
                .flag(false)
                .time(since.atStartOfDay())
                .endRow();
        return new Member(id, familyId, village, person.gender(), person.dob());
    }

    /**
     * A policy sold by the village's officer for the product's lump sum; an active or expired one was paid on its
     * effective date with one premium of that amount (§9), an idle one is unpaid.
     */
    Policy policy(
            long familyId,
            Village village,
            Product product,
            int status,
            char stage,
            LocalDate startDate,
            @Nullable LocalDate effectiveDate,
            int members) {
        long id = rows.policy.nextId();
        LocalDate expiryDate = startDate.plusMonths(12).minusDays(1);
        rows.policy
                .number(id)
                .uuid()
                .number(familyId)
                .number(product.id())
                .date(startDate)
                .date(startDate)
                .date(effectiveDate)
                .date(expiryDate)
                .number(status)
                .text(stage)
                .money(product.lumpSumCents())
                .number(officers.sellerIn(village).id())
                .flag(false)
                .time(startDate.atStartOfDay())
                .endRow();
        if (status != POLICY_IDLE) {
            if (effectiveDate == null) throw new IllegalArgumentException("a paid policy has an effective date");
            long premiumId = rows.premium.nextId();
            LocalDateTime paid = effectiveDate.atTime(LocalTime.of(10, 0));
            rows.premium
                    .number(premiumId)
                    .uuid()
                    .number(id)
                    .money(product.lumpSumCents())
                    .text("RCP" + premiumId)
                    .date(effectiveDate)
                    .text('C')
                    .flag(false)
                    .flag(false)
                    .time(paid)
                    .time(paid)
                    .endRow();
        }
        return new Policy(id, product, status, stage, effectiveDate, expiryDate, members);
    }

    /** The member's insuree_policy row: from {@code since} (the policy's start, or later for a member added later). */
    Cover cover(Member member, Policy policy, LocalDate since, @Nullable LocalDate effectiveDate) {
        rows.insureePolicy
                .number(rows.insureePolicy.nextId())
                .number(member.id())
                .number(policy.id())
                .date(since)
                .date(since)
                .date(effectiveDate)
                .date(policy.expiryDate())
                .flag(false)
                .time(since.atStartOfDay())
                .endRow();
        return new Cover(member, policy, effectiveDate, policy.expiryDate());
    }
}
