package org.healthclaims.api.demo;

import static org.healthclaims.api.demo.ClaimDraft.BYPASSED;
import static org.healthclaims.api.demo.ClaimDraft.CHECKED;
import static org.healthclaims.api.demo.ClaimDraft.DELIVERED;
import static org.healthclaims.api.demo.ClaimDraft.ENTERED;
import static org.healthclaims.api.demo.ClaimDraft.IDLE;
import static org.healthclaims.api.demo.ClaimDraft.NOT_SELECTED;
import static org.healthclaims.api.demo.ClaimDraft.PROCESSED;
import static org.healthclaims.api.demo.ClaimDraft.REJECTED;
import static org.healthclaims.api.demo.ClaimDraft.SELECTED;
import static org.healthclaims.api.demo.ClaimDraft.VALUATED;
import static org.healthclaims.api.demo.DateShift.SCENARIO_TODAY;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.healthclaims.api.demo.Access.DemoUsers;
import org.healthclaims.api.demo.Catalogue.MedicalEntry;
import org.healthclaims.api.demo.Catalogue.ProductLine;
import org.healthclaims.api.demo.ClaimDraft.Answers;
import org.healthclaims.api.demo.ClaimDraft.Feedback;
import org.healthclaims.api.demo.ClaimDraft.Line;
import org.healthclaims.api.demo.Enrolment.Cover;
import org.healthclaims.api.demo.Enrolment.Member;
import org.healthclaims.api.demo.Facilities.Facility;
import org.healthclaims.api.demo.LocationTree.Village;
import org.healthclaims.api.demo.Officers.Officer;
import org.jspecify.annotations.Nullable;

/**
 * The generated claims of the last twelve months, in every status, coded C0000001 up in date order. A claim shown as
 * checked, processed or valuated is one the rules would pass: its lines are in the facility's price lists, covered by
 * the insuree's policy, fit the facility's care type and the patient's gender and age, and respect waiting periods,
 * quantity limits, frequencies and the product's claim counts; its amounts are those {@link Valuation} gives. A
 * rejected claim tells one of three stories: no coverage (7), a claim-count limit reached (11-15, 19, on every line as
 * the legacy rule does), or entries the scheme does not pay (1, 2, 3).
 */
final class VolumeClaims {

    private static final int PROCESSED_CLAIMS = 250;
    private static final int VALUATED_CLAIMS = 800;
    private static final int CHECKED_CLAIMS = 600;
    private static final int ENTERED_CLAIMS = 450;
    private static final int REJECTED_CLAIMS = 300;

    /** Percent of claims with 1, 2, ... 6 lines (fewer when the patient's payable entries run out). */
    private static final int[] LINES_PERCENT = {30, 28, 20, 12, 6, 4};

    /** PRD-HOSP pays a surgery up to 25000 and an insuree 50000 a year in hospital: two surgeries fit. */
    private static final int MAX_PROCESSED_SURGERIES = 2;

    private static final LocalDate YESTERDAY = SCENARIO_TODAY.minusDays(1);

    /**
     * Processed claims wait for the monthly batch; theirs were processed before the scenario's month, so the batch
     * for that month, which §9's CLM-SURG is valued by, does not count them in its claim value.
     */
    private static final LocalDate LAST_PROCESSING_DAY =
            SCENARIO_TODAY.withDayOfMonth(1).minusDays(1);

    /** The days before today a claim of the status starts in: entered ones are recent, valuated ones older. */
    private record Window(int latestDaysAgo, int earliestDaysAgo) {}

    /** What an insuree's counted claims (checked, processed, valuated) have used of the product's limits. */
    private static final class Usage {
        final Map<Character, Integer> claimsPerCategory = new HashMap<>();
        final Map<String, Long> quantityPerEntry = new HashMap<>();
        final Map<String, List<LocalDate>> provisionDays = new HashMap<>();
        int processedSurgeries;
    }

    private final SplittableRandom random;
    private final Catalogue catalogue;
    private final Facilities facilities;
    private final Officers officers;
    private final DemoUsers users;
    private final List<Cover> paid = new ArrayList<>();
    private final List<Cover> paidBasic = new ArrayList<>();
    private final List<Cover> paidHospital = new ArrayList<>();
    private final List<Cover> unpaidOrLapsed = new ArrayList<>();
    private final Map<Long, Usage> usage = new HashMap<>();
    private final List<ProductLine> basicLines;
    private final List<ProductLine> hospitalLines;

