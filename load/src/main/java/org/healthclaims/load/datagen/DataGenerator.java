package org.healthclaims.load.datagen;

import static org.healthclaims.load.datagen.Draws.draw;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.healthclaims.api.demo.DemoData;

/**
 * Fills an empty, migrated database with a deterministic data set of {@code insurees} insurees (four to a family,
 * one policy each family) and {@code claims} entered claims with about five lines each, around the demo data's
 * registers and users (domain.md §9's scenario: locations, facilities, products, price lists, the six demo users,
 * so {@code Admin} can log in). The volume is written by PostgreSQL itself, {@code INSERT ... SELECT} over id ranges
 * on {@code writers} connections at once; every value is a hash of (seed, row, draw), never a random generator's
 * state, so a range can be written by any writer in any order and the same seed always gives the same rows.
 */
public final class DataGenerator {

    /** What to generate. */
    public record Size(int insurees, int claims, long seed, int writers, LocalDate today) {

        public Size {
            if (insurees < 4) throw new IllegalArgumentException("at least 4 insurees, not " + insurees);
            if (claims < 0) throw new IllegalArgumentException("claims must be >= 0, not " + claims);
            if (writers < 1) throw new IllegalArgumentException("writers must be >= 1, not " + writers);
        }

        public int families() {
            return (insurees + 3) / 4;
        }
    }

    /** The tables the volume goes to, in the order they are written. */
    public static final List<String> VOLUME_TABLES =
            List.of("family", "insuree", "policy", "insuree_policy", "claim", "claim_item", "claim_service");

    /** The registers every volume row draws from, for every writer's session; dropped at the end. */
    private static final String REGISTERS = """
            create unlogged table datagen_registers as
            select (select array_agg(id order by id) from location where type = 'V' and validity_to is null)
                       as villages,
                   (select array_agg(id order by id) from health_facility where validity_to is null) as facilities,
                   (select array_agg(id order by id) from diagnosis where validity_to is null) as diagnoses,
                   (select array_agg(id order by id) from product where validity_to is null) as products,
                   (select array_agg(id order by id) from medical_item where validity_to is null) as items,
                   (select array_agg(price order by id) from medical_item where validity_to is null) as item_prices,
                   (select array_agg(id order by id) from medical_service where validity_to is null) as services,
                   (select array_agg(price order by id) from medical_service where validity_to is null)
                       as service_prices""";

    private static final String[] LAST_NAMES = {
        "Mwangi", "Otieno", "Kamau", "Njoroge", "Wanjiru", "Achieng", "Mutua", "Kiprop", "Odhiambo", "Chebet",
        "Banda", "Phiri", "Mbewe", "Tembo", "Zulu", "Moyo", "Ndlovu", "Dube", "Sibanda", "Ncube"
    };
    private static final String[] OTHER_NAMES = {
        "Amina",
        "Baraka",
        "Chausiku",
        "Daudi",
        "Eshe",
        "Faraji",
        "Gift",
        "Hadiza",
        "Imani",
        "Jabari",
        "Kesi",
        "Lulu",
        "Mosi",
        "Nia",
        "Omari",
        "Pendo",
        "Rehema",
        "Sefu",
        "Tumaini",
        "Zawadi"
    };

    private static String names(String[] names) {
        return "array['" + String.join("','", names) + "']";
    }

    /** The first day of insuree {@code i}'s family's policy: within the last 300 days. */
    private static String policyStart(String family) {
        return "(cast(:today as date) - " + draw(family, 3, "300") + ")";
    }

    private static final String FAMILIES = """
            insert into family (id, uuid, location_id, poverty, family_type, is_offline, validity_from)
            select :families + f, md5(:seed || '-family-' || f)::uuid,
                   r.villages[1 + %s], %s = 0, 'H', false, cast(:today as date) - 400
              from generate_series(cast(:from as bigint), cast(:to as bigint)) f cross join datagen_registers r""".formatted(draw("f", 1, "cardinality(r.villages)"), draw("f", 2, "5"));

