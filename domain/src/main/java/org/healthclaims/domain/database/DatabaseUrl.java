package org.healthclaims.domain.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A database location as operators write it: a JDBC URL, or a {@code postgres://user:pass@host:port/db} URL as
 * Heroku, libpq and most other tools write it. Credentials given separately win over those inside the URL.
 */
public record DatabaseUrl(
        String jdbcUrl, @Nullable String user, @Nullable String password) {

    public DatabaseUrl {
        if (!jdbcUrl.startsWith("jdbc:")) throw new IllegalArgumentException("not a JDBC URL: " + redacted(jdbcUrl));
    }

    /**
     * Parses {@code DATABASE_URL}. Accepts {@code jdbc:...}, {@code postgres://...} and {@code postgresql://...};
     * anything else is refused with a message that names the variable.
     */
    public static DatabaseUrl parse(String url, @Nullable String user, @Nullable String password) {
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:")) return new DatabaseUrl(trimmed, blankToNull(user), blankToNull(password));
        if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://"))
            throw new IllegalArgumentException(
                    "DATABASE_URL must be a JDBC URL or postgres://user:pass@host:port/db, was " + redacted(trimmed));
        URI uri = URI.create(trimmed);
        if (uri.getHost() == null) throw new IllegalArgumentException("DATABASE_URL has no host: " + redacted(trimmed));
        String database = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database + query;
        String urlUser = null;
        String urlPassword = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            urlUser = decode(parts[0]);
            if (parts.length == 2) urlPassword = decode(parts[1]);
        }
        String u = blankToNull(user);
        String p = blankToNull(password);
        return new DatabaseUrl(jdbc, u != null ? u : urlUser, p != null ? p : urlPassword);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** For messages and logs: never print a password. */
    static String redacted(String url) {
        return url.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + redacted(jdbcUrl) + ", user=" + user + "]";
    }
}
