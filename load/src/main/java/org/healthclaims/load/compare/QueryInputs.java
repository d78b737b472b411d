package org.healthclaims.load.compare;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The inputs of the three queries, taken from the data so that every data set gives full answers: a page of
 * {@code first} claims; the first three letters of the commonest last name (a prefix with many insurees, so the search
 * returns its 20); the code of the current claim in the middle of the id range.
 */
record QueryInputs(int first, String prefix, String code) {

    static final int PAGE = 100;

    static final String COMMONEST_LAST_NAME = """
            select i.last_name
              from insuree i
             where i.validity_to is null
             group by i.last_name
             order by count(*) desc, i.last_name
             limit 1""";

    static final String MIDDLE_CLAIM = """
            select c.code
              from claim c
             where c.validity_to is null
               and c.id >= (select (min(m.id) + max(m.id)) / 2 from claim m)
             order by c.id
             limit 1""";

    static QueryInputs of(Connection database) throws SQLException {
        try (Statement s = database.createStatement()) {
            String lastName = single(s, COMMONEST_LAST_NAME, "no current insuree");
            String code = single(s, MIDDLE_CLAIM, "no current claim");
            return new QueryInputs(PAGE, lastName.substring(0, Math.min(3, lastName.length())), code);
        }
    }

    /**
     * The LIKE pattern both servers build from a case-insensitive prefix (lower case, {@code \ % _} escaped, then
     * {@code %}), for the hand-written statement that stands for them.
     */
    static String likePrefix(String prefix) {
        return prefix.toLowerCase(Locale.ROOT).replaceAll("[\\\\%_]", "\\\\$0") + "%";
    }

    private static String single(Statement s, String sql, String none) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) throw new IllegalStateException("cannot compare on this database: " + none);
            return rs.getString(1);
        }
    }
}
