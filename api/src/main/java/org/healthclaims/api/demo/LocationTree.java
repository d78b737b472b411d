package org.healthclaims.api.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Regions, districts, wards and villages. §9's branches (R1 Ultha > R1D1 Rajo > R1D1M1 Jamu > Rachla, Holoto and
 * R2 Tahida > R2D1 Vida > R2D1M1 > R2D1M1V1) are kept exactly; the volume adds wards to both §9 districts and two
 * more districts, R1D2 and R2D2, each with three wards of four villages.
 */
final class LocationTree {

    static final String COPY_LOCATION = """
            copy location (id, uuid, code, name, parent_location_id, type, validity_from) from stdin""";

    record Region(long id, String code) {}

    record District(long id, String code, String name, Region region) {}

    record Village(long id, String code, String name, District district) {}

    private static final int GENERATED_WARDS = 3;
    private static final int VILLAGES_PER_GENERATED_WARD = 4;

    private final CopyTable location;
    private final Map<String, Region> regions = new HashMap<>();
    private final List<District> districts = new ArrayList<>();
    private final List<Village> villages = new ArrayList<>();
    private final Map<String, Village> villagesByCode = new HashMap<>();
    private int generatedNames;

    private LocationTree(CopyTable location) {
        this.location = location;
    }

    static LocationTree write(DemoRows rows) {
        LocationTree tree = new LocationTree(rows.location);

        Region ultha = tree.region("R1", "Ultha");
        District rajo = tree.district(ultha, "R1D1", "Rajo");
        tree.ward(rajo, 1, "Jamu", List.of("Rachla", "Holoto"));
        tree.generatedWards(rajo, 2);
        tree.generatedWards(tree.district(ultha, "R1D2", "Kitaru"), 1);

        Region tahida = tree.region("R2", "Tahida");
        District vida = tree.district(tahida, "R2D1", "Vida");
        tree.ward(vida, 1, "Lenga", List.of("Sanje"));
        tree.generatedWards(vida, 2);
        tree.generatedWards(tree.district(tahida, "R2D2", "Mosana"), 1);
        return tree;
    }

    Region region(String code) {
        Region region = regions.get(code);
        if (region == null) throw new IllegalArgumentException("no region " + code);
        return region;
    }

    District district(String code) {
        for (District district : districts) if (district.code().equals(code)) return district;
        throw new IllegalArgumentException("no district " + code);
    }

    Village village(String code) {
        Village village = villagesByCode.get(code);
        if (village == null) throw new IllegalArgumentException("no village " + code);
        return village;
    }

    List<District> districts() {
        return districts;
    }

    List<Village> villages() {
        return villages;
    }

    private Region region(String code, String name) {
        Region region = new Region(row(code, name, null, 'R'), code);
        regions.put(code, region);
        return region;
    }

    private District district(Region region, String code, String name) {
        District district = new District(row(code, name, region.id(), 'D'), code, name, region);
        districts.add(district);
        return district;
    }

    private void ward(District district, int number, String name, List<String> villageNames) {
        String wardCode = district.code() + "M" + number;
        long wardId = row(wardCode, name, district.id(), 'W');
        for (int v = 0; v < villageNames.size(); v++) {
            String code = wardCode + "V" + (v + 1);
            Village village =
                    new Village(row(code, villageNames.get(v), wardId, 'V'), code, villageNames.get(v), district);
            villages.add(village);
            villagesByCode.put(code, village);
        }
    }

    private void generatedWards(District district, int firstNumber) {
        for (int w = firstNumber; w <= GENERATED_WARDS; w++) {
            String wardName = PlaceNames.name(generatedNames++);
            List<String> villageNames = new ArrayList<>(VILLAGES_PER_GENERATED_WARD);
            for (int v = 0; v < VILLAGES_PER_GENERATED_WARD; v++) villageNames.add(PlaceNames.name(generatedNames++));
            ward(district, w, wardName, villageNames);
        }
    }

    private long row(String code, String name, @Nullable Long parentId, char type) {
        long id = location.nextId();
        location.number(id)
                .uuid()
                .text(code)
                .text(name)
                .number(parentId)
                .text(type)
                .time(DateShift.REGISTERS_SINCE)
                .endRow();
        return id;
    }

    /** Invented place names, two syllables each; a stride coprime with the table size keeps them distinct. */
    static final class PlaceNames {
        private static final String[] FIRST = {"Ki", "Ma", "Nya", "Lu", "Mbe", "To", "Sa", "Ru", "Ka", "Mi", "Ngo", "Bu"
        };
        private static final String[] SECOND = {
            "lolo", "wanda", "sire", "bani", "tete", "kumi", "nzo", "hara", "gwe", "lima"
        };
        private static final int SIZE = FIRST.length * SECOND.length;

        private PlaceNames() {}

        static String name(int index) {
            if (index >= SIZE) throw new IllegalArgumentException("only " + SIZE + " distinct place names");
            int j = (index * 37) % SIZE;
            return FIRST[j % FIRST.length] + SECOND[j / FIRST.length];
        }
    }
}
