package org.healthclaims.api.sql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * openIMIS's validity-dated history rows (domain.md §2.0): before an update the current row is copied into a new,
 * closed row ({@code validity_to} now, {@code legacy_id} pointing at the live row, a new uuid); the live row keeps
 * its id and uuid. A delete keeps a copy the same way, then closes the live row itself. The copy is one
 * {@code insert ... select} over the table's columns as the database lists them, so a column added by a later
 * migration is kept without touching this class.
 */
@Component
public class History {

    private final JdbcClient jdbc;
    private final Map<String, List<String>> columns = new ConcurrentHashMap<>();

    public History(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Copies the current row {@code id} of {@code table} into a closed history row; answers the copy's id. */
    public long keep(String table, long id) {
        return jdbc.sql(copy(table, Map.of(), "id = :id") + " returning id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /** Copies the current rows of {@code table} whose {@code parentColumn} is {@code parentId} under {@code copyId}. */
    public int keepChildren(String table, String parentColumn, long parentId, long copyId) {
        return jdbc.sql(copy(table, Map.of(parentColumn, ":copyId"), parentColumn + " = :parentId"))
                .param("parentId", parentId)
                .param("copyId", copyId)
                .update();
    }

    /**
     * Logical delete of a live row: a history copy, then {@code validity_from = validity_to = now()} on the row
     * itself (openIMIS's {@code delete_history}), by {@code auditUserId}.
     */
    public void delete(String table, long id, long auditUserId) {
        keep(table, id);
        jdbc.sql("update " + table + " set validity_from = now(), validity_to = now(), audit_user_id = :user"
                        + " where id = :id and validity_to is null")
                .param("id", id)
                .param("user", auditUserId)
                .update();
    }

    private String copy(String table, Map<String, String> overrides, String where) {
        List<String> names = columns.computeIfAbsent(table, this::columnsOf);
        String values = names.stream()
                .map(c -> switch (c) {
                    case "uuid" -> "gen_random_uuid()";
                    case "validity_to" -> "now()";
                    case "legacy_id" -> "id";
                    default -> overrides.getOrDefault(c, c);
                })
                .collect(Collectors.joining(", "));
        return "insert into " + table + " (" + String.join(", ", names) + ") select " + values + " from " + table
                + " where " + where + " and validity_to is null";
    }

    private List<String> columnsOf(String table) {
        List<String> names =
                jdbc.sql("""
                        select column_name from information_schema.columns
                         where table_schema = current_schema() and table_name = :table and column_name <> 'id'
                         order by ordinal_position""").param("table", table).query(String.class).list();
        if (names.isEmpty()) throw new IllegalArgumentException("no table " + table);
        return names;
    }
}
