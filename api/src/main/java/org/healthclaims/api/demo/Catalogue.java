package org.healthclaims.api.demo;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What can be claimed and what the products pay: §9's ICD codes, items, services, the two price lists every facility
 * uses, the products PRD-BASIC and PRD-HOSP with their item and service lines, and PRD-HOSP's relative distribution.
 * Only §9's rows: the volume claims use the same registers.
 */
final class Catalogue {

    static final String COPY_DIAGNOSIS = """
            copy diagnosis (id, uuid, code, name, validity_from) from stdin""";
    static final String COPY_MEDICAL_ITEM = """
            copy medical_item (id, uuid, code, name, type, price, care_type, frequency, patient_category,
                               validity_from, validity_to) from stdin""";
    static final String COPY_MEDICAL_SERVICE = """
            copy medical_service (id, uuid, code, name, type, level, category, price, care_type, frequency,
                                  patient_category, validity_from) from stdin""";
    static final String COPY_ITEMS_PRICELIST = """
            copy items_pricelist (id, uuid, name, date_pl, location_id, validity_from) from stdin""";
    static final String COPY_ITEMS_PRICELIST_DETAIL = """
            copy items_pricelist_detail (id, items_pricelist_id, item_id, price_overrule, validity_from) from stdin""";
    static final String COPY_SERVICES_PRICELIST = """
            copy services_pricelist (id, uuid, name, date_pl, location_id, validity_from) from stdin""";
    static final String COPY_SERVICES_PRICELIST_DETAIL = """
            copy services_pricelist_detail (id, services_pricelist_id, service_id, price_overrule, validity_from)
            from stdin""";
    static final String COPY_PRODUCT = """
            copy product (id, uuid, code, name, location_id, date_from, date_to, insurance_period, lump_sum,
                          member_count, threshold, ded_insuree, max_ip_insuree, max_policy, max_policy_extra_member,
                          max_ceiling_policy, ceiling_interpretation, max_no_consultation, max_no_delivery,
                          max_no_hospitalization, max_no_visits, max_no_antenatal, max_amount_surgery,
                          period_rel_prices_ip, validity_from) from stdin""";
    static final String COPY_PRODUCT_ITEM = """
            copy product_item (id, product_id, item_id, limitation_type, limit_adult, limit_child, price_origin,
                               waiting_period_adult, limit_no_adult, ceiling_exclusion_adult, validity_from)
            from stdin""";
    static final String COPY_PRODUCT_SERVICE = """
            copy product_service (id, product_id, service_id, limitation_type, limit_adult, limit_child, price_origin,
                                  waiting_period_adult, limit_no_adult, ceiling_exclusion_adult, validity_from)
            from stdin""";
    static final String COPY_RELATIVE_DISTRIBUTION = """
            copy relative_distribution (id, uuid, product_id, distr_type, distr_care_type, period, distr_perc,
                                        validity_from) from stdin""";

    static final String BASIC_CODE = "PRD-BASIC";

    static final String HOSPITAL_CODE = "PRD-HOSP";

    /** A register entry. Every facility uses the same two lists, so the price-list price belongs to the entry. */
    record MedicalEntry(
            long id,
            String code,
            boolean isService,
            long priceCents,
            char careType,
            int patientCategory,
            char category,
            @Nullable Integer frequencyDays,
            boolean isDeleted,
            @Nullable Long listPriceCents) {

        static final char NO_CATEGORY = ' ';

        boolean isListed() {
            return listPriceCents != null;
        }

        long listPrice() {
            if (listPriceCents == null) throw new IllegalStateException(code + " is in no price list");
            return listPriceCents;
        }
    }

    /** The product settings the demo products set; everything else is null in the database and absent here. */
    record Product(
            long id,
            String code,
            long lumpSumCents,
            @Nullable Long dedInsureeCents,
            @Nullable Long maxPolicyCents,
            @Nullable Long maxPolicyExtraMemberCents,
            @Nullable Long maxCeilingPolicyCents,
            @Nullable Integer threshold,
            @Nullable Long maxIpInsureeCents,
            char ceilingInterpretation,
            Map<Character, Integer> maxClaimsPerCategory,
            Map<Character, Long> maxAmountPerCategoryCents) {}

