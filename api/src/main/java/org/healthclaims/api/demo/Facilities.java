package org.healthclaims.api.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.healthclaims.api.demo.LocationTree.District;

/**
 * Health facilities and their claim administrators. §9's HF-D1, HF-H1 (R1D1) and HF-C2 (R2D1) come first; eight more
 * spread the levels over the four districts. Every facility uses the two §9 price lists and has one claim
 * administrator, coded "CA-" + the facility's code without "HF-" (so CA-D1 is at HF-D1, as in §9).
 */
final class Facilities {

    static final String COPY_HEALTH_FACILITY = """
            copy health_facility (id, uuid, code, name, legal_form, level, location_id, phone, care_type,
                                  services_pricelist_id, items_pricelist_id, status, validity_from) from stdin""";
    static final String COPY_CLAIM_ADMIN = """
            copy claim_admin (id, uuid, code, last_name, other_names, dob, phone, health_facility_id, has_login,
                              validity_from) from stdin""";

    /** Dispensaries treat out-patients only (care type O); health centres and hospitals both (B). */
    record Facility(long id, String code, String name, char level, char careType, District district, ClaimAdmin admin) {

        boolean admitsInPatients() {
            return careType != 'O';
        }
    }

    record ClaimAdmin(long id, String code, String lastName, String otherNames) {}

    private final List<Facility> facilities = new ArrayList<>();

    private Facilities() {}

    static Facilities write(DemoRows rows, LocationTree places, Catalogue catalogue, SplittableRandom random) {
        Facilities all = new Facilities();
        District rajo = places.district("R1D1");
        District kitaru = places.district("R1D2");
        District vida = places.district("R2D1");
        District mosana = places.district("R2D2");
        // code, name, legal form (G government, P private, C charity), level, district
        all.add(rows, catalogue, random, "HF-D1", "Rajo Dispensary", 'G', 'D', rajo);
        all.add(rows, catalogue, random, "HF-H1", "Rajo District Hospital", 'G', 'H', rajo);
        all.add(rows, catalogue, random, "HF-C2", "Vida Health Centre", 'G', 'C', vida);
        all.add(rows, catalogue, random, "HF-C1", "Jamu Health Centre", 'C', 'C', rajo);
        all.add(rows, catalogue, random, "HF-D3", "Kitaru Dispensary", 'G', 'D', kitaru);
        all.add(rows, catalogue, random, "HF-C3", "Kitaru Health Centre", 'P', 'C', kitaru);
        all.add(rows, catalogue, random, "HF-H3", "Kitaru Mission Hospital", 'C', 'H', kitaru);
        all.add(rows, catalogue, random, "HF-D2", "Vida Dispensary", 'P', 'D', vida);
        all.add(rows, catalogue, random, "HF-D4", "Mosana Dispensary", 'G', 'D', mosana);
        all.add(rows, catalogue, random, "HF-C4", "Mosana Health Centre", 'G', 'C', mosana);
        all.add(rows, catalogue, random, "HF-H4", "Mosana Regional Hospital", 'G', 'H', mosana);
        return all;
    }

    List<Facility> all() {
        return facilities;
    }

    Facility byCode(String code) {
        for (Facility facility : facilities) if (facility.code().equals(code)) return facility;
        throw new IllegalArgumentException("no health facility " + code);
    }

    private void add(
            DemoRows rows,
            Catalogue catalogue,
            SplittableRandom random,
            String code,
            String name,
            char legalForm,
            char level,
            District district) {
        long id = rows.healthFacility.nextId();
        long claimAdminId = rows.claimAdmin.nextId();
        char careType = level == 'D' ? 'O' : 'B';
        rows.healthFacility
                .number(id)
                .uuid()
                .text(code)
                .text(name)
                .text(legalForm)
                .text(level)
                .number(district.id())
                .text(PeopleNames.phone(random))
                .text(careType)
                .number(catalogue.servicesPriceListId())
                .number(catalogue.itemsPriceListId())
                .text("AC")
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
        ClaimAdmin admin = new ClaimAdmin(
                claimAdminId,
                "CA-" + code.substring("HF-".length()),
                PeopleNames.familyName(random),
                PeopleNames.givenName(random.nextBoolean(), random));
        rows.claimAdmin
                .number(admin.id())
                .uuid()
                .text(admin.code())
                .text(admin.lastName())
                .text(admin.otherNames())
                .date(PeopleNames.adultBirthDate(random))
                .text(PeopleNames.phone(random))
                .number(id)
                // the demo user claimadmin logs in as CA-D1
                .flag(code.equals("HF-D1"))
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
        facilities.add(new Facility(id, code, name, level, careType, district, admin));
    }
}
