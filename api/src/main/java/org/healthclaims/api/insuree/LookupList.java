package org.healthclaims.api.insuree;

import org.healthclaims.api.guard.ApiError;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lookup lists a family or an insuree points into (domain.md §2.18), each with the refusal of a code it does not
 * hold. The lists are a few rows each; one {@code exists} per given code.
 */
enum LookupList {
    GENDER("gender", "code", "GENDER_NOT_FOUND", "gender"),
    FAMILY_TYPE("family_type", "code", "FAMILY_TYPE_NOT_FOUND", "family type"),
    CONFIRMATION_TYPE("confirmation_type", "code", "CONFIRMATION_TYPE_NOT_FOUND", "confirmation type"),
    RELATION("relation", "id", "RELATION_NOT_FOUND", "relation"),
    PROFESSION("profession", "id", "PROFESSION_NOT_FOUND", "profession"),
    EDUCATION("education", "id", "EDUCATION_NOT_FOUND", "education"),
    IDENTIFICATION_TYPE("identification_type", "code", "IDENTIFICATION_TYPE_NOT_FOUND", "identification type");

    private final String exists;
    private final String code;
    private final String what;

    LookupList(String table, String key, String code, String what) {
        this.exists = "select exists (select 1 from " + table + " where " + key + " = :value)";
        this.code = code;
        this.what = what;
    }

    /** Refuses (BAD_REQUEST) a code the list does not hold; a code not given is fine. */
    void requireKnown(JdbcClient jdbc, @Nullable Object value, String field) {
        if (value != null
                && !jdbc.sql(exists).param("value", value).query(Boolean.class).single())
            throw ApiError.badRequest(code, field, "There is no " + what + " " + value);
    }
}
