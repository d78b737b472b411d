package org.healthclaims.load.report;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Records of a CSV file (RFC 4180: comma-separated, fields in double quotes may hold commas, quotes as {@code ""} and
 * line breaks), as JMeter writes them: a failure message or a response message can hold any of those. One record at a
 * time into a reused array; the only allocation per record is each field's string.
 */
final class CsvRecords {

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private final StringBuilder field = new StringBuilder(64);
    private String[] fields = new String[32];
    private int count;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** Reads the next record; false at the end of the file. Blank lines are skipped. */
    boolean next() throws IOException {
        count = 0;
        field.setLength(0);
        boolean quoted = false;
        boolean any = false;
        while (true) {
            int c = read();
            if (c < 0) {
                if (!any) return false;
                add();
                return true;
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else quoted = false;
                } else field.append((char) c);
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    add();
                    any = true;
                }
                case '\r' -> {
                    if (peek() == '\n') read();
                    if (any || field.length() > 0) {
                        add();
                        return true;
                    }
                }
                case '\n' -> {
                    if (any || field.length() > 0) {
                        add();
                        return true;
                    }
                }
                default -> {
                    field.append((char) c);
                    any = true;
                }
            }
        }
    }

    int size() {
        return count;
    }

    /** Field {@code i} of the current record; empty when the record is shorter. */
    String get(int i) {
        return i < count ? fields[i] : "";
    }

    private void add() {
        if (count == fields.length) fields = Arrays.copyOf(fields, count * 2);
        fields[count++] = field.toString();
        field.setLength(0);
    }

    private int read() throws IOException {
        if (position == limit && !fill()) return -1;
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) return -1;
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) return false;
        position = 0;
        limit = n;
        return true;
    }
}
