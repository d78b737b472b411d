package org.healthclaims.api.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.healthclaims.api.demo.LocationTree.District;
import org.healthclaims.api.demo.LocationTree.Village;
import org.jspecify.annotations.Nullable;

/**
 * Enrolment officers, all with a phone (feedback prompts go to it). §9's eo1 (district R1D1) covers exactly the
 * villages of ward R1D1M1; eo2 the other R1D1 villages; eo3 and eo5 the districts R1D2 and R2D2; eo4 the R2D1
 * villages outside §9's ward R2D1M1, whose village §9 gives no officer.
 */
final class Officers {

    static final String COPY_OFFICER = """
            copy officer (id, uuid, code, last_name, other_names, dob, phone, location_id, phone_communication,
                          has_login, validity_from) from stdin""";
    static final String COPY_OFFICER_VILLAGE = """
            copy officer_village (id, officer_id, location_id, validity_from) from stdin""";

    record Officer(long id, String code, String lastName, String otherNames, String phone, District district) {}

    private final Map<Long, Officer> byVillage = new HashMap<>();
    private final Map<Long, Officer> byDistrict = new HashMap<>();
    private final List<Officer> officers = new ArrayList<>();

    private Officers() {}

    static Officers write(DemoRows rows, LocationTree places, SplittableRandom random) {
        Officers all = new Officers();
        all.add(rows, places, random, "eo1", places.district("R1D1"), "R1D1M1V");
        all.add(rows, places, random, "eo2", places.district("R1D1"), "R1D1M2V", "R1D1M3V");
        all.add(rows, places, random, "eo3", places.district("R1D2"), "R1D2");
        all.add(rows, places, random, "eo4", places.district("R2D1"), "R2D1M2V", "R2D1M3V");
        all.add(rows, places, random, "eo5", places.district("R2D2"), "R2D2");
        for (Village village : places.villages()) {
            Officer officer = all.byVillage.get(village.id());
            if (officer != null) {
                rows.officerVillage
                        .number(rows.officerVillage.nextId())
                        .number(officer.id())
                        .number(village.id())
                        .time(DateShift.REGISTERS_SINCE)
                        .endRow();
            }
        }
        return all;
    }

    /** The officer covering the village, who receives its feedback prompts; null where none does. */
    @Nullable
    Officer ofVillage(Village village) {
        return byVillage.get(village.id());
    }

    /** The officer who sells policies in the village: its own, else the first of its district. */
    Officer sellerIn(Village village) {
        Officer officer = byVillage.get(village.id());
        if (officer != null) return officer;
        officer = byDistrict.get(village.district().id());
        if (officer == null)
            throw new IllegalStateException(
                    "no officer in district " + village.district().code());
        return officer;
    }

    Officer byCode(String code) {
        for (Officer officer : officers) if (officer.code().equals(code)) return officer;
        throw new IllegalArgumentException("no officer " + code);
    }

    private void add(
            DemoRows rows,
            LocationTree places,
            SplittableRandom random,
            String code,
            District district,
            String... villageCodePrefixes) {
        boolean female = random.nextBoolean();
        Officer officer = new Officer(
                rows.officer.nextId(),
                code,
                PeopleNames.familyName(random),
                PeopleNames.givenName(female, random),
                PeopleNames.phone(random),
                district);
        rows.officer
                .number(officer.id())
                .uuid()
                .text(code)
                .text(officer.lastName())
                .text(officer.otherNames())
                .date(PeopleNames.adultBirthDate(random))
                .text(officer.phone())
                .number(district.id())
                .flag(true)
                // the demo user enrolment logs in as eo1
                .flag(code.equals("eo1"))
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
        officers.add(officer);
        byDistrict.putIfAbsent(district.id(), officer);
        for (Village village : villagesOf(places, district, villageCodePrefixes)) byVillage.put(village.id(), officer);
    }

    private static List<Village> villagesOf(LocationTree places, District district, String... prefixes) {
        List<Village> villages = new ArrayList<>();
        for (Village village : places.villages()) {
            if (village.district().id() != district.id()) continue;
            for (String prefix : prefixes) {
                if (village.code().startsWith(prefix)) {
                    villages.add(village);
                    break;
                }
            }
        }
        return villages;
    }
}
