package org.healthclaims.load.datagen;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL for generated data that is the same on every run: draws that are hashes of (seed, row, draw number), never a
 * random generator's state, so any range of rows can be written by any connection in any order; and literals bound
 * into a statement's text (a generating statement runs once per range, with values no client supplies).
 */
public final class Draws {

    /** {@code :name}, not the second colon of a {@code ::cast}. */
    private static final Pattern NAME = Pattern.compile("(?<!:):([A-Za-z]\\w*)");

    private Draws() {}

    /** A draw in [0, {@code modulus}) for row {@code row}, draw number {@code k} (0–63), under {@code :seed}. */
    public static String draw(String row, int k, String modulus) {
        return "cast((hashint8extended(cast(%s as bigint) * 64 + %d, :seed) & 9223372036854775807) %% (%s) as int)"
                .formatted(row, k, modulus);
    }

    /** {@code sql} with every {@code :name} replaced by its value's text; a name without a value is a mistake. */
    public static String bind(String sql, Map<String, ?> values) {
        Matcher names = NAME.matcher(sql);
        StringBuilder bound = new StringBuilder();
        while (names.find()) {
            Object value = values.get(names.group(1));
            if (value == null) throw new IllegalArgumentException("no value for :" + names.group(1) + " in " + sql);
            names.appendReplacement(bound, Matcher.quoteReplacement(value.toString()));
        }
        return names.appendTail(bound).toString();
    }
}
