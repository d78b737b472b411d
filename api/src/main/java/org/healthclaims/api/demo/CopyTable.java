package org.healthclaims.api.demo;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyManager;

/**
 * The rows of one table in COPY's text format, sent to PostgreSQL in one round trip. Ids are handed out here, so every
 * foreign key is known before anything is written; dates pass through the load's {@link DateShift} as they are written.
 * Each row must give exactly one value per column of its COPY statement, in that order, or {@link #endRow} throws.
 */
final class CopyTable {

    private static final Pattern COPY =
            Pattern.compile("(?is)\\s*copy\\s+(\\w+)\\s*\\(([^)]+)\\)\\s*from\\s+stdin\\s*");

    private final String copySql;
    private final String table;
    private final int columns;
    private final DateShift shift;
    private final SplittableRandom uuids;
    private final StringBuilder text = new StringBuilder(1 << 14);
    private int field;
    private int rows;
    private long lastId;

    CopyTable(String copySql, DateShift shift) {
        Matcher statement = COPY.matcher(copySql);
        if (!statement.matches()) throw new IllegalArgumentException("not a COPY ... FROM STDIN statement: " + copySql);
        this.copySql = copySql;
        this.table = statement.group(1);
        this.columns = statement.group(2).split(",").length;
        this.shift = shift;
        // seeded by the table's name: a table's uuids do not move when another table generates more rows
        this.uuids = new SplittableRandom(DemoData.SEED ^ table.hashCode());
    }

    String table() {
        return table;
    }

    int rows() {
        return rows;
    }

    /** The id of the next row; rows must then be added in id order (COPY keeps it, so ids match insertion order). */
    long nextId() {
        return ++lastId;
    }

    CopyTable number(long value) {
        return raw(Long.toString(value));
    }

    CopyTable number(@Nullable Number value) {
        return value == null ? nul() : raw(value.toString());
    }

    /** A decimal(18,2) from hundredths: money in cents, or a percentage / quantity with two decimals. */
    CopyTable money(long hundredths) {
        return raw(BigDecimal.valueOf(hundredths, 2).toPlainString());
    }

    CopyTable money(@Nullable Long hundredths) {
        return hundredths == null ? nul() : money(hundredths.longValue());
    }

    CopyTable text(@Nullable String value) {
        return value == null ? nul() : raw(escape(value));
    }

    CopyTable text(char code) {
        return raw(String.valueOf(code));
    }

    CopyTable flag(boolean value) {
        return raw(value ? "t" : "f");
    }

    CopyTable date(@Nullable LocalDate scenarioDate) {
        return scenarioDate == null ? nul() : raw(shift.apply(scenarioDate).toString());
    }

    CopyTable time(@Nullable LocalDateTime scenarioTime) {
        return scenarioTime == null ? nul() : raw(shift.apply(scenarioTime).toString());
    }

    /** A random (version 4) uuid from this table's own seeded stream: the same on every load. */
    CopyTable uuid() {
        long high = (uuids.nextLong() & ~0xF000L) | 0x4000L;
        long low = (uuids.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return raw(new UUID(high, low).toString());
    }

    CopyTable nul() {
        return raw("\\N");
    }

    void endRow() {
        if (field != columns)
            throw new IllegalStateException(
                    table + " row " + (rows + 1) + " has " + field + " values for " + columns + " columns");
        text.append('\n');
        field = 0;
        rows++;
    }

    void copyIn(CopyManager copy) throws SQLException, IOException {
        if (rows > 0) copy.copyIn(copySql, new StringReader(text.toString()));
    }

    private CopyTable raw(String value) {
        if (field == columns)
            throw new IllegalStateException(
                    table + " row " + (rows + 1) + " has more values than its " + columns + " columns");
        if (field > 0) text.append('\t');
        text.append(value);
        field++;
        return this;
    }

    /** COPY text format: backslash, tab and line ends would end the field or the row, so they are escaped. */
    private static String escape(String value) {
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c != '\\' && c != '\t' && c != '\n' && c != '\r';
        }
        if (plain) return value;
        return value.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }
}