    private VolumeClaims(
            List<Cover> covers,
            Catalogue catalogue,
            Facilities facilities,
            Officers officers,
            DemoUsers users,
            SplittableRandom random) {
        this.random = random;
        this.catalogue = catalogue;
        this.facilities = facilities;
        this.officers = officers;
        this.users = users;
        for (Cover cover : covers) {
            if (cover.policy().status() == Enrolment.POLICY_IDLE) {
                unpaidOrLapsed.add(cover);
                continue;
            }
            paid.add(cover);
            (cover.policy().product().id() == catalogue.hospital().id() ? paidHospital : paidBasic).add(cover);
            if (cover.policy().status() == Enrolment.POLICY_EXPIRED) unpaidOrLapsed.add(cover);
        }
        basicLines = catalogue.linesOf(catalogue.basic());
        hospitalLines = catalogue.linesOf(catalogue.hospital());
    }

    static void write(
            ClaimWriter writer,
            List<Cover> covers,
            Catalogue catalogue,
            Facilities facilities,
            Officers officers,
            DemoUsers users,
            SplittableRandom random) {
        VolumeClaims volume = new VolumeClaims(covers, catalogue, facilities, officers, users, random);
        List<ClaimDraft> claims = new ArrayList<>();
        // the scarcest first: processed claims need a PRD-HOSP member with a surgery to spare
        for (int i = 0; i < PROCESSED_CLAIMS; i++) claims.add(volume.payable(PROCESSED));
        for (int i = 0; i < VALUATED_CLAIMS; i++) claims.add(volume.payable(VALUATED));
        for (int i = 0; i < CHECKED_CLAIMS; i++) claims.add(volume.payable(CHECKED));
        for (int i = 0; i < ENTERED_CLAIMS; i++) claims.add(volume.payable(ENTERED));
        for (int i = 0; i < REJECTED_CLAIMS; i++) claims.add(volume.rejected());

        // numbered in the order they were claimed, as a scheme numbers its claims
        claims.sort(
                Comparator.comparing((ClaimDraft claim) -> claim.dateClaimed).thenComparing(claim -> claim.enteredAt));
        for (int i = 0; i < claims.size(); i++) {
            ClaimDraft claim = claims.get(i);
            claim.id = writer.nextId();
            claim.code = "C%07d".formatted(i + 1);
        }

        List<ClaimDraft> processed = new ArrayList<>();
        for (ClaimDraft claim : claims) if (claim.processStamp != null) processed.add(claim);
        processed.sort(
                Comparator.comparing((ClaimDraft claim) -> claim.processStamp).thenComparingLong(claim -> claim.id));
        Valuation valuation = new Valuation();
        for (ClaimDraft claim : processed) valuation.process(claim);

        for (ClaimDraft claim : claims) writer.write(claim);
    }

    /** A claim the check passes, shown with the given status. */
    private ClaimDraft payable(int status) {
        boolean counted = status != ENTERED;
        for (int attempt = 0; attempt < 1_000; attempt++) {
            Cover cover = switch (status) {
                case PROCESSED -> pick(paidHospital);
                case VALUATED -> pick(paidBasic);
                default -> pick(paid);
            };
            if (status == PROCESSED && usageOf(cover.member()).processedSurgeries >= MAX_PROCESSED_SURGERIES) continue;
            boolean hospitalCover =
                    cover.policy().product().id() == catalogue.hospital().id();
            // PRD-HOSP pays in-patient services only
            boolean inPatient = hospitalCover || random.nextInt(100) < 25;
            Stay stay = stay(cover, inPatient, window(status), status == PROCESSED ? LAST_PROCESSING_DAY : YESTERDAY);
            if (stay == null) continue;
            boolean adult = cover.member().isAdultOn(stay.targetDate());
            List<ProductLine> pool = payableLines(cover, inPatient, stay.targetDate(), adult);
            ProductLine surgery = null;
            if (status == PROCESSED) {
                for (ProductLine line : pool) if (line.priceOrigin() == 'R') surgery = line;
                if (surgery == null) continue;
            }
            if (pool.isEmpty()) continue;

            List<ProductLine> chosen = choose(pool, surgery);
            List<Line> lines = new ArrayList<>();
            for (ProductLine productLine : chosen) lines.add(line(productLine, stay, cover.member(), adult));
            // one claim in ten also asks for something the check rejects
            Line refused = counted && lines.size() < LINES_PERCENT.length && random.nextInt(10) == 0
                    ? refusedLine(inPatient, lines)
                    : null;
            if (refused != null) lines.add(refused);

            ClaimDraft claim = draft(cover.member(), stay, lines, status);
            char category = claim.computedCategory();
            if (counted && isOverCategoryLimit(cover, claim, category)) continue;

            if (counted) {
                check(claim, cover, chosen, adult, category);
                if (refused != null) refused.reject(refusalReason(refused.entry));
                if (status == CHECKED) {
                    checkedReviewAndFeedback(claim);
                    claim.approvedCents = approvedAtCheck(claim);
                } else {
                    process(claim);
                }
                record(claim, category, status == PROCESSED);
            }
            return claim;
        }
        throw new IllegalStateException("could not plan a volume claim with status " + status);
    }