    /** Limits are hundredths: a percentage for C (80.00), an amount for F (1500.00). */
    record ProductLine(
            long id,
            Product product,
            MedicalEntry entry,
            char limitationType,
            @Nullable Long limitAdult,
            @Nullable Long limitChild,
            char priceOrigin,
            @Nullable Integer waitingMonthsAdult,
            @Nullable Integer limitNoAdult,
            @Nullable Character ceilingExclusionAdult) {

        @Nullable
        Long limit(boolean adult) {
            return adult ? limitAdult : limitChild;
        }
    }

    private final DemoRows rows;
    private final Map<String, Long> diagnoses = new LinkedHashMap<>();
    private final Map<String, MedicalEntry> entries = new LinkedHashMap<>();
    private final List<ProductLine> productLines = new ArrayList<>();
    private final long itemsPriceListId;
    private final long servicesPriceListId;
    private final Product basic;
    private final Product hospital;

    private Catalogue(DemoRows rows, LocationTree places) {
        this.rows = rows;
        for (String[] icd : new String[][] {
            {"A00", "Cholera"},
            {"B54", "Malaria"},
            {"O80", "Single spontaneous delivery"},
            {"K35", "Appendicitis"},
            {"Z34", "Normal pregnancy supervision"}
        }) diagnosis(icd[0], icd[1]);

        long region = places.region("R1").id();
        itemsPriceListId = priceList(rows.itemsPricelist, "PL-ITEMS-R1", region);
        servicesPriceListId = priceList(rows.servicesPricelist, "PL-SERV-R1", region);

        // code, name, type, price, care type, frequency, patient category, deleted, price overrule (null = register)
        item("I0001", "Paracetamol", 10, 'B', null, 15, false, true, null);
        item("I0002", "Amoxicillin", 50, 'B', 7, 15, false, true, 45L);
        item("I0003", "Oxytocin", 120, 'I', null, 6, false, true, null);
        // deleted as openIMIS deletes: the live row closed (validity_from = validity_to), legacy_id null
        item("I0004", "Old drug", 20, 'B', null, 15, true, true, null);
        item("I0005", "Insulin", 200, 'O', null, 15, false, false, null);

        // code, name, type, level, category, price, care type, patient category
        service("S0001", "OPD consultation", 'C', 'V', 'C', 500, 'O', 15);
        service("S0002", "Normal delivery", 'C', 'H', 'D', 5000, 'I', 6);
        service("S0003", "Appendectomy", 'C', 'H', 'S', 30000, 'I', 15);
        service("S0004", "Antenatal visit", 'P', 'V', 'A', 300, 'O', 6);
        service("S0005", "Day of admission", 'C', 'D', 'H', 2000, 'I', 15);
        service("S0006", "Dental check", 'P', 'S', 'O', 400, 'O', 15);
        service("S0007", "Follow-up consultation", 'C', 'V', 'C', 300, 'O', 15);

        basic = product(
                BASIC_CODE,
                "Basic health cover",
                null,
                10_000,
                6,
                100L,
                null,
                20_000L,
                2_000L,
                30_000L,
                'I',
                Map.of('C', 3, 'D', 1, 'A', 4, 'H', 2, 'V', 10),
                Map.of(),
                null);
        // "C x" sets both the adult and the child limit (§9, choices behind the figures); P unless R or O is given
        line(basic, "I0001", 'C', 100L, 100L, 'P', null, null, null);
        line(basic, "I0002", 'C', 80L, 100L, 'P', null, 10, null);
        line(basic, "I0003", 'F', 100L, 100L, 'P', null, null, null);
        line(basic, "I0004", 'C', 100L, 100L, 'P', null, null, null);
        line(basic, "I0005", 'C', 100L, 100L, 'P', null, null, null);
        line(basic, "S0001", 'C', 100L, 100L, 'P', null, 2, null);
        line(basic, "S0002", 'C', 90L, 90L, 'P', 6, null, null);
        line(basic, "S0004", 'C', 100L, 100L, 'P', null, null, null);
        line(basic, "S0005", 'F', 1500L, null, 'O', 3, null, null);
        line(basic, "S0007", 'C', 100L, 100L, 'P', null, null, null);

        hospital = product(
                HOSPITAL_CODE,
                "Hospital cover",
                region,
                60_000,
                null,
                null,
                50_000L,
                null,
                null,
                null,
                'H',
                Map.of(),
                Map.of('S', 25_000L * 100),
                "M");
        line(hospital, "S0003", 'C', 100L, 100L, 'R', null, null, null);
        line(hospital, "S0005", 'C', 100L, 100L, 'P', 3, null, 'H');

        // PRD-HOSP's in-patient contributions are spread evenly: 8 % a month (decimal(18,2), so 0.08)
        for (int period = 1; period <= 12; period++) {
            rows.relativeDistribution
                    .number(rows.relativeDistribution.nextId())
                    .uuid()
                    .number(hospital.id())
                    .number(12)
                    .text('I')
                    .number(period)
                    .money(8L)
                    .time(DateShift.REGISTERS_SINCE)
                    .endRow();
        }
    }

