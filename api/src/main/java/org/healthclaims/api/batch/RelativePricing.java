package org.healthclaims.api.batch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.healthclaims.api.guard.ApiError;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * openIMIS's monthly batch (domain.md §4.3 with §4.7's readings): for each product of the batch's location, the
 * relative price index of each care type whose period closes this month, then every passed line of the product in
 * the claims processed in that period remunerated (relative-price lines at the index, the others at their value),
 * and those claims valuated (16) under the batch run. Runs in the caller's transaction; set-based per product.
 */
@Component
class RelativePricing {

    /** What a run did. */
    record Outcome(long runId, UUID runUuid, int indexes, int claims) {}

    /** A relative-pricing period that closes in the batch's month: [start, end], end the next month's first day. */
    record Period(LocalDate start, LocalDate end, int relType, int relPeriod) {

        /**
         * The period of setting {@code kind} (M, Q, Y) closing in {@code month}, or null when it does not close then
         * (a quarter closes in March, June, September and December; a year in December).
         */
        static @Nullable Period closing(char kind, int year, int month) {
            LocalDate end = LocalDate.of(year, month, 1).plusMonths(1);
            return switch (kind) {
                case 'M' -> new Period(LocalDate.of(year, month, 1), end, 12, month);
                case 'Q' -> month % 3 == 0 ? new Period(LocalDate.of(year, month - 2, 1), end, 4, month / 3) : null;
                case 'Y' -> month == 12 ? new Period(LocalDate.of(year, 1, 1), end, 1, 1) : null;
                default -> throw new IllegalArgumentException("no relative-pricing period " + kind);
            };
        }
    }

    /**
     * One index to compute for a product: care type B, I or O over {@code period}; {@code computed} false when the
     * product sets no period for it, so its lines are revalued at 1 on the month without an index row (§4.7).
     */
    private record CareIndex(char careType, Period period, boolean computed) {}

    private record Product(
            long id,
            @Nullable String general,
            @Nullable String inPatient,
            @Nullable String outPatient) {}

    /** Hospital visit per the product's ceiling interpretation (§4.3): H by the facility's level, else by days. */
    private static final String HOSPITAL = """
            (case when p.ceiling_interpretation = 'H' then hf.level = 'H'
                  else coalesce(c.date_to, c.date_from) - c.date_from >= 1 end)""";

    /** The facility is paid by capitation under the product (one of its level/sublevel pairs). */
    private static final String CAPITATION = """
            (coalesce(hf.level = p.level_1 and (p.sublevel_1 is null or hf.sublevel = p.sublevel_1), false)
             or coalesce(hf.level = p.level_2 and (p.sublevel_2 is null or hf.sublevel = p.sublevel_2), false)
             or coalesce(hf.level = p.level_3 and (p.sublevel_3 is null or hf.sublevel = p.sublevel_3), false)
             or coalesce(hf.level = p.level_4 and (p.sublevel_4 is null or hf.sublevel = p.sublevel_4), false))""";

    /** A line's value before the index: §4.7, R lines have no PriceValuated yet. */
    private static final String LINE_VALUE = "coalesce(l.price_valuated,"
            + " coalesce(l.price_approved, l.price_adjusted) * coalesce(l.qty_approved, l.qty_provided))";

    /** The claims of the window: processed (8, or 16 without a relative line), not yet in a batch run. */
    private static final String WINDOW = """
            c.validity_to is null and c.status in (8, 16) and c.batch_run_id is null
            and c.process_stamp is not null and cast(c.process_stamp as date) between :start and :end""";

    /** Allocated contributions of the product for the period (§4.3), to cents. */
    private static final String CONTRIBUTIONS = """
            select coalesce(round(sum(pr.amount
                       * ((least(po.expiry_date, cast(:end as date))
                           - greatest(cast(:start as date), pr.pay_date, po.effective_date)) + 1)
                       / nullif(po.expiry_date - greatest(pr.pay_date, po.effective_date), 0)), 2), 0)
              from premium pr join policy po on po.id = pr.policy_id
             where po.product_id = :product and po.validity_to is null and pr.validity_to is null
               and po.status <> 1 and pr.pay_date < po.expiry_date and po.expiry_date >= :start
               and pr.pay_date <= :end and coalesce(po.effective_date, pr.pay_date) <= :end""";

    /** %s: claim_item or claim_service; %c: the care filter. Capitation facilities stay out of ClaimValue only. */
    private static final String CLAIM_VALUE = """
            select coalesce(sum(%s), 0)
              from %s l join claim c on c.id = l.claim_id
              join health_facility hf on hf.id = c.health_facility_id
              join product p on p.id = l.product_id
             where l.product_id = :product and l.status = 1 and l.validity_to is null and l.price_origin = 'R'
               and c.status = 8 and %s and %s and not %s""";

