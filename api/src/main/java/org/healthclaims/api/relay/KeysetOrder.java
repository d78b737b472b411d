package org.healthclaims.api.relay;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthclaims.api.guard.InvalidArgument;
import org.jspecify.annotations.Nullable;

/**
 * The order of a connection, from openIMIS's {@code orderBy: ["-dateClaimed", "code"]}, always ending with the
 * primary key so that it is total. Pages continue with a keyset ({@code where (keys) < (cursor's keys)}), never an
 * offset: the cost of page 1,000 is the cost of page 1. A cursor carries the order it was made for and is refused
 * under another one.
 */
public final class KeysetOrder {

    private final List<SortField> fields;
    private final boolean[] descending;
    private final String signature;

    private KeysetOrder(List<SortField> fields, boolean[] descending) {
        this.fields = List.copyOf(fields);
        this.descending = descending;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) s.append(',');
            s.append(descending[i] ? "-" : "").append(fields.get(i).name());
        }
        this.signature = s.toString();
    }

    /**
     * Parses {@code orderBy} against the fields the connection allows; {@code defaultOrder} applies when it is empty.
     * The primary key {@code id} is appended (in the direction of the last term) unless named.
     */
    public static KeysetOrder of(
            @Nullable List<String> orderBy, List<SortField> allowed, List<String> defaultOrder, SortField id) {
        List<String> terms = orderBy == null || orderBy.isEmpty() ? defaultOrder : orderBy;
        Map<String, SortField> byName = new LinkedHashMap<>();
        for (SortField f : allowed) byName.put(f.name(), f);
        byName.put(id.name(), id);
        List<SortField> fields = new ArrayList<>();
        List<Boolean> directions = new ArrayList<>();
        for (String term : terms) {
            if (term == null || term.isBlank()) continue;
            boolean desc = term.startsWith("-");
            String name = desc || term.startsWith("+") ? term.substring(1) : term;
            SortField field = byName.get(name);
            if (field == null)
                throw new InvalidArgument(
                        "INVALID_ORDER_BY",
                        "cannot order by '" + name + "'; allowed: " + String.join(", ", byName.keySet()));
            if (fields.contains(field)) continue;
            fields.add(field);
            directions.add(desc);
        }
        if (!fields.contains(id)) {
            fields.add(id);
            directions.add(!directions.isEmpty() && directions.getLast());
        } else {
            // nothing after the primary key can change the order
            int at = fields.indexOf(id);
            fields.subList(at + 1, fields.size()).clear();
            directions.subList(at + 1, directions.size()).clear();
        }
        boolean[] desc = new boolean[directions.size()];
        for (int i = 0; i < desc.length; i++) desc[i] = directions.get(i);
        return new KeysetOrder(fields, desc);
    }

    /** {@code c.date_claimed desc, c.id desc} */
    public String orderBySql() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) s.append(", ");
            s.append(fields.get(i).sql()).append(descending[i] ? " desc" : " asc");
        }
        return s.toString();
    }

    /** The extra select-list entries {@code , expr as k0, ...} that {@link #cursorOf} reads back. */
    public String selectKeysSql() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fields.size(); i++)
            s.append(", ").append(fields.get(i).sql()).append(" as k").append(i);
        return s.toString();
    }

    /** The cursor of the current row of a result set selected with {@link #selectKeysSql()}. */
    public String cursorOf(ResultSet rs) throws SQLException {
        StringBuilder s = new StringBuilder(signature);
        for (int i = 0; i < fields.size(); i++) {
            String value = switch (fields.get(i).type()) {
                case TEXT -> rs.getString("k" + i);
                case DATE -> rs.getObject("k" + i, LocalDate.class).toString();
                case INT -> Integer.toString(rs.getInt("k" + i));
                case LONG -> Long.toString(rs.getLong("k" + i));
                case BOOLEAN -> Boolean.toString(rs.getBoolean("k" + i));
                case TIMESTAMP -> rs.getObject("k" + i, OffsetDateTime.class).toString();
            };
            s.append('\n').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Restricts the query to the rows after {@code cursor}; a cursor of another order is a typed error. */
    public void after(String cursor, Conditions where) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw invalidCursor(cursor);
        }
        if (parts.length != fields.size() + 1 || !parts[0].equals(signature)) throw invalidCursor(cursor);
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String text = URLDecoder.decode(parts[i + 1], StandardCharsets.UTF_8);
            params.put("after" + i, parse(fields.get(i).type(), text, cursor));
        }
        where.raw(predicate(), params);
    }

    private String predicate() {
        boolean uniform = true;
        for (boolean d : descending) uniform &= d == descending[0];
        if (uniform) {
            // a row comparison walks a matching index directly
            StringBuilder left = new StringBuilder("(");
            StringBuilder right = new StringBuilder("(");
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    left.append(", ");
                    right.append(", ");
                }
                left.append(fields.get(i).sql());
                right.append(":after").append(i);
            }
            return left + ") " + (descending[0] ? "<" : ">") + " " + right + ")";
        }
        // mixed directions: (a > x) or (a = x and b < y) or ...
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) s.append(" or ");
            s.append('(');
            for (int j = 0; j < i; j++)
                s.append(fields.get(j).sql()).append(" = :after").append(j).append(" and ");
            s.append(fields.get(i).sql())
                    .append(descending[i] ? " < " : " > ")
                    .append(":after")
                    .append(i)
                    .append(')');
        }
        return s.append(')').toString();
    }

    private static Object parse(SortField.KeyType type, String text, String cursor) {
        try {
            return switch (type) {
                case TEXT -> text;
                case DATE -> LocalDate.parse(text);
                case INT -> Integer.parseInt(text);
                case LONG -> Long.parseLong(text);
                case BOOLEAN -> parseBoolean(text, cursor);
                case TIMESTAMP -> OffsetDateTime.parse(text);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalidCursor(cursor);
        }
    }

    private static boolean parseBoolean(String text, String cursor) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalidCursor(cursor);
        };
    }

    private static InvalidArgument invalidCursor(String cursor) {
        return new InvalidArgument(
                "INVALID_CURSOR", "the cursor '" + cursor + "' does not belong to this query's order");
    }

    @Override
    public String toString() {
        return signature;
    }
}
