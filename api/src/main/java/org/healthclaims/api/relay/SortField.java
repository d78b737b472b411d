package org.healthclaims.api.relay;

/**
 * A field a connection can be ordered by: its name in openIMIS's {@code orderBy} (e.g. {@code dateClaimed}), the
 * SQL expression (never null, so keysets compare cleanly) and the type its cursor values are read back as.
 */
public record SortField(String name, String sql, KeyType type) {

    /** How a keyset value travels in a cursor and is bound back into SQL. */
    public enum KeyType {
        TEXT,
        DATE,
        INT,
        LONG,
        BOOLEAN,
        TIMESTAMP
    }
}