    /** %s: claim_item or claim_service; %s: the care filter. */
    private static final String REVALUE = """
            update %s l
               set remunerated_amount = round(case when l.price_origin = 'R' then cast(:index as numeric) else 1 end
                                              * %s, 2)
              from claim c join health_facility hf on hf.id = c.health_facility_id, product p
             where p.id = :product and l.claim_id = c.id and l.product_id = :product and l.status = 1
               and l.validity_to is null and %s and %s
            returning l.id""";

    /** %s: claim_item or claim_service. */
    private static final String REVALUED_CLAIMS = "select distinct claim_id from %s where id = any(:ids)";

    /**
     * The claims whose every passed relative-price line was revalued by this run: valuated under it, Remunerated
     * the sum of their passed lines. A claim with a relative line of a period still open stays processed (8).
     */
    private static final String VALUATE = """
            update claim c
               set status = 16, batch_run_id = :run, version = c.version + 1,
                   remunerated = coalesce((select sum(l.remunerated_amount) from claim_item l
                                            where l.claim_id = c.id and l.status = 1 and l.validity_to is null), 0)
                               + coalesce((select sum(l.remunerated_amount) from claim_service l
                                            where l.claim_id = c.id and l.status = 1 and l.validity_to is null), 0)
             where c.id = any(:claims) and c.validity_to is null
               and not exists (select 1 from claim_item l
                                where l.claim_id = c.id and l.status = 1 and l.validity_to is null
                                  and l.price_origin = 'R' and not l.id = any(:items))
               and not exists (select 1 from claim_service l
                                where l.claim_id = c.id and l.status = 1 and l.validity_to is null
                                  and l.price_origin = 'R' and not l.id = any(:services))""";

    private final JdbcClient jdbc;

    RelativePricing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the batch of {@code month}/{@code year} for a region or district, or the nation ({@code null}). */
    Outcome run(@Nullable Long locationId, int year, int month, long userId) {
        boolean done = jdbc.sql("""
                        select exists (select 1 from batch_run where run_year = :year and run_month = :month
                                          and location_id is not distinct from :location and validity_to is null)""")
                .param("year", year)
                .param("month", month)
                .param("location", locationId, java.sql.Types.BIGINT)
                .query(Boolean.class)
                .single();
        if (done)
            throw ApiError.conflict(
                    "BATCH_ALREADY_RUN",
                    "month",
                    "The batch for " + year + "-" + String.format("%02d", month)
                            + " has already run for this location");
        UUID runUuid = UUID.randomUUID();
        // a concurrent run of the same period waits on the unique index and is refused when this one commits
        long runId = jdbc.sql("""
                        insert into batch_run (uuid, location_id, run_date, run_year, run_month, audit_user_id)
                        values (:uuid, :location, now(), :year, :month, :user) returning id""")
                .param("uuid", runUuid)
                .param("location", locationId, java.sql.Types.BIGINT)
                .param("year", year)
                .param("month", month)
                .param("user", userId)
                .query(Long.class)
                .single();

        int indexes = 0;
        Set<Long> items = new HashSet<>();
        Set<Long> services = new HashSet<>();
        for (Product product : products(locationId)) {
            for (CareIndex care : careIndexes(product, year, month)) {
                BigDecimal index = BigDecimal.ONE;
                if (care.computed()) {
                    index = index(product.id(), care);
                    insertIndex(product.id(), care, year, index, locationId, userId);
                    indexes++;
                }
                items.addAll(revalue("claim_item", product.id(), care, index));
                services.addAll(revalue("claim_service", product.id(), care, index));
            }
        }
        Set<Long> claims = new LinkedHashSet<>();
        claims.addAll(claimsOf("claim_item", items));
        claims.addAll(claimsOf("claim_service", services));
        int valuated = claims.isEmpty()
                ? 0
                : jdbc.sql(VALUATE)
                        .param("run", runId)
                        .param(
                                "claims",
                                claims.stream().mapToLong(Long::longValue).toArray())
                        .param(
                                "items",
                                items.stream().mapToLong(Long::longValue).toArray())
                        .param(
                                "services",
                                services.stream().mapToLong(Long::longValue).toArray())
                        .update();
        return new Outcome(runId, runUuid, indexes, valuated);
    }

    private List<Product> products(@Nullable Long locationId) {
        return jdbc.sql("""
                        select id, period_rel_prices, period_rel_prices_ip, period_rel_prices_op from product
                         where validity_to is null and location_id is not distinct from :location order by id""")
                .param("location", locationId, java.sql.Types.BIGINT)
                .query((rs, n) -> new Product(
                        rs.getLong("id"),
                        rs.getString("period_rel_prices"),
                        rs.getString("period_rel_prices_ip"),
                        rs.getString("period_rel_prices_op")))
                .list();
    }

