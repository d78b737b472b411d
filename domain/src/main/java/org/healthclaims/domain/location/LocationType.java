package org.healthclaims.domain.location;

/** Levels of the location tree, top down (openIMIS tblLocations.LocationType). */
public enum LocationType {
    REGION("R", 0),
    DISTRICT("D", 1),
    WARD("W", 2),
    VILLAGE("V", 3);

    private final String code;
    private final int level;

    LocationType(String code, int level) {
        this.code = code;
        this.level = level;
    }

    public String code() {
        return code;
    }

    /** openIMIS's {@code parentLocationLevel}: 0 region … 3 village. */
    public int level() {
        return level;
    }

    public static LocationType ofCode(String code) {
        return switch (code) {
            case "R" -> REGION;
            case "D" -> DISTRICT;
            case "W" -> WARD;
            case "V" -> VILLAGE;
            default -> throw new IllegalArgumentException("unknown location type " + code);
        };
    }
}