    private static final String INSUREES = """
            insert into insuree (id, uuid, family_id, chf_id, last_name, other_names, gender, dob, head, marital,
                                 current_village_id, card_issued, is_offline, status, validity_from)
            select :insurees + i, md5(:seed || '-insuree-' || i)::uuid, :families + (i - 1) / 4 + 1,
                   'G' || :seed || lpad(cast(i as text), 9, '0'),
                   (%s)[1 + %s], (%s)[1 + %s], case when %s = 0 then 'M' else 'F' end,
                   cast(:today as date) - 365 * (case when (i - 1) %% 4 < 2 then 18 else 0 end + %s) - %s,
                   (i - 1) %% 4 = 0, case when (i - 1) %% 4 < 2 then 'M' else 'S' end,
                   f.location_id, true, false, 'AC', cast(:today as date) - 400
              from generate_series(cast(:from as bigint), cast(:to as bigint)) i
              join family f on f.id = :families + (i - 1) / 4 + 1""".formatted(
                    names(LAST_NAMES),
                    draw("(i - 1) / 4", 4, Integer.toString(LAST_NAMES.length)),
                    names(OTHER_NAMES),
                    draw("i", 5, Integer.toString(OTHER_NAMES.length)),
                    draw("i", 6, "2"),
                    draw("i", 7, "50"),
                    draw("i", 8, "365"));

    private static final String HEADS = """
            update family set head_insuree_id = :insurees + (id - :families - 1) * 4 + 1
             where id between :families + :from and :families + :to""";

    private static final String POLICIES = """
            insert into policy (id, uuid, family_id, product_id, enroll_date, start_date, effective_date, expiry_date,
                                status, stage, value, is_offline, validity_from)
            select :policies + f, md5(:seed || '-policy-' || f)::uuid, :families + f, r.products[1 + %s],
                   s.start, s.start, s.start, s.start + 364, 2, 'N', 0, false, s.start
              from generate_series(cast(:from as bigint), cast(:to as bigint)) f cross join datagen_registers r
             cross join lateral (select %s as start) s""".formatted(draw("f", 9, "cardinality(r.products)"), policyStart("f"));

    private static final String INSUREE_POLICIES = """
            insert into insuree_policy (id, insuree_id, policy_id, enrollment_date, start_date, effective_date,
                                        expiry_date, is_offline, validity_from)
            select :insureePolicies + i, :insurees + i, :policies + (i - 1) / 4 + 1, s.start, s.start, s.start,
                   s.start + 364,
                   false, s.start
              from generate_series(cast(:from as bigint), cast(:to as bigint)) i
             cross join lateral (select %s as start) s""".formatted(policyStart("(i - 1) / 4 + 1"));

    /** Lines of claim c: 1 to 5 items (mean 3) and 1 to 3 services (mean 2); quantities 1 to 4. */
    private static final String ITEM_COUNT = "1 + " + draw("c", 11, "5");

    private static final String SERVICE_COUNT = "1 + " + draw("c", 12, "3");

    private static String lineMedical(String kind) {
        return draw("c * 8 + j", kind.equals("item") ? 13 : 14, "cardinality(r." + kind + "s)");
    }

    private static String lineQuantity(String kind) {
        return "1 + " + draw("c * 8 + j", kind.equals("item") ? 15 : 16, "4");
    }

    /**
     * Claims of insurees drawn uniformly, at drawn facilities, dated in the 180 days before {@code today} but not
     * before the insuree's policy started; one day, or 1 to 3 nights for one claim in eight; claimed is the sum of
     * the lines the line statements write.
     */
    private static final String CLAIMS = """
            insert into claim (id, uuid, code, insuree_id, health_facility_id, date_from, date_to, date_claimed, icd_id,
                               visit_type, status, claimed, validity_from)
            select :claims + c, md5(:seed || '-claim-' || c)::uuid, 'D' || :seed || '-' || c, :insurees + p.i,
                   r.facilities[1 + %s], d.day_from,
                   d.day_from + case when %s = 0 then 1 + %s else 0 end,
                   d.day_from + case when %s = 0 then 1 + %s else 0 end,
                   r.diagnoses[1 + %s], case when %s = 0 then 'E' else 'O' end, 2,
                   (select sum((1 + %s) * r.item_prices[1 + %s]) from generate_series(1, %s) j)
                   + (select sum((1 + %s) * r.service_prices[1 + %s]) from generate_series(1, %s) j),
                   d.day_from
              from generate_series(cast(:from as bigint), cast(:to as bigint)) c cross join datagen_registers r
             cross join lateral (select 1 + %s as i) p
             cross join lateral (select greatest(cast(:today as date) - 1 - %s, %s) as day_from) d""".formatted(
                    draw("c", 2, "cardinality(r.facilities)"),
                    draw("c", 3, "8"),
                    draw("c", 4, "3"),
                    draw("c", 3, "8"),
                    draw("c", 4, "3"),
                    draw("c", 5, "cardinality(r.diagnoses)"),
                    draw("c", 6, "20"),
                    draw("c * 8 + j", 15, "4"),
                    lineMedical("item"),
                    ITEM_COUNT,
                    draw("c * 8 + j", 16, "4"),
                    lineMedical("service"),
                    SERVICE_COUNT,
                    draw("c", 1, ":insureeCount"),
                    draw("c", 7, "180"),
                    policyStart("(p.i - 1) / 4 + 1"));

