package org.healthclaims.api.insuree;

import org.healthclaims.domain.insuree.Gender;

/** GenderGQLType: openIMIS's fixed gender list, answered without touching the database. */
record GenderRow(String code, String gender) {

    private static final GenderRow MALE = new GenderRow("M", Gender.MALE.label());
    private static final GenderRow FEMALE = new GenderRow("F", Gender.FEMALE.label());
    private static final GenderRow OTHER = new GenderRow("O", Gender.OTHER.label());

    static GenderRow of(String code) {
        return switch (Gender.ofCode(code)) {
            case MALE -> MALE;
            case FEMALE -> FEMALE;
            case OTHER -> OTHER;
        };
    }
}