    /**
     * The general index when the product sets a general period; else in-patient and out-patient ones, a care type
     * without a period of its own at 1 (§4.3, inferred); a product with no period at all at 1 on the month (§4.7).
     */
    private static List<CareIndex> careIndexes(Product product, int year, int month) {
        Period monthly = java.util.Objects.requireNonNull(Period.closing('M', year, month));
        List<CareIndex> cares = new ArrayList<>();
        if (product.general() != null) {
            Period period = Period.closing(product.general().charAt(0), year, month);
            if (period != null) cares.add(new CareIndex('B', period, true));
        } else if (product.inPatient() != null || product.outPatient() != null) {
            addCare(cares, 'I', product.inPatient(), monthly, year, month);
            addCare(cares, 'O', product.outPatient(), monthly, year, month);
        } else {
            cares.add(new CareIndex('B', monthly, false));
        }
        return cares;
    }

    private static void addCare(
            List<CareIndex> cares, char careType, @Nullable String kind, Period monthly, int year, int month) {
        if (kind == null) {
            cares.add(new CareIndex(careType, monthly, false));
            return;
        }
        Period period = Period.closing(kind.charAt(0), year, month);
        if (period != null) cares.add(new CareIndex(careType, period, true));
    }

    private static String careFilter(char careType) {
        return switch (careType) {
            case 'I' -> HOSPITAL;
            case 'O' -> "not " + HOSPITAL;
            default -> "true";
        };
    }

    /** (PrdValue × DistrPerc) / ClaimValue to 4 decimals, or 1 when nothing waits for it. */
    private BigDecimal index(long productId, CareIndex care) {
        BigDecimal contributions = jdbc.sql(CONTRIBUTIONS)
                .param("product", productId)
                .param("start", care.period().start())
                .param("end", care.period().end())
                .query(BigDecimal.class)
                .single();
        BigDecimal share = jdbc.sql("""
                        select coalesce(max(distr_perc), 1) from relative_distribution
                         where product_id = :product and distr_type = :type and distr_care_type = :care
                           and period = :period and validity_to is null""")
                .param("product", productId)
                .param("type", care.period().relType())
                .param("care", String.valueOf(care.careType()))
                .param("period", care.period().relPeriod())
                .query(BigDecimal.class)
                .single();
        BigDecimal claimValue = BigDecimal.ZERO;
        for (String table : List.of("claim_item", "claim_service"))
            claimValue = claimValue.add(
                    jdbc.sql(CLAIM_VALUE.formatted(LINE_VALUE, table, WINDOW, careFilter(care.careType()), CAPITATION))
                            .param("product", productId)
                            .param("start", care.period().start())
                            .param("end", care.period().end())
                            .query(BigDecimal.class)
                            .single());
        if (claimValue.signum() == 0) return BigDecimal.ONE;
        return contributions.multiply(share).divide(claimValue, 4, RoundingMode.HALF_UP);
    }

    private void insertIndex(
            long productId, CareIndex care, int year, BigDecimal index, @Nullable Long locationId, long userId) {
        jdbc.sql("""
                        insert into relative_index (uuid, product_id, rel_type, rel_care_type, rel_year, rel_period,
                                                    calc_date, rel_index, location_id, audit_user_id)
                        values (:uuid, :product, :type, :care, :year, :period, now(), :index, :location, :user)""")
                .param("uuid", UUID.randomUUID())
                .param("product", productId)
                .param("type", care.period().relType())
                .param("care", String.valueOf(care.careType()))
                .param("year", year)
                .param("period", care.period().relPeriod())
                .param("index", index)
                .param("location", locationId, java.sql.Types.BIGINT)
                .param("user", userId)
                .update();
    }

    /** The passed lines of the product in the window's claims of this care type, remunerated; their ids. */
    private List<Long> revalue(String table, long productId, CareIndex care, BigDecimal index) {
        return jdbc.sql(REVALUE.formatted(table, LINE_VALUE, WINDOW, careFilter(care.careType())))
                .param("product", productId)
                .param("index", index)
                .param("start", care.period().start())
                .param("end", care.period().end())
                .query(Long.class)
                .list();
    }

    private List<Long> claimsOf(String table, Set<Long> lines) {
        if (lines.isEmpty()) return List.of();
        return jdbc.sql(REVALUED_CLAIMS.formatted(table))
                .param("ids", lines.stream().mapToLong(Long::longValue).toArray())
                .query(Long.class)
                .list();
    }
}
