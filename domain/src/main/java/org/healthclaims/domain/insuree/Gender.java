package org.healthclaims.domain.insuree;

/** openIMIS genders (tblGender); {@code O} counts as male in the patient-category mask (domain.md §3.5). */
public enum Gender {
    MALE("M", "Male"),
    FEMALE("F", "Female"),
    OTHER("O", "Other");

    private final String code;
    private final String label;

    Gender(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Gender ofCode(String code) {
        return switch (code) {
            case "M" -> MALE;
            case "F" -> FEMALE;
            case "O" -> OTHER;
            default -> throw new IllegalArgumentException("unknown gender code " + code);
        };
    }
}