    /** %1$s item or service; ids leave room for the most lines a claim can have (%5$s), so they are the seed's too. */
    private static final String LINES = """
            insert into claim_%1$s (id, claim_id, %1$s_id, qty_provided, price_asked, validity_from)
            select :%1$ss + (c - 1) * %5$s + j, :claims + c, r.%1$ss[1 + %2$s], %3$s, r.%1$s_prices[1 + %2$s],
                   cast(:today as date) - 1
              from generate_series(cast(:from as bigint), cast(:to as bigint)) c cross join datagen_registers r
             cross join lateral generate_series(1, %4$s) j""";

    private static final int CHUNK = 20_000;

    private final DataSource data;
    private final PrintStream out;

    public DataGenerator(DataSource data, PrintStream out) {
        this.data = data;
        this.out = out;
    }

    /** Writes the registers and the volume; answers the rows written. */
    public long generate(Size size) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        new DemoData(data).loadScenario(size.today());
        out.println("registers and users: domain.md §9's scenario (Admin / admin123 can log in)");
        try (Connection c = data.getConnection();
                Statement s = c.createStatement()) {
            s.execute(REGISTERS);
        }
        // ids continue after the registers' rows: each table's offset, by the name its statements use
        Map<String, Object> values = new HashMap<>();
        values.put("today", "'" + size.today() + "'");
        values.put("seed", size.seed());
        values.put("insureeCount", size.insurees());
        values.put("families", maxId("family"));
        values.put("insurees", maxId("insuree"));
        values.put("policies", maxId("policy"));
        values.put("insureePolicies", maxId("insuree_policy"));
        values.put("claims", maxId("claim"));
        values.put("items", maxId("claim_item"));
        values.put("services", maxId("claim_service"));
        int f = size.families();
        long rows = 0;
        ExecutorService writers = Executors.newFixedThreadPool(size.writers());
        // the volume tables' secondary indexes are dropped for the load and built again after it, each in one
        // pass over the table, rather than kept up to date row by row (claim alone has 15)
        List<String> indexes = secondaryIndexes();
        dropIndexes(indexes);
        try {
            rows += write(writers, values, "families", FAMILIES, f);
            rows += write(writers, values, "insurees", INSUREES, size.insurees());
            write(writers, values, "family heads", HEADS, f);
            rows += write(writers, values, "policies", POLICIES, f);
            rows += write(writers, values, "insurees' policies", INSUREE_POLICIES, size.insurees());
            rows += write(writers, values, "claims", CLAIMS, size.claims());
            rows += write(
                    writers,
                    values,
                    "claim items",
                    LINES.formatted("item", lineMedical("item"), lineQuantity("item"), ITEM_COUNT, 5),
                    size.claims());
            rows += write(
                    writers,
                    values,
                    "claim services",
                    LINES.formatted("service", lineMedical("service"), lineQuantity("service"), SERVICE_COUNT, 3),
                    size.claims());
        } finally {
            buildIndexes(writers, indexes);
            writers.shutdownNow();
        }
        try (Connection c = data.getConnection();
                Statement s = c.createStatement()) {
            for (String table : VOLUME_TABLES)
                s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table
                        + "))");
            s.execute("drop table datagen_registers");
            s.execute("analyze");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "total: %,d rows in %.1f s (%,.0f rows/s)%n", rows, seconds, rows / seconds);
        return rows;
    }

    /**
     * Switches off the foreign-key triggers for this session where the database lets it (a superuser's session):
     * every reference is made to a row written before it, by construction, and checking each row's three or four
     * references one by one was a third of the load. {@code DatagenCommandIT} checks every foreign key of a
     * generated data set. Answers whether they are off.
     */
    private static boolean withoutForeignKeyChecks(Statement s) {
        try {
            s.execute("set session_replication_role = replica");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The definitions of the volume tables' indexes that no constraint (primary key, unique key) stands on. */
    private List<String> secondaryIndexes() throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Connection c = data.getConnection();
                PreparedStatement p = c.prepareStatement("""
                        select pg_get_indexdef(i.indexrelid) from pg_index i
                         where i.indrelid = any(cast(? as regclass[]))
                           and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                         order by i.indexrelid""")) {
            p.setArray(1, c.createArrayOf("text", VOLUME_TABLES.toArray()));
            try (var rs = p.executeQuery()) {
                while (rs.next()) definitions.add(rs.getString(1));
            }
        }
        return definitions;
    }

    private void dropIndexes(List<String> definitions) throws SQLException {
        try (Connection c = data.getConnection();
                Statement s = c.createStatement()) {
            for (String definition : definitions) s.execute("drop index " + indexName(definition));
        }
    }

    /** Builds the indexes again, on the writers at once; a failure to build one is the run's failure. */
    private void buildIndexes(ExecutorService writers, List<String> definitions)
            throws SQLException, InterruptedException {
        long started = System.nanoTime();
        List<Future<?>> builds = new ArrayList<>();
        for (String definition : definitions)
            builds.add(writers.submit(() -> {
                try (Connection c = data.getConnection();
                        Statement s = c.createStatement()) {
                    s.execute(definition);
                }
                return null;
            }));
        await(builds, "indexes");
        out.printf(
                Locale.ROOT,
                "%-20s %,12d built in %6.1f s%n",
                "indexes",
                definitions.size(),
                (System.nanoTime() - started) / 1e9);
    }

    /** "CREATE [UNIQUE] INDEX name ON ..." to its name. */
    static String indexName(String definition) {
        String[] words = definition.split(" ");
        return words[1].equalsIgnoreCase("UNIQUE") ? words[3] : words[2];
    }

    private static void await(List<Future<?>> tasks, String what) throws SQLException, InterruptedException {
        for (Future<?> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException sqlException) throw sqlException;
                throw new IllegalStateException(what + ": " + cause, cause);
            }
        }
    }

    private long maxId(String table) throws SQLException {
        try (Connection c = data.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Runs {@code sql}, bound with {@code values}, over rows 1..{@code count} in ranges on the writers, printing
     * progress. Answers the rows written.
     */
    private long write(ExecutorService writers, Map<String, Object> values, String what, String sql, long count)
            throws SQLException, InterruptedException {
        if (count == 0) return 0;
        long started = System.nanoTime();
        AtomicLong written = new AtomicLong();
        AtomicLong done = new AtomicLong();
        List<Future<?>> chunks = new ArrayList<>();
        for (long from = 1; from <= count; from += CHUNK) {
            long to = Math.min(count, from + CHUNK - 1);
            Map<String, Object> range = new HashMap<>(values);
            range.put("from", from);
            range.put("to", to);
            String chunk = Draws.bind(sql, range);
            long rangeSize = to - from + 1;
            chunks.add(writers.submit(() -> {
                try (Connection c = data.getConnection();
                        Statement s = c.createStatement()) {
                    boolean unchecked = withoutForeignKeyChecks(s);
                    written.addAndGet(s.executeUpdate(chunk));
                    if (unchecked) s.execute("set session_replication_role = origin");
                }
                progress(what, done.addAndGet(rangeSize), count, written.get(), started);
                return null;
            }));
        }
        await(chunks, what);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
                Locale.ROOT,
                "\r%-20s %,12d rows in %6.1f s (%,.0f rows/s)%s%n",
                what,
                written.get(),
                seconds,
                written.get() / Math.max(seconds, 1e-9),
                " ".repeat(20));
        return written.get();
    }

    private synchronized void progress(String what, long done, long count, long rows, long started) {
        int width = 30;
        int filled = (int) (width * done / count);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
                Locale.ROOT,
                "\r%-20s [%s%s] %3d%% %,d rows, %,.0f rows/s",
                what,
                "#".repeat(filled),
                ".".repeat(width - filled),
                100 * done / count,
                rows,
                rows / Math.max(seconds, 1e-9));
        out.flush();
    }

    /** Today in UTC: the day the data set's dates are relative to. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