    static Catalogue write(DemoRows rows, LocationTree places) {
        return new Catalogue(rows, places);
    }

    long diagnosis(String code) {
        Long id = diagnoses.get(code);
        if (id == null) throw new IllegalArgumentException("no ICD code " + code);
        return id;
    }

    MedicalEntry entry(String code) {
        MedicalEntry entry = entries.get(code);
        if (entry == null) throw new IllegalArgumentException("no item or service " + code);
        return entry;
    }

    Product basic() {
        return basic;
    }

    Product hospital() {
        return hospital;
    }

    long itemsPriceListId() {
        return itemsPriceListId;
    }

    long servicesPriceListId() {
        return servicesPriceListId;
    }

    /** The product's lines in register order (items, then services). */
    List<ProductLine> linesOf(Product product) {
        List<ProductLine> lines = new ArrayList<>();
        for (ProductLine line : productLines) if (line.product().id() == product.id()) lines.add(line);
        return lines;
    }

    private void diagnosis(String code, String name) {
        long id = rows.diagnosis.nextId();
        rows.diagnosis
                .number(id)
                .uuid()
                .text(code)
                .text(name)
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
        diagnoses.put(code, id);
    }

    private long priceList(CopyTable table, String name, long locationId) {
        long id = table.nextId();
        table.number(id)
                .uuid()
                .text(name)
                .date(DateShift.REGISTERS_SINCE.toLocalDate())
                .number(locationId)
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
        return id;
    }

    private void item(
            String code,
            String name,
            long price,
            char careType,
            @Nullable Integer frequency,
            int patientCategory,
            boolean deleted,
            boolean listed,
            @Nullable Long overrule) {
        long id = rows.medicalItem.nextId();
        LocalDateTime deletedAt = LocalDateTime.of(2025, 1, 1, 0, 0);
        rows.medicalItem
                .number(id)
                .uuid()
                .text(code)
                .text(name)
                .text('D')
                .money(price * 100)
                .text(careType)
                .number(frequency)
                .number(patientCategory)
                .time(deleted ? deletedAt : DateShift.REGISTERS_SINCE)
                .time(deleted ? deletedAt : null)
                .endRow();
        if (listed) detail(rows.itemsPricelistDetail, itemsPriceListId, id, overrule);
        Long listPrice = listed ? (overrule != null ? overrule : price) * 100 : null;
        entries.put(
                code,
                new MedicalEntry(
                        id,
                        code,
                        false,
                        price * 100,
                        careType,
                        patientCategory,
                        MedicalEntry.NO_CATEGORY,
                        frequency,
                        deleted,
                        listPrice));
    }