    /** A claim rejected at check: every line status 2, claim-level reason 1 (domain.md §4.7, modular). */
    private ClaimDraft rejected() {
        int story = random.nextInt(100);
        for (int attempt = 0; attempt < 1_000; attempt++) {
            ClaimDraft claim = story < 35 ? uncovered() : story < 75 ? overCategoryLimit() : notPayable();
            if (claim == null) continue;
            claim.status = REJECTED;
            claim.rejectionReason = 1;
            claim.category = claim.computedCategory();
            submit(claim, YESTERDAY);
            return claim;
        }
        throw new IllegalStateException("could not plan a rejected volume claim");
    }

    /** Story 7: the insuree's family has an idle policy, or a lapsed one on the claim's dates. */
    private @Nullable ClaimDraft uncovered() {
        Cover cover = pick(unpaidOrLapsed);
        LocalDate start = cover.expiryDate().minusYears(1).plusDays(1);
        // an idle policy never covers; an expired one stops at its expiry date
        LocalDate uncoveredFrom = cover.policy().status() == Enrolment.POLICY_IDLE
                ? start
                : cover.expiryDate().plusDays(1);
        boolean inPatient = random.nextInt(100) < 20;
        Stay stay = stay(uncoveredFrom, null, inPatient, cover.member().village(), window(REJECTED), YESTERDAY);
        if (stay == null) return null;
        List<ProductLine> pool = entitledLines(cover, inPatient, stay.targetDate());
        if (pool.isEmpty()) return null;
        boolean adult = cover.member().isAdultOn(stay.targetDate());
        List<Line> lines = new ArrayList<>();
        for (ProductLine productLine : choose(pool, null)) lines.add(line(productLine, stay, cover.member(), adult));
        ClaimDraft claim = draft(cover.member(), stay, lines, REJECTED);
        for (Line line : claim.lines) line.reject(7);
        return claim;
    }

    /** Stories 11-15 and 19: the claim's category limit is reached, so every line carries the category's code. */
    private @Nullable ClaimDraft overCategoryLimit() {
        Cover cover = pick(paidBasic);
        boolean inPatient = random.nextInt(100) < 25;
        Stay stay = stay(cover, inPatient, window(REJECTED), YESTERDAY);
        if (stay == null) return null;
        List<ProductLine> pool = entitledLines(cover, inPatient, stay.targetDate());
        if (pool.isEmpty()) return null;
        boolean adult = cover.member().isAdultOn(stay.targetDate());
        List<Line> lines = new ArrayList<>();
        for (ProductLine productLine : choose(pool, null)) lines.add(line(productLine, stay, cover.member(), adult));
        ClaimDraft claim = draft(cover.member(), stay, lines, REJECTED);
        Integer reason = categoryReason(claim.computedCategory());
        if (!claim.hasService() || reason == null) return null;
        for (Line line : claim.lines) line.reject(reason);
        return claim;
    }

