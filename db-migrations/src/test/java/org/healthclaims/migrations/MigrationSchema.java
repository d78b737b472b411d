package org.healthclaims.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads the shape of our Flyway scripts (tables, columns, named checks, keys, foreign keys, indexes) so that the
 * PostgreSQL and SQL Server twins can be compared. It is not a SQL parser: it knows the statement forms our
 * migrations use ({@code create table}, {@code create [unique] index}, {@code alter table ... add}), skips data
 * statements, and refuses any other DDL, so a new form fails the parity test instead of being silently ignored.
 *
 * <p>Everything is compared case-insensitively: identifiers and literals are lower-cased, {@code [brackets]} and
 * {@code "quotes"} around identifiers and the {@code N} of T-SQL's {@code N'...'} literals are dropped.
 */
final class MigrationSchema {

    enum Dialect {
        POSTGRESQL,
        SQLSERVER;

        String folder() {
            return "db/migration/" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The schema after one migration file: the tables it created, and every table as it stands afterwards. */
    record Version(String fileName, List<String> createdTables, Map<String, Table> tables) {}

    record Table(
            String name,
            List<Column> columns,
            Map<String, String> checks,
            Map<String, Key> keys,
            Map<String, ForeignKey> foreignKeys,
            Map<String, Index> indexes) {

        List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        Column column(String columnName) {
            return columns.stream()
                    .filter(c -> c.name().equals(columnName))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + columnName));
        }
    }

    /** {@code type} without spaces ({@code numeric(18,2)}); {@code defaultValue} as written, outer parentheses off. */
    record Column(
            String name,
            String type,
            boolean notNull,
            boolean identity,
            @Nullable String defaultValue) {}

    record Key(String name, boolean primary, List<String> columns) {}

    record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {}

    record Index(
            String name,
            boolean unique,
            List<String> keys,
            @Nullable String filter) {}

    /** Flyway's versioned-migration name; a file that does not match would be skipped by Flyway without a word. */
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__\\w+\\.sql");

    private static final Pattern GO_LINE = Pattern.compile("(?i)[ \\t]*go[ \\t]*(?:\\r?\\n|$)");
    private static final Pattern ALTER_TABLE_ADD = Pattern.compile("alter table ([\\w.$#]+) add (.+)");
    private static final Set<String> DATA_STATEMENTS =
            Set.of("insert", "update", "delete", "merge", "select", "set", "comment", "grant", "revoke");
    private static final int POSTGRESQL_MAX_NAME = 63;

    private MigrationSchema() {}

    /** Parses the dialect's folder as Flyway finds it on the classpath, in version order. */
    static List<Version> load(Dialect dialect) {
        URL folder = MigrationSchema.class.getClassLoader().getResource(dialect.folder());
        if (folder == null) {
            throw new IllegalStateException(dialect.folder() + " is not on the test classpath");
        }
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> paths = Files.list(Path.of(folder.toURI()))) {
            for (Path path : paths.toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read " + folder, e);
        }
        return parse(dialect, files);
    }

    /** Parses files (name to SQL) in Flyway's version order; each {@link Version} is the schema after that file. */
    static List<Version> parse(Dialect dialect, Map<String, String> files) {
        List<String> names = new ArrayList<>(files.keySet());
        for (String name : names) {
            if (!FILE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(name + " is not a versioned Flyway migration (V<n>__<what>.sql)");
            }
        }
        names.sort(Comparator.comparing(MigrationSchema::versionOf, Arrays::compare));
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        List<Version> versions = new ArrayList<>();
        for (String name : names) {
            List<String> created = new ArrayList<>();
            for (String statement : statements(files.get(name))) {
                try {
                    apply(dialect, statement, tables, created);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
                }
            }
            Map<String, Table> snapshot = new LinkedHashMap<>();
            tables.forEach((tableName, builder) -> snapshot.put(tableName, builder.build()));
            versions.add(new Version(name, List.copyOf(created), Collections.unmodifiableMap(snapshot)));
        }
        return List.copyOf(versions);
    }

    /** The tables of one script, for tests that parse a snippet. */
    static Map<String, Table> parseScript(Dialect dialect, String sql) {
        return parse(dialect, Map.of("V1__snippet.sql", sql)).getFirst().tables();
    }

    private static int[] versionOf(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException(fileName);
        }
        return Arrays.stream(m.group(1).split("[._]"))
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    // ---- statements ----