    private void service(
            String code,
            String name,
            char type,
            char level,
            char category,
            long price,
            char careType,
            int patientCategory) {
        long id = rows.medicalService.nextId();
        rows.medicalService
                .number(id)
                .uuid()
                .text(code)
                .text(name)
                .text(type)
                .text(level)
                .text(category)
                .money(price * 100)
                .text(careType)
                .nul()
                .number(patientCategory)
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
        detail(rows.servicesPricelistDetail, servicesPriceListId, id, null);
        entries.put(
                code,
                new MedicalEntry(
                        id, code, true, price * 100, careType, patientCategory, category, null, false, price * 100));
    }

    private static void detail(CopyTable table, long priceListId, long entryId, @Nullable Long overrule) {
        table.number(table.nextId())
                .number(priceListId)
                .number(entryId)
                .money(overrule == null ? null : overrule * 100)
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
    }

    private Product product(
            String code,
            String name,
            @Nullable Long locationId,
            long lumpSum,
            @Nullable Integer threshold,
            @Nullable Long dedInsuree,
            @Nullable Long maxIpInsuree,
            @Nullable Long maxPolicy,
            @Nullable Long maxPolicyExtraMember,
            @Nullable Long maxCeilingPolicy,
            char ceilingInterpretation,
            Map<Character, Integer> maxClaims,
            Map<Character, Long> maxAmountsCents,
            @Nullable String periodRelativePricesInPatient) {
        long id = rows.product.nextId();
        rows.product
                .number(id)
                .uuid()
                .text(code)
                .text(name)
                .number(locationId)
                .time(DateShift.REGISTERS_SINCE)
                .time(LocalDateTime.of(2030, 12, 31, 0, 0))
                .number(12)
                .money(lumpSum * 100)
                .number(6)
                .number(threshold)
                .money(cents(dedInsuree))
                .money(cents(maxIpInsuree))
                .money(cents(maxPolicy))
                .money(cents(maxPolicyExtraMember))
                .money(cents(maxCeilingPolicy))
                .text(ceilingInterpretation)
                .number(maxClaims.get('C'))
                .number(maxClaims.get('D'))
                .number(maxClaims.get('H'))
                .number(maxClaims.get('V'))
                .number(maxClaims.get('A'))
                .money(maxAmountsCents.get('S'))
                .text(periodRelativePricesInPatient)
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
        return new Product(
                id,
                code,
                lumpSum * 100,
                cents(dedInsuree),
                cents(maxPolicy),
                cents(maxPolicyExtraMember),
                cents(maxCeilingPolicy),
                threshold,
                cents(maxIpInsuree),
                ceilingInterpretation,
                maxClaims,
                maxAmountsCents);
    }

    private void line(
            Product product,
            String entryCode,
            char limitationType,
            @Nullable Long limitAdult,
            @Nullable Long limitChild,
            char priceOrigin,
            @Nullable Integer waitingMonthsAdult,
            @Nullable Integer limitNoAdult,
            @Nullable Character ceilingExclusionAdult) {
        MedicalEntry entry = entry(entryCode);
        CopyTable table = entry.isService() ? rows.productService : rows.productItem;
        long id = table.nextId();
        table.number(id)
                .number(product.id())
                .number(entry.id())
                .text(limitationType)
                .money(cents(limitAdult))
                .money(cents(limitChild))
                .text(priceOrigin)
                .number(waitingMonthsAdult)
                .number(limitNoAdult)
                .text(ceilingExclusionAdult == null ? null : ceilingExclusionAdult.toString())
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
        productLines.add(new ProductLine(
                id,
                product,
                entry,
                limitationType,
                cents(limitAdult),
                cents(limitChild),
                priceOrigin,
                waitingMonthsAdult,
                limitNoAdult,
                ceilingExclusionAdult));
    }

    private static @Nullable Long cents(@Nullable Long units) {
        return units == null ? null : units * 100;
    }
}