    /** Stories 1, 2, 3: a deleted item, an item in no price list, a service no product covers. */
    private @Nullable ClaimDraft notPayable() {
        Cover cover = pick(paid);
        boolean inPatient = random.nextInt(100) < 15;
        Stay stay = stay(cover, inPatient, window(REJECTED), YESTERDAY);
        if (stay == null) return null;
        List<String> codes = inPatient ? List.of("I0004") : List.of("I0004", "I0005", "S0006");
        int first = random.nextInt(codes.size());
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (i == 0 || random.nextBoolean()) {
                MedicalEntry entry = catalogue.entry(codes.get((first + i) % codes.size()));
                lines.add(new Line(entry, quantity(entry, stay), askedPrice(entry, 'P'), null));
            }
        }
        ClaimDraft claim = draft(cover.member(), stay, lines, REJECTED);
        for (Line line : claim.lines) line.reject(refusalReason(line.entry));
        return claim;
    }

    /** The dates of a visit or admission. */
    private record Stay(
            Facility facility, LocalDate from, @Nullable LocalDate to, LocalDate claimed) {

        LocalDate targetDate() {
            return to != null ? to : from;
        }
    }

    private @Nullable Stay stay(Cover cover, boolean inPatient, Window window, LocalDate lastDay) {
        LocalDate effective = cover.effectiveDate();
        if (effective == null) return null;
        return stay(effective, cover.expiryDate(), inPatient, cover.member().village(), window, lastDay);
    }

    /** Dates within the window and [from, to]; the whole stay, and the day it is claimed, by {@code lastDay}. */
    private @Nullable Stay stay(
            LocalDate coveredFrom,
            @Nullable LocalDate coveredTo,
            boolean inPatient,
            Village village,
            Window window,
            LocalDate lastDay) {
        int nights = inPatient ? 1 + random.nextInt(5) : 0;
        LocalDate earliest = max(SCENARIO_TODAY.minusDays(window.earliestDaysAgo()), coveredFrom);
        LocalDate latest = SCENARIO_TODAY.minusDays(window.latestDaysAgo());
        if (coveredTo != null) latest = min(latest, coveredTo);
        latest = min(latest.minusDays(nights), lastDay.minusDays(nights));
        if (earliest.isAfter(latest)) return null;
        LocalDate from = earliest.plusDays(random.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
        LocalDate to = inPatient ? from.plusDays(nights) : null;
        LocalDate claimed = min((to != null ? to : from).plusDays(random.nextInt(4)), lastDay);
        return new Stay(facility(village, inPatient), from, to, claimed);
    }

    /**
     * The product's lines the check would pass for this patient on this day: listed and current (checks 1, 2), care
     * type (10), gender and age (4), waiting period (17), quantity limit (16), frequency (5).
     */
    private List<ProductLine> payableLines(Cover cover, boolean inPatient, LocalDate targetDate, boolean adult) {
        Usage used = usageOf(cover.member());
        List<ProductLine> payable = new ArrayList<>();
        for (ProductLine line : entitledLines(cover, inPatient, targetDate)) {
            Integer waiting = adult ? line.waitingMonthsAdult() : null;
            LocalDate effective = cover.effectiveDate();
            if (waiting != null
                    && effective != null
                    && cover.policy().stage() == 'N'
                    && targetDate.isBefore(effective.plusMonths(waiting))) continue;
            Integer limitNo = adult ? line.limitNoAdult() : null;
            if (limitNo != null
                    && used.quantityPerEntry.getOrDefault(line.entry().code(), 0L) >= limitNo) continue;
            if (isTooSoon(used, line.entry(), targetDate)) continue;
            payable.add(line);
        }
        return payable;
    }

    /** The product's lines that suit the facility and the patient, whatever the patient has used. */
    private List<ProductLine> entitledLines(Cover cover, boolean inPatient, LocalDate targetDate) {
        Member member = cover.member();
        int mask = (member.isFemale() ? 2 : 1) + (member.isAdultOn(targetDate) ? 4 : 8);
        List<ProductLine> entitled = new ArrayList<>();
        boolean hospital = cover.policy().product().id() == catalogue.hospital().id();
        for (ProductLine line : hospital ? hospitalLines : basicLines) {
            MedicalEntry entry = line.entry();
            if (entry.isDeleted() || !entry.isListed()) continue;
            if (inPatient ? entry.careType() == 'O' : entry.careType() == 'I') continue;
            if ((entry.patientCategory() & mask) != mask) continue;
            entitled.add(line);
        }
        return entitled;
    }

    private static boolean isTooSoon(Usage used, MedicalEntry entry, LocalDate targetDate) {
        Integer frequency = entry.frequencyDays();
        if (frequency == null || frequency <= 0) return false;
        for (LocalDate day : used.provisionDays.getOrDefault(entry.code(), List.of())) {
            if (Math.abs(ChronoUnit.DAYS.between(day, targetDate)) <= frequency) return true;
        }
        return false;
    }

    private boolean isOverCategoryLimit(Cover cover, ClaimDraft claim, char category) {
        // the count applies to service lines, and not to category O (domain.md §4.1)
        if (!claim.hasService() || category == 'O') return false;
        Integer limit = cover.policy().product().maxClaimsPerCategory().get(category);
        return limit != null && usageOf(cover.member()).claimsPerCategory.getOrDefault(category, 0) >= limit;
    }

    /** Some of the pool, shuffled; a processed claim's surgery always first. */
    private List<ProductLine> choose(List<ProductLine> pool, @Nullable ProductLine first) {
        List<ProductLine> shuffled = new ArrayList<>(pool);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            ProductLine swap = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, swap);
        }
        if (first != null) {
            shuffled.remove(first);
            shuffled.addFirst(first);
        }
        int roll = random.nextInt(100);
        int count = 1;
        for (int percent : LINES_PERCENT) {
            roll -= percent;
            if (roll < 0) break;
            count++;
        }
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }

    private Line line(ProductLine productLine, Stay stay, Member member, boolean adult) {
        MedicalEntry entry = productLine.entry();
        long quantity = quantity(entry, stay);
        Integer limitNo = adult ? productLine.limitNoAdult() : null;
        if (limitNo != null) {
            long left = limitNo - usageOf(member).quantityPerEntry.getOrDefault(entry.code(), 0L);
            quantity = Math.max(1, Math.min(quantity, left));
        }
        // openIMIS asks for an explanation on a service line with more than one unit
        String explanation = entry.isService() && quantity > 1 ? "Admitted " + quantity + " days" : null;
        return new Line(entry, quantity, askedPrice(entry, productLine.priceOrigin()), explanation);
    }

    /** Tablets by the dozen, a course of antibiotics, a dose or two of the dear drugs; a day of admission per night. */
    private long quantity(MedicalEntry entry, Stay stay) {
        if (entry.isService()) {
            LocalDate to = stay.to();
            return entry.category() == 'H' && to != null ? Math.max(1, ChronoUnit.DAYS.between(stay.from(), to)) : 1;
        }
        long price = entry.isListed() ? entry.listPrice() : entry.priceCents();
        if (price < 20_00) return 5L + random.nextInt(26);
        if (price < 100_00) return 1L + random.nextInt(7);
        return 1L + random.nextInt(2);
    }

    /**
     * The price-list price, now and then 10 % more (a P-origin line is paid the list price whatever is asked); for an
     * own-price (O) line the facility's own tariff, around the list price.
     */
    private long askedPrice(MedicalEntry entry, char priceOrigin) {
        long list = entry.isListed() ? entry.listPrice() : entry.priceCents();
        if (priceOrigin == 'O') return Valuation.truncatedToUnits(list * (75 + 5 * random.nextInt(8)) / 100);
        return random.nextInt(20) == 0 ? Valuation.truncatedToUnits(list * 110 / 100) : list;
    }

    private @Nullable Line refusedLine(boolean inPatient, List<Line> lines) {
        List<String> codes = inPatient ? List.of("I0004") : List.of("I0004", "I0005", "S0006");
        MedicalEntry entry = catalogue.entry(codes.get(random.nextInt(codes.size())));
        for (Line line : lines)
            if (line.entry.id() == entry.id() && line.entry.isService() == entry.isService()) return null;
        return new Line(entry, 1, entry.isListed() ? entry.listPrice() : entry.priceCents(), null);
    }

    /** Deleted item 1, not in the price list 2, in no product 3 (domain.md §3.4). */
    private static int refusalReason(MedicalEntry entry) {
        if (entry.isDeleted()) return 1;
        if (!entry.isListed()) return 2;
        return 3;
    }

    private static @Nullable Integer categoryReason(char category) {
        return switch (category) {
            case 'H' -> 11;
            case 'V' -> 12;
            case 'C' -> 13;
            case 'S' -> 14;
            case 'D' -> 15;
            case 'A' -> 19;
            default -> null;
        };
    }

    private ClaimDraft draft(Member member, Stay stay, List<Line> lines, int status) {
        Facility facility = stay.facility();
        long enteredBy = facility.code().equals("HF-D1") ? users.claimAdmin() : users.admin();
        ClaimDraft claim = new ClaimDraft(
                member,
                facility,
                stay.from(),
                stay.to(),
                stay.claimed(),
                catalogue.diagnosis(diagnosis(lines)),
                lines,
                officeTime(stay.claimed(), 8, 12),
                enteredBy);
        claim.status = status;
        return claim;
    }

    /** O80 for a delivery, K35 for surgery, Z34 for antenatal care, else malaria or, now and then, cholera. */
    private String diagnosis(List<Line> lines) {
        for (Line line : lines) {
            if (!line.entry.isService()) continue;
            switch (line.entry.category()) {
                case 'D' -> {
                    return "O80";
                }
                case 'S' -> {
                    return "K35";
                }
                case 'A' -> {
                    return "Z34";
                }
                default -> {}
            }
        }
        return random.nextInt(5) == 0 ? "A00" : "B54";
    }

    /** The check: the claimed entries pass under the insuree's policy; the category is stored. */
    private void check(ClaimDraft claim, Cover cover, List<ProductLine> chosen, boolean adult, char category) {
        claim.cover = cover;
        claim.category = category;
        for (int i = 0; i < chosen.size(); i++) claim.lines.get(i).pass(chosen.get(i), adult);
        submit(claim, claim.status == PROCESSED ? LAST_PROCESSING_DAY : YESTERDAY);
    }

    private void submit(ClaimDraft claim, LocalDate lastDay) {
        LocalDate day = min(claim.dateClaimed.plusDays(random.nextInt(3)), lastDay);
        claim.submitStamp = officeTime(day, 12, 14);
        claim.submittedBy = claim.enteredBy;
    }

    /** Approved at check: Σ over passed lines of (QtyApproved ?? QtyProvided) × PriceAdjusted (domain.md §4.1). */
    private static long approvedAtCheck(ClaimDraft claim) {
        long approved = 0;
        for (Line line : claim.lines) {
            Long price = line.priceAdjustedCents;
            if (line.isPassed() && price != null) approved += line.effectiveQuantity() * price;
        }
        return approved;
    }

    /** Checked claims still in review: some selected for review or feedback, some done, some passed over. */
    private void checkedReviewAndFeedback(ClaimDraft claim) {
        LocalDateTime submitted = stamp(claim.submitStamp);
        LocalDateTime limit = YESTERDAY.atTime(17, 0);
        int review = random.nextInt(100);
        claim.reviewStatus = review < 55 ? IDLE : review < 70 ? NOT_SELECTED : review < 85 ? SELECTED : DELIVERED;
        if (claim.reviewStatus == DELIVERED) deliverReview(claim, between(submitted, limit));
        int feedback = random.nextInt(100);
        feedback(
                claim,
                feedback < 65 ? IDLE : feedback < 75 ? NOT_SELECTED : feedback < 88 ? SELECTED : DELIVERED,
                submitted,
                limit,
                null);
    }

    /**
     * Processed by the medical officer or accountant some days after submission; review and feedback, if any, came
     * first (a claim still selected is bypassed by processing, domain.md §3.2). The amounts come later, from
     * {@link Valuation}, in processing order.
     */
    private void process(ClaimDraft claim) {
        LocalDateTime submitted = stamp(claim.submitStamp);
        LocalDate lastDay = claim.status == PROCESSED ? LAST_PROCESSING_DAY : YESTERDAY;
        LocalDate day = min(submitted.toLocalDate().plusDays(1 + random.nextInt(10)), lastDay);
        LocalDateTime processed = officeTime(day, 14, 17);
        claim.processStamp = processed;
        claim.processedBy = claim.facility.district().region().code().equals("R1") ? users.accountant() : users.admin();
        int review = random.nextInt(100);
        claim.reviewStatus = review < 55 ? IDLE : review < 75 ? NOT_SELECTED : review < 90 ? DELIVERED : BYPASSED;
        if (claim.reviewStatus == DELIVERED) deliverReview(claim, between(submitted, processed));
        int feedback = random.nextInt(100);
        feedback(
                claim,
                feedback < 60 ? IDLE : feedback < 80 ? NOT_SELECTED : feedback < 90 ? DELIVERED : BYPASSED,
                submitted,
                processed,
                processed);
    }

    /** The reviewer cuts the first line of several units by a quarter (at least one unit), or changes nothing. */
    private void deliverReview(ClaimDraft claim, LocalDateTime at) {
        claim.reviewStamp = at;
        claim.reviewedBy = reviewer(claim.facility);
        for (Line line : claim.lines) {
            if (line.isPassed() && line.quantity > 1) {
                line.quantityApproved = line.quantity - Math.max(1, line.quantity / 4);
                line.justification = "More than the standard treatment";
                claim.adjustment = "Quantity of " + line.entry.code() + " cut to the standard treatment";
                return;
            }
        }
        claim.adjustment = "Reviewed: no change";
    }

    /** Feedback needs an officer covering the insuree's village (domain.md §2.13); without one it stays idle. */
    private void feedback(
            ClaimDraft claim,
            int status,
            LocalDateTime submitted,
            LocalDateTime limit,
            @Nullable LocalDateTime closedAt) {
        if (status == IDLE || status == NOT_SELECTED) {
            claim.feedbackStatus = status;
            return;
        }
        Officer officer = officers.ofVillage(claim.insuree.village());
        if (officer == null) return;
        claim.feedbackStatus = status;
        LocalDateTime prompted = between(submitted, limit);
        Answers answers = null;
        if (status == DELIVERED) {
            boolean drugs = false;
            for (Line line : claim.lines) drugs |= !line.entry.isService();
            answers = new Answers(
                    between(prompted, limit),
                    random.nextInt(20) != 0,
                    random.nextInt(10) == 0,
                    drugs,
                    drugs && random.nextInt(10) != 0,
                    3 + random.nextInt(3));
        }
        claim.feedback = new Feedback(
                officer, reviewer(claim.facility), prompted, status == BYPASSED ? closedAt : null, answers);
    }

    /** The medical officer reviews R1D1's claims (§9: medofficer's district); Admin the others. */
    private long reviewer(Facility facility) {
        return facility.district().code().equals("R1D1") ? users.medicalOfficer() : users.admin();
    }

    private void record(ClaimDraft claim, char category, boolean surgery) {
        Usage used = usageOf(claim.insuree);
        used.claimsPerCategory.merge(category, 1, Integer::sum);
        for (Line line : claim.lines) {
            if (!line.isPassed()) continue;
            used.quantityPerEntry.merge(line.entry.code(), line.effectiveQuantity(), Long::sum);
            if (line.entry.frequencyDays() != null) {
                used.provisionDays
                        .computeIfAbsent(line.entry.code(), code -> new ArrayList<>())
                        .add(claim.targetDate());
            }
        }
        if (surgery) used.processedSurgeries++;
    }

    private Usage usageOf(Member member) {
        return usage.computeIfAbsent(member.id(), id -> new Usage());
    }

    private Facility facility(Village village, boolean inPatient) {
        // one visit in ten is outside the home district, within the region
        boolean away = random.nextInt(10) == 0;
        List<Facility> options = new ArrayList<>();
        for (Facility facility : facilities.all()) {
            boolean near = away
                    ? facility.district().region().id()
                            == village.district().region().id()
                    : facility.district().id() == village.district().id();
            if (near && (!inPatient || facility.admitsInPatients())) options.add(facility);
        }
        return options.get(random.nextInt(options.size()));
    }

    private static Window window(int status) {
        return switch (status) {
            case ENTERED -> new Window(1, 30);
            case CHECKED -> new Window(3, 120);
            case PROCESSED -> new Window(25, 75);
            case VALUATED -> new Window(20, 360);
            default -> new Window(2, 360);
        };
    }

    private Cover pick(List<Cover> covers) {
        return covers.get(random.nextInt(covers.size()));
    }

    private LocalDateTime officeTime(LocalDate day, int fromHour, int toHour) {
        return day.atTime(fromHour, 0).plusMinutes(random.nextInt((toHour - fromHour) * 60));
    }

    private LocalDateTime between(LocalDateTime from, LocalDateTime to) {
        long minutes = ChronoUnit.MINUTES.between(from, to);
        return minutes <= 0 ? from : from.plusMinutes(random.nextLong(minutes + 1));
    }

    private static LocalDateTime stamp(@Nullable LocalDateTime stamp) {
        if (stamp == null) throw new IllegalStateException("the claim was not submitted");
        return stamp;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
