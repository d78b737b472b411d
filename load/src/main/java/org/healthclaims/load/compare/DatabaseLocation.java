package org.healthclaims.load.compare;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.healthclaims.domain.database.DatabaseUrl;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;

/**
 * The database of a JDBC URL as the other two clients of a comparison need it: libpq's environment for pgbench, a
 * {@code postgres://} URL for PostGraphile (node-postgres). Both go to the child processes through their environment,
 * so no password appears on a command line.
 */
record DatabaseLocation(
        String host,
        int port,
        String database,
        @Nullable String user,
        @Nullable String password) {

    static DatabaseLocation of(DatabaseUrl url) {
        Properties parsed = Driver.parseURL(url.jdbcUrl(), null);
        if (parsed == null) throw new IllegalArgumentException("--database-url is not a PostgreSQL JDBC URL");
        // PgJDBC lists several hosts comma-separated (failover); the comparison uses the first
        String host = parsed.getProperty("PGHOST", "localhost").split(",", -1)[0];
        String port = parsed.getProperty("PGPORT", "5432").split(",", -1)[0];
        String user = url.user() != null ? url.user() : parsed.getProperty("user");
        String password = url.password() != null ? url.password() : parsed.getProperty("password");
        return new DatabaseLocation(
                host, Integer.parseInt(port), parsed.getProperty("PGDBNAME", "postgres"), user, password);
    }

    /** PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD: what pgbench and psql read. */
    Map<String, String> libpqEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", host);
        env.put("PGPORT", Integer.toString(port));
        env.put("PGDATABASE", database);
        if (user != null) env.put("PGUSER", user);
        if (password != null) env.put("PGPASSWORD", password);
        return env;
    }

    /** {@code postgres://user:password@host:port/database}, parts encoded. */
    String postgresUrl() {
        StringBuilder url = new StringBuilder("postgres://");
        if (user != null) {
            url.append(encode(user));
            if (password != null) url.append(':').append(encode(password));
            url.append('@');
        }
        url.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        return url.append(':').append(port).append('/').append(encode(database)).toString();
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