    /** Splits a script on {@code ;} and T-SQL {@code GO} lines, drops comments, and normalises each statement. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Matcher goLine = GO_LINE.matcher(sql);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            boolean lineStart = i == 0 || sql.charAt(i - 1) == '\n';
            if (lineStart && goLine.region(i, sql.length()).lookingAt()) {
                addStatement(out, current);
                i = goLine.end();
            } else if (c == '\'') {
                int end = endOfString(sql, i);
                current.append(sql, i, end);
                i = end;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                current.append(' ');
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated /* comment");
                }
                i = end + 2;
                current.append(' ');
            } else if (c == ';') {
                addStatement(out, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        addStatement(out, current);
        return out;
    }

    private static void addStatement(List<String> out, StringBuilder statement) {
        String normalized = normalize(statement.toString());
        if (!normalized.isEmpty()) {
            out.add(normalized);
        }
        statement.setLength(0);
    }

    /** Lower case, identifier quotes and N'' prefixes dropped, one space between words, none inside parentheses. */
    private static String normalize(String sql) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = endOfString(sql, i);
                int last = out.length() - 1;
                if (last >= 0 && out.charAt(last) == 'n' && (last == 0 || !isWordChar(out.charAt(last - 1)))) {
                    out.setLength(last); // T-SQL's N'...' is the same text as '...'
                }
                out.append(sql.substring(i, end).toLowerCase(Locale.ROOT));
                i = end;
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else if (c != '[' && c != ']' && c != '"') {
                out.append(Character.toLowerCase(c));
            }
            i++;
        }
        return out.toString()
                .trim()
                .replace("( ", "(")
                .replace(" )", ")")
                .replace(" ,", ",")
                .replaceAll(",(?=\\S)", ", ");
    }

    private static void apply(
            Dialect dialect, String statement, Map<String, TableBuilder> tables, List<String> created) {
        Cursor c = new Cursor(statement);
        if (c.accept("create", "table")) {
            String name = identifier(c.next());
            List<String> elements = splitTopLevel(c.group());
            c.expectEnd();
            if (tables.containsKey(name)) {
                throw new IllegalArgumentException("table " + name + " is created twice");
            }
            TableBuilder table = new TableBuilder(name);
            for (String element : elements) {
                addElement(dialect, table, element);
            }
            tables.put(name, table);
            created.add(name);
        } else if (c.accept("create", "unique") || c.accept("create")) {
            createIndex(c, statement.startsWith("create unique "), tables);
        } else if (ALTER_TABLE_ADD.matcher(statement).matches()) {
            Matcher m = ALTER_TABLE_ADD.matcher(statement);
            m.matches();
            TableBuilder table = existing(tables, identifier(m.group(1)));
            for (String element : splitTopLevel(m.group(2))) {
                // PostgreSQL repeats `add` (and may say `add column`); T-SQL lists the elements after one `add`
                String item = element.startsWith("add ") ? element.substring(4) : element;
                addElement(dialect, table, item.startsWith("column ") ? item.substring(7) : item);
            }
        } else if (!DATA_STATEMENTS.contains(c.next())) {
            throw new IllegalArgumentException("cannot read (teach MigrationSchema this statement): " + statement);
        }
    }

    private static void createIndex(Cursor c, boolean unique, Map<String, TableBuilder> tables) {
        if (!c.accept("clustered")) {
            c.accept("nonclustered");
        }
        c.expect("index");
        String name = identifier(c.next());
        c.expect("on");
        TableBuilder table = existing(tables, identifier(c.next()));
        List<String> keys = splitTopLevel(c.group());
        if (c.accept("include")) {
            c.group();
        }
        String filter = null;
        if (c.accept("where")) {
            filter = c.until("with");
        }
        if (c.accept("with")) {
            c.group();
        }
        c.expectEnd();
        table.put(table.indexes, name, new Index(name, unique, keys, filter));
    }

    private static void addElement(Dialect dialect, TableBuilder table, String element) {
        Cursor c = new Cursor(element);
        String first = c.peek();
        if (Set.of("constraint", "primary", "unique", "foreign", "check").contains(first)) {
            tableConstraint(dialect, table, c);
        } else {
            column(dialect, table, c);
        }
    }

    private static void tableConstraint(Dialect dialect, TableBuilder table, Cursor c) {
        String name = c.accept("constraint") ? identifier(c.next()) : null;
        if (c.accept("check")) {
            table.put(table.checks, namedCheck(name, table), c.group());
        } else if (c.accept("primary", "key")) {
            skipClustering(c);
            String keyName = named(dialect, name, table.name + "_pkey", table);
            table.put(table.keys, keyName, new Key(keyName, true, splitTopLevel(c.group())));
        } else if (c.accept("unique")) {
            skipClustering(c);
            List<String> columns = splitTopLevel(c.group());
            String keyName = named(dialect, name, table.name + "_" + String.join("_", columns) + "_key", table);
            table.put(table.keys, keyName, new Key(keyName, false, columns));
        } else if (c.accept("foreign", "key")) {
            List<String> columns = splitTopLevel(c.group());
            c.expect("references");
            String referenced = identifier(c.next());
            List<String> referencedColumns = c.peekIsGroup() ? splitTopLevel(c.group()) : List.of();
            String fkName = named(dialect, name, table.name + "_" + String.join("_", columns) + "_fkey", table);
            table.put(table.foreignKeys, fkName, new ForeignKey(fkName, columns, referenced, referencedColumns));
        } else {
            throw c.fail("cannot read the constraint");
        }
        c.expectEnd();
    }

    private static void column(Dialect dialect, TableBuilder table, Cursor c) {
        String name = identifier(c.next());
        String type = c.next();
        if (c.peekIsGroup()) {
            type += c.next().replace(" ", "");
        }
        boolean notNull = false;
        boolean identity = false;
        String defaultValue = null;
        while (!c.atEnd()) {
            String constraint = c.accept("constraint") ? identifier(c.next()) : null;
            if (constraint == null && c.accept("not", "null")) {
                notNull = true;
            } else if (constraint == null && c.accept("null")) {
                notNull = false;
            } else if (constraint == null && c.accept("generated")) {
                if (!c.accept("by", "default")) {
                    c.expect("always");
                }
                c.expect("as");
                c.expect("identity");
                identity = true;
                if (c.peekIsGroup()) {
                    c.group();
                }
            } else if (constraint == null && c.accept("identity")) {
                identity = true;
                if (c.peekIsGroup()) {
                    c.group();
                }
            } else if (constraint == null && c.accept("collate")) {
                c.next();
            } else if (c.accept("primary", "key")) {
                skipClustering(c);
                String keyName = named(dialect, constraint, table.name + "_pkey", table);
                table.put(table.keys, keyName, new Key(keyName, true, List.of(name)));
                notNull = true;
            } else if (c.accept("unique")) {
                skipClustering(c);
                String keyName = named(dialect, constraint, table.name + "_" + name + "_key", table);
                table.put(table.keys, keyName, new Key(keyName, false, List.of(name)));
            } else if (c.accept("references") || c.accept("foreign", "key", "references")) {
                String referenced = identifier(c.next());
                List<String> referencedColumns = c.peekIsGroup() ? splitTopLevel(c.group()) : List.of();
                String fkName = named(dialect, constraint, table.name + "_" + name + "_fkey", table);
                table.put(
                        table.foreignKeys,
                        fkName,
                        new ForeignKey(fkName, List.of(name), referenced, referencedColumns));
            } else if (c.accept("default")) {
                if (dialect == Dialect.SQLSERVER && constraint == null) {
                    throw c.fail("SQL Server names an unnamed default at random: write constraint " + table.name + "_"
                            + name + "_df default ...");
                }
                defaultValue = defaultValue(c);
            } else if (c.accept("check")) {
                table.put(table.checks, namedCheck(constraint, table), c.group());
            } else {
                throw c.fail("cannot read column " + name);
            }
        }
        table.addColumn(new Column(name, type, notNull, identity, defaultValue));
    }

    private static String defaultValue(Cursor c) {
        String value = c.next();
        if (value.equals("-") || value.equals("+")) {
            value += c.next();
        } else if (c.peekIsGroup() && isWordChar(value.charAt(0))) {
            value += c.next(); // a function call such as now()
        }
        while (value.startsWith("(") && endOfGroup(value, 0) == value.length()) {
            value = value.substring(1, value.length() - 1).trim(); // T-SQL tools write ((0))
        }
        return value;
    }

    private static void skipClustering(Cursor c) {
        if (!c.accept("clustered")) {
            c.accept("nonclustered");
        }
    }

    /** Checks are compared by name, so each needs one in both dialects (our convention: {@code <table>_<what>_ck}). */
    private static String namedCheck(@Nullable String name, TableBuilder table) {
        if (name == null) {
            throw new IllegalArgumentException("name every check constraint of " + table.name
                    + " (constraint <table>_<what>_ck check ...): the dialects are compared by name");
        }
        return name;
    }

    /**
     * PostgreSQL names an unnamed key {@code <table>_pkey}, {@code <table>_<columns>_key} or
     * {@code <table>_<columns>_fkey}; SQL Server invents a random name, which a later migration could not drop by name,
     * so there it must be explicit.
     */
    private static String named(Dialect dialect, @Nullable String explicit, String postgresqlName, TableBuilder table) {
        if (explicit != null) {
            return explicit;
        }
        if (dialect == Dialect.SQLSERVER) {
            throw new IllegalArgumentException("SQL Server names an unnamed constraint at random: name it "
                    + postgresqlName + " (PostgreSQL's name for it) in table " + table.name);
        }
        if (postgresqlName.length() > POSTGRESQL_MAX_NAME) {
            throw new IllegalArgumentException(
                    "PostgreSQL shortens the generated name " + postgresqlName + ": name the constraint explicitly");
        }
        return postgresqlName;
    }

    private static TableBuilder existing(Map<String, TableBuilder> tables, String name) {
        TableBuilder table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("no table " + name + " has been created before this statement");
        }
        return table;
    }

    /** {@code dbo.claim} and {@code claim} are the same table. */
    private static String identifier(String token) {
        if (!isWordChar(token.charAt(0))) {
            throw new IllegalArgumentException("expected a name, found " + token);
        }
        return token.substring(token.lastIndexOf('.') + 1);
    }

    // ---- text ----

    /** Splits on the commas that are outside parentheses and string literals. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = endOfString(text, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
            i++;
        }
        String last = text.substring(start).trim();
        if (!last.isEmpty()) {
            parts.add(last);
        }
        return List.copyOf(parts);
    }

    /** The index just after the literal that opens at {@code start}; {@code ''} inside is an escaped quote. */
    private static int endOfString(String text, int start) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated string literal: " + text.substring(start));
    }

    /** The index just after the parenthesis that closes the one at {@code start}. */
    private static int endOfGroup(String text, int start) {
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = endOfString(text, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unbalanced parentheses: " + text.substring(start));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$' || c == '#';
    }

    /** Words, string literals and whole parenthesised groups of one normalised statement, read left to right. */
    private static final class Cursor {
        private final String source;
        private final List<String> tokens = new ArrayList<>();
        private int at;

        Cursor(String source) {
            this.source = source;
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                int end;
                if (c == ' ') {
                    i++;
                    continue;
                } else if (c == '\'') {
                    end = endOfString(source, i);
                } else if (c == '(') {
                    end = endOfGroup(source, i);
                } else if (isWordChar(c)) {
                    end = i;
                    while (end < source.length() && isWordChar(source.charAt(end))) {
                        end++;
                    }
                } else {
                    end = i + 1;
                }
                tokens.add(source.substring(i, end));
                i = end;
            }
        }

        boolean atEnd() {
            return at >= tokens.size();
        }

        @Nullable
        String peek() {
            return atEnd() ? null : tokens.get(at);
        }

        boolean peekIsGroup() {
            return !atEnd() && tokens.get(at).startsWith("(");
        }

        String next() {
            if (atEnd()) {
                throw fail("unexpected end");
            }
            return tokens.get(at++);
        }

        /** Consumes the words if they come next, in this order. */
        boolean accept(String... words) {
            if (at + words.length > tokens.size()) {
                return false;
            }
            for (int k = 0; k < words.length; k++) {
                if (!tokens.get(at + k).equals(words[k])) {
                    return false;
                }
            }
            at += words.length;
            return true;
        }

        void expect(String word) {
            if (!accept(word)) {
                throw fail("expected " + word);
            }
        }

        void expectEnd() {
            if (!atEnd()) {
                throw fail("cannot read what follows " + String.join(" ", tokens.subList(0, at)));
            }
        }

        /** The inside of the parenthesised group that comes next. */
        String group() {
            if (!peekIsGroup()) {
                throw fail("expected ( ... )");
            }
            String group = next();
            return group.substring(1, group.length() - 1).trim();
        }

        /** The tokens up to {@code stop} or the end, joined by single spaces. */
        String until(String stop) {
            List<String> taken = new ArrayList<>();
            while (!atEnd() && !tokens.get(at).equals(stop)) {
                taken.add(next());
            }
            return String.join(" ", taken);
        }

        IllegalArgumentException fail(String what) {
            return new IllegalArgumentException(what + " in: " + source);
        }
    }

    private static final class TableBuilder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final Map<String, String> checks = new LinkedHashMap<>();
        private final Map<String, Key> keys = new LinkedHashMap<>();
        private final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
        private final Map<String, Index> indexes = new LinkedHashMap<>();

        TableBuilder(String name) {
            this.name = name;
        }

        void addColumn(Column column) {
            if (columns.stream().anyMatch(c -> c.name().equals(column.name()))) {
                throw new IllegalArgumentException(name + "." + column.name() + " is defined twice");
            }
            columns.add(column);
        }

        <V> void put(Map<String, V> map, String key, V value) {
            if (map.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException(name + ": " + key + " is defined twice");
            }
        }

        Table build() {
            return new Table(
                    name,
                    List.copyOf(columns),
                    Collections.unmodifiableMap(new LinkedHashMap<>(checks)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(keys)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(foreignKeys)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(indexes)));
        }
    }
}
