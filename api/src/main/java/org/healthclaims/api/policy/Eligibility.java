package org.healthclaims.api.policy;

import static org.healthclaims.api.sql.Columns.date;
import static org.healthclaims.api.sql.Columns.intOrNull;
import static org.healthclaims.api.sql.Columns.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.healthclaims.api.relay.Conditions;
import org.healthclaims.api.security.Access;
import org.healthclaims.domain.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * openIMIS's eligibility enquiry: the policy that covers an insuree on a day, what is left of its product's limits,
 * and whether an item or a service can be given (quantity left, waiting period). It follows the claim check's
 * rules (domain.md §4.1): counted claims are the insuree's current claims in status checked or later whose target
 * date falls in the insuree-policy period; waiting applies to new policies and to members added later.
 */
@Component
class Eligibility {

    /** The answer; limits left are null where the product sets none. */
    record Answer(
            boolean isCovered,
            @Nullable String prodId,
            @Nullable UUID policyUuid,
            @Nullable LocalDate expiryDate,
            @Nullable Integer totalAdmissionsLeft,
            @Nullable Integer totalVisitsLeft,
            @Nullable Integer totalConsultationsLeft,
            @Nullable Integer totalSurgeriesLeft,
            @Nullable Integer totalDeliveriesLeft,
            @Nullable Integer totalAntenatalLeft,
            @Nullable Money consultationAmountLeft,
            @Nullable Money surgeryAmountLeft,
            @Nullable Money deliveryAmountLeft,
            @Nullable Money hospitalizationAmountLeft,
            @Nullable Money antenatalAmountLeft,
            @Nullable LocalDate minDateItem,
            @Nullable Integer itemLeft,
            @Nullable Boolean isItemOk,
            @Nullable LocalDate minDateService,
            @Nullable Integer serviceLeft,
            @Nullable Boolean isServiceOk) {

        static Answer notCovered() {
            return new Answer(
                    false, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        }
    }

    /** One insuree-policy covering the day, in the claim check's candidate order. */
    record Coverage(
            long insureeId,
            @Nullable LocalDate dob,
            long policyId,
            UUID policyUuid,
            long productId,
            String productCode,
            LocalDate from,
            LocalDate to,
            boolean waitingApplies,
            @Nullable Integer maxNoHospitalization,
            @Nullable Integer maxNoVisits,
            @Nullable Integer maxNoConsultation,
            @Nullable Integer maxNoSurgery,
            @Nullable Integer maxNoDelivery,
            @Nullable Integer maxNoAntenatal,
            @Nullable Money maxAmountConsultation,
            @Nullable Money maxAmountSurgery,
            @Nullable Money maxAmountDelivery,
            @Nullable Money maxAmountHospitalization,
            @Nullable Money maxAmountAntenatal) {}

    static final String COVERAGES = """
            select i.id as insuree_id, i.dob, p.id as policy_id, p.uuid as policy_uuid, pr.id as product_id,
                   pr.code as product_code, ip.effective_date as covered_from,
                   least(p.expiry_date, coalesce(ip.expiry_date, p.expiry_date)) as covered_to,
                   (p.stage = 'N' or p.effective_date < ip.effective_date) as waiting_applies,
                   pr.max_no_hospitalization, pr.max_no_visits, pr.max_no_consultation, pr.max_no_surgery,
                   pr.max_no_delivery, pr.max_no_antenatal, pr.max_amount_consultation, pr.max_amount_surgery,
                   pr.max_amount_delivery, pr.max_amount_hospitalization, pr.max_amount_antenatal
              from insuree i
              join insuree_policy ip on ip.insuree_id = i.id and ip.validity_to is null
              join policy p on p.id = ip.policy_id and p.validity_to is null and p.status in (2, 8)
              join product pr on pr.id = p.product_id and pr.validity_to is null
             where i.chf_id = :chfId
               and i.validity_to is null
               and p.effective_date <= :day and p.expiry_date >= :day
               and ip.effective_date <= :day and coalesce(ip.expiry_date, p.expiry_date) >= :day""";

    /** The claim check's candidate order, after the caller's scope on {@code i}. */
    static final String COVERAGE_ORDER = " order by ip.effective_date, p.id, pr.id, ip.id";

    /** Counted claims per category in the period (category V also counts claims without one). */
    static final String CLAIMS_BY_CATEGORY = """
            select coalesce(c.category, 'V') as category, count(*) as claims
              from claim c
             where c.insuree_id = :insureeId
               and c.validity_to is null
               and c.status > 2
               and coalesce(c.date_to, c.date_from) between :from and :to
             group by coalesce(c.category, 'V')""";

    static final String REMUNERATED_BY_CATEGORY = """
            select coalesce(sum(r.rem_consult), 0) as consult, coalesce(sum(r.rem_surgery), 0) as surgery,
                   coalesce(sum(r.rem_delivery), 0) as delivery, coalesce(sum(r.rem_hospitalization), 0) as hospitalization,
                   coalesce(sum(r.rem_antenatal), 0) as antenatal
              from claim_ded_rem r
             where r.policy_id = :policyId
               and r.insuree_id = :insureeId
               and r.validity_to is null""";

    /** The product's line for an item or a service: %1$s is item or service. */
    static final String PRODUCT_LINE = """
            select m.id as medical_id, pl.limit_no_adult, pl.limit_no_child, pl.waiting_period_adult,
                   pl.waiting_period_child
              from product_%1$s pl
              join medical_%1$s m on m.id = pl.%1$s_id
             where pl.product_id = :productId
               and pl.validity_to is null
               and m.code = :code
               and m.validity_to is null""";

    /** Quantity of an item or service in the insuree's counted claims of the period: %1$s is item or service. */
    static final String USED_QUANTITY = """
            select coalesce(sum(coalesce(cl.qty_approved, cl.qty_provided)), 0)
              from claim_%1$s cl
              join claim c on c.id = cl.claim_id
             where c.insuree_id = :insureeId
               and c.validity_to is null
               and c.status > 2
               and coalesce(c.date_to, c.date_from) between :from and :to
               and cl.%1$s_id = :medicalId
               and cl.validity_to is null
               and cl.status = 1""";

    private final JdbcClient jdbc;

    Eligibility(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Answer ofInsuree(String chfId, LocalDate day, Access access) {
        List<Coverage> coverages = coverages(chfId, day, access);
        if (coverages.isEmpty()) return Answer.notCovered();
        Coverage c = coverages.getFirst();
        int[] claims = claimsByCategory(c);
        Money[] paid = remuneratedByCategory(c);
        return new Answer(
                true,
                c.productCode(),
                c.policyUuid(),
                c.to(),
                left(c.maxNoHospitalization(), claims[H]),
                left(c.maxNoVisits(), claims[V]),
                left(c.maxNoConsultation(), claims[C]),
                left(c.maxNoSurgery(), claims[S]),
                left(c.maxNoDelivery(), claims[D]),
                left(c.maxNoAntenatal(), claims[A]),
                left(c.maxAmountConsultation(), paid[0]),
                left(c.maxAmountSurgery(), paid[1]),
                left(c.maxAmountDelivery(), paid[2]),
                left(c.maxAmountHospitalization(), paid[3]),
                left(c.maxAmountAntenatal(), paid[4]),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** Item ({@code kind} "item") or service ({@code kind} "service") eligibility. */
    Answer ofMedical(String chfId, String kind, String code, LocalDate day, Access access) {
        List<Coverage> coverages = coverages(chfId, day, access);
        Line best = null;
        for (Coverage c : coverages) {
            Line line = line(c, kind, code, day);
            if (line == null) continue;
            if (best == null || (line.ok() && !best.ok())) best = line;
            if (best.ok()) break;
        }
        if (best == null) {
            Answer none = coverages.isEmpty() ? Answer.notCovered() : covered(coverages.getFirst());
            return medicalAnswer(none, kind, null, 0, false);
        }
        return medicalAnswer(covered(best.coverage()), kind, best.minDate(), best.left(), best.ok());
    }

    private record Line(
            Coverage coverage, LocalDate minDate, @Nullable Integer left, boolean ok) {}

    /** The quantity limits and waiting periods of a product's line for one item or service. */
    private record ProductLine(
            long medicalId,
            @Nullable BigDecimal limitNoAdult,
            @Nullable BigDecimal limitNoChild,
            @Nullable Integer waitingPeriodAdult,
            @Nullable Integer waitingPeriodChild) {}

    private @Nullable Line line(Coverage c, String kind, String code, LocalDate day) {
        ProductLine row = jdbc.sql(PRODUCT_LINE.formatted(kind))
                .param("productId", c.productId())
                .param("code", code)
                .query((rs, n) -> new ProductLine(
                        rs.getLong("medical_id"),
                        rs.getBigDecimal("limit_no_adult"),
                        rs.getBigDecimal("limit_no_child"),
                        intOrNull(rs, "waiting_period_adult"),
                        intOrNull(rs, "waiting_period_child")))
                .optional()
                .orElse(null);
        if (row == null) return null;
        boolean adult = c.dob() == null || Period.between(c.dob(), day).getYears() >= 18;
        BigDecimal limit = adult ? row.limitNoAdult() : row.limitNoChild();
        Integer waiting = adult ? row.waitingPeriodAdult() : row.waitingPeriodChild();
        // calendar months, clamped to the month's end (domain.md §4.7)
        LocalDate minDate =
                c.waitingApplies() && waiting != null && waiting > 0 ? c.from().plusMonths(waiting) : c.from();
        Integer left = null;
        if (limit != null) {
            BigDecimal used = jdbc.sql(USED_QUANTITY.formatted(kind))
                    .param("insureeId", c.insureeId())
                    .param("from", c.from())
                    .param("to", c.to())
                    .param("medicalId", row.medicalId())
                    .query(BigDecimal.class)
                    .single();
            left = Math.max(0, limit.subtract(used).intValue());
        }
        boolean ok = !day.isBefore(minDate) && (left == null || left > 0);
        return new Line(c, minDate, left, ok);
    }

    private static Answer covered(Coverage c) {
        return new Answer(
                true,
                c.productCode(),
                c.policyUuid(),
                c.to(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static Answer medicalAnswer(
            Answer base, String kind, @Nullable LocalDate minDate, @Nullable Integer left, boolean ok) {
        boolean item = kind.equals("item");
        return new Answer(
                base.isCovered(),
                base.prodId(),
                base.policyUuid(),
                base.expiryDate(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                item ? minDate : null,
                item ? left : null,
                item ? ok : null,
                item ? null : minDate,
                item ? null : left,
                item ? null : ok);
    }

    private static final int H = 0, V = 1, C = 2, S = 3, D = 4, A = 5;

    private int[] claimsByCategory(Coverage c) {
        int[] counts = new int[6];
        jdbc.sql(CLAIMS_BY_CATEGORY)
                .param("insureeId", c.insureeId())
                .param("from", c.from())
                .param("to", c.to())
                .query(rs -> {
                    int n = rs.getInt("claims");
                    switch (rs.getString("category")) {
                        case "H" -> counts[H] += n;
                        case "V" -> counts[V] += n;
                        case "C" -> counts[C] += n;
                        case "S" -> counts[S] += n;
                        case "D" -> counts[D] += n;
                        case "A" -> counts[A] += n;
                        default -> {} // category O counts against no limit
                    }
                });
        return counts;
    }

    private Money[] remuneratedByCategory(Coverage c) {
        return jdbc.sql(REMUNERATED_BY_CATEGORY)
                .param("policyId", c.policyId())
                .param("insureeId", c.insureeId())
                .query((rs, n) -> new Money[] {
                    Objects.requireNonNull(money(rs, "consult")),
                    Objects.requireNonNull(money(rs, "surgery")),
                    Objects.requireNonNull(money(rs, "delivery")),
                    Objects.requireNonNull(money(rs, "hospitalization")),
                    Objects.requireNonNull(money(rs, "antenatal"))
                })
                .single();
    }

    private List<Coverage> coverages(String chfId, LocalDate day, Access access) {
        // an insuree outside the caller's scope answers as one without coverage: not found
        Conditions scope = access.insurees(new Conditions(), "i");
        return jdbc.sql(COVERAGES + scope.sql() + COVERAGE_ORDER)
                .params(scope.params())
                .param("chfId", chfId)
                .param("day", day)
                .query((rs, n) -> new Coverage(
                        rs.getLong("insuree_id"),
                        date(rs, "dob"),
                        rs.getLong("policy_id"),
                        rs.getObject("policy_uuid", UUID.class),
                        rs.getLong("product_id"),
                        rs.getString("product_code"),
                        Objects.requireNonNull(date(rs, "covered_from")),
                        Objects.requireNonNull(date(rs, "covered_to")),
                        rs.getBoolean("waiting_applies"),
                        intOrNull(rs, "max_no_hospitalization"),
                        intOrNull(rs, "max_no_visits"),
                        intOrNull(rs, "max_no_consultation"),
                        intOrNull(rs, "max_no_surgery"),
                        intOrNull(rs, "max_no_delivery"),
                        intOrNull(rs, "max_no_antenatal"),
                        money(rs, "max_amount_consultation"),
                        money(rs, "max_amount_surgery"),
                        money(rs, "max_amount_delivery"),
                        money(rs, "max_amount_hospitalization"),
                        money(rs, "max_amount_antenatal")))
                .list();
    }

    private static @Nullable Integer left(@Nullable Integer limit, int used) {
        return limit == null ? null : Math.max(0, limit - used);
    }

    private static @Nullable Money left(@Nullable Money limit, Money used) {
        if (limit == null || limit.cents() == 0) return null; // "set" means non-null and non-zero (§4.7)
        return Money.ofCents(Math.max(0, limit.cents() - used.cents()));
    }
}
