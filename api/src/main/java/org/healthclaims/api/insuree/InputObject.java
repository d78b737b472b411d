package org.healthclaims.api.insuree;

import java.time.LocalDate;
import java.util.Map;
import org.healthclaims.api.guard.ApiError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One GraphQL input object of a mutation (the input itself, or a nested one such as {@code headInsuree}) with its
 * place in the input, so that every refusal names its field as a path ({@code headInsuree.chfId}). The claim
 * mutations read flat inputs only; a family's head is one level down, hence this reader.
 */
record InputObject(Map<String, Object> values, String path) {

    static InputObject of(Map<String, Object> input) {
        return new InputObject(input, "");
    }

    /** The path of {@code field} within the mutation's input. */
    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** A nested input object, or null when it was not given. */
    @Nullable
    InputObject nested(String field) {
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) values.get(field);
        return nested == null ? null : new InputObject(nested, at(field));
    }

    /** Text without surrounding blanks (blank counts as not given), at most {@code max} characters. */
    @Nullable
    String text(String field, int max) {
        Object value = values.get(field);
        if (value == null) return null;
        String text = value.toString().strip();
        if (text.isEmpty()) return null;
        if (text.length() > max)
            throw ApiError.badRequest("TEXT_TOO_LONG", at(field), at(field) + " has at most " + max + " characters");
        return text;
    }

    String requiredText(String field, int max) {
        String text = text(field, max);
        if (text == null) throw missing(field);
        return text;
    }

    /** A value the schema already requires; a typed error rather than a crash if one ever comes null. */
    <T> T required(String field, Class<T> type) {
        Object value = values.get(field);
        if (value == null) throw missing(field);
        return type.cast(value);
    }

    @Nullable
    Integer integer(String field) {
        return (Integer) values.get(field);
    }

    @Nullable
    Long id(String field) {
        Integer id = integer(field);
        return id == null ? null : id.longValue();
    }

    long requiredId(String field) {
        Long id = id(field);
        if (id == null) throw missing(field);
        return id;
    }

    @Nullable
    Boolean flag(String field) {
        return (Boolean) values.get(field);
    }

    @Nullable
    LocalDate date(String field) {
        return (LocalDate) values.get(field);
    }

    /** JSON text that PostgreSQL's jsonb will accept, checked here so a typo answers a typed error. */
    @Nullable
    String json(String field) {
        String text = text(field, Integer.MAX_VALUE);
        if (text == null) return null;
        try {
            JsonMapper.shared().readTree(text);
        } catch (JacksonException e) {
            throw ApiError.badRequest("INVALID_JSON", at(field), at(field) + " is not valid JSON");
        }
        return text;
    }

    ApiError missing(String field) {
        return ApiError.badRequest("REQUIRED", at(field), at(field) + " is required");
    }
}
