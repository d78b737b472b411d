package org.healthclaims.api.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The number of rows of every table of the schema (the mutation log and Flyway's history aside), to show that a
 * refused mutation changed nothing: {@code assertThat(RowCounts.of(jdbc)).isEqualTo(before)}.
 */
public final class RowCounts {

    private RowCounts() {}

    public static Map<String, Long> of(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                         where table_schema = current_schema() and table_type = 'BASE TABLE'
                           and table_name not in ('mutation_log', 'flyway_schema_history')
                         order by table_name""").query(String.class).list();
        StringBuilder sql = new StringBuilder();
        for (String table : tables) {
            if (!sql.isEmpty()) sql.append(" union all ");
            sql.append("select '").append(table).append("', count(*) from ").append(table);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
