package org.healthclaims.api.mutation;

import java.time.LocalDate;
import java.util.Map;
import org.healthclaims.api.guard.ApiError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One GraphQL input object of a mutation (the input itself, or a nested one such as {@code headInsuree}) with its
 * place in the input, so that every refusal names its field as a path ({@code headInsuree.chfId},
 * {@code items[1].qtyProvided}).
 */
public record InputObject(Map<String, Object> values, String path) {

    public static InputObject of(Map<String, Object> input) {
        return new InputObject(input, "");
    }

    /** The path of {@code field} within the mutation's input. */
    public String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The input objects of a list field ({@code items}), each at its index; empty when the list was not given. */
    public java.util.List<InputObject> list(String field) {
        java.util.List<InputObject> objects = new java.util.ArrayList<>();
        if (!(values.get(field) instanceof java.util.List<?> rows)) return objects;
        for (int i = 0; i < rows.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) rows.get(i);
            objects.add(new InputObject(row, at(field) + "[" + i + "]"));
        }
        return objects;
    }

    /** A nested input object, or null when it was not given. */
    @Nullable
    public InputObject nested(String field) {
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) values.get(field);
        return nested == null ? null : new InputObject(nested, at(field));
    }

    /** Text without surrounding blanks (blank counts as not given), at most {@code max} characters. */
    @Nullable
    public String text(String field, int max) {
        Object value = values.get(field);
        if (value == null) return null;
        String text = value.toString().strip();
        if (text.isEmpty()) return null;
        if (text.length() > max)
            throw ApiError.badRequest("TEXT_TOO_LONG", at(field), at(field) + " has at most " + max + " characters");
        return text;
    }

    public String requiredText(String field, int max) {
        String text = text(field, max);
        if (text == null) throw missing(field);
        return text;
    }

    /** A value the schema already requires; a typed error rather than a crash if one ever comes null. */
    public <T> T required(String field, Class<T> type) {
        Object value = values.get(field);
        if (value == null) throw missing(field);
        return type.cast(value);
    }

    @Nullable
    public Integer integer(String field) {
        return (Integer) values.get(field);
    }

    @Nullable
    public Long id(String field) {
        Integer id = integer(field);
        return id == null ? null : id.longValue();
    }

    public long requiredId(String field) {
        Long id = id(field);
        if (id == null) throw missing(field);
        return id;
    }

    @Nullable
    public Boolean flag(String field) {
        return (Boolean) values.get(field);
    }

    @Nullable
    public LocalDate date(String field) {
        return (LocalDate) values.get(field);
    }

    /** JSON text that PostgreSQL's jsonb will accept, checked here so a typo answers a typed error. */
    @Nullable
    public String json(String field) {
        String text = text(field, Integer.MAX_VALUE);
        if (text == null) return null;
        try {
            JsonMapper.shared().readTree(text);
        } catch (JacksonException e) {
            throw ApiError.badRequest("INVALID_JSON", at(field), at(field) + " is not valid JSON");
        }
        return text;
    }

    public ApiError missing(String field) {
        return ApiError.badRequest("REQUIRED", at(field), at(field) + " is required");
    }
}
