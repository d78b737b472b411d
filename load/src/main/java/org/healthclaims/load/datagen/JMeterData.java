package org.healthclaims.load.datagen;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The JMeter plans' parameters, read from a generated (or any) database into CSV files, one per journey, so that the
 * virtual users search for insurees, families and claims that exist and enter claims that can pass the check. Rows
 * are picked by a hash of their id (the same database always gives the same files) and spread over the whole data
 * set, not its first rows (a search for the first insurees only would measure a warm corner of the tables).
 */
public final class JMeterData {

    /** A file, its header (JMeter's CSV Data Set reads the variable names from it) and the query giving its rows. */
    record File(String name, String header, String query) {}

    static final int ROWS = 5_000;

    static final List<File> FILES = List.of(
            new File("users.csv", "username,password", """
                    select u.login_name, case when u.login_name = 'Admin' then 'admin123' else u.login_name || '123' end
                      from app_user u
                     where u.validity_to is null
                       and exists (select 1 from user_role ur where ur.user_id = u.id and ur.validity_to is null)
                     order by u.id"""),
            new File("insurees.csv", "chfId,lastNamePrefix", """
                    select chf_id, left(last_name, 3) from insuree
                     where validity_to is null and length(last_name) >= 3
                     order by md5(id::text) limit %d""".formatted(ROWS)),
            new File("families.csv", "headChfId", """
                    select h.chf_id from family f join insuree h on h.id = f.head_insuree_id and h.validity_to is null
                     where f.validity_to is null
                     order by md5(f.id::text) limit %d""".formatted(ROWS)),
            new File("claims.csv", "claimCode", """
                    select code from claim where validity_to is null
                     order by md5(id::text) limit %d""".formatted(ROWS)),
            // an insuree covered today, a facility, and an item and a service of that facility's price lists at the
            // register's price: what a claim administrator would enter. An outpatient visit, so lines of an
            // outpatient or either care type, at a facility that is not inpatient-only; for every patient and
            // without a frequency, so that most claims pass the check (the review journey reviews those)
            new File(
                    "entry.csv",
                    "insureeId,healthFacilityId,icdId,itemId,itemPrice,serviceId,servicePrice",
                    """
                    with covered as (
                        select i.id, row_number() over (order by md5(i.id::text)) as n
                          from insuree i
                         where i.validity_to is null
                           and exists (select 1 from insuree_policy ip
                                        where ip.insuree_id = i.id and ip.validity_to is null
                                          and ip.effective_date <= current_date - 1 and ip.expiry_date >= current_date)
                         order by md5(i.id::text) limit %d),
                    facilities as (
                        select hf.id, hf.items_pricelist_id, hf.services_pricelist_id,
                               row_number() over (order by hf.id) - 1 as k, count(*) over () as m
                          from health_facility hf
                         where hf.validity_to is null and hf.items_pricelist_id is not null
                           and hf.services_pricelist_id is not null and coalesce(hf.care_type, 'B') <> 'I'),
                    diagnoses as (
                        select d.id, row_number() over (order by d.id) - 1 as k, count(*) over () as m
                          from diagnosis d where d.validity_to is null)
                    select c.id, f.id,
                           (select d.id from diagnoses d where d.k = c.n %% d.m),
                           it.id, it.price, sv.id, sv.price
                      from covered c
                      join facilities f on f.k = c.n %% f.m
                      cross join lateral (
                          select mi.id, mi.price from items_pricelist_detail pd
                            join medical_item mi on mi.id = pd.item_id and mi.validity_to is null
                                 and mi.care_type in ('O', 'B') and coalesce(mi.frequency, 0) = 0
                                 and mi.patient_category = 15
                           where pd.items_pricelist_id = f.items_pricelist_id and pd.validity_to is null
                           order by md5(mi.id::text || c.id::text) limit 1) it
                      cross join lateral (
                          select ms.id, ms.price from services_pricelist_detail pd
                            join medical_service ms on ms.id = pd.service_id and ms.validity_to is null
                                 and ms.care_type in ('O', 'B') and coalesce(ms.frequency, 0) = 0
                                 and ms.patient_category = 15
                           where pd.services_pricelist_id = f.services_pricelist_id and pd.validity_to is null
                           order by md5(ms.id::text || c.id::text) limit 1) sv
                     order by c.n""".formatted(ROWS)));

    private JMeterData() {}

    /** Writes the files into {@code dir} (created if need be); answers the rows written. */
    public static long write(DataSource data, Path dir, PrintStream out) throws SQLException, IOException {
        Files.createDirectories(dir);
        long total = 0;
        try (Connection connection = data.getConnection();
                Statement statement = connection.createStatement()) {
            for (File file : FILES) {
                long rows = 0;
                Path path = dir.resolve(file.name());
                try (ResultSet rs = statement.executeQuery(file.query());
                        BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                    writer.write(file.header());
                    writer.newLine();
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            if (c > 1) writer.write(',');
                            writer.write(field(rs.getString(c)));
                        }
                        writer.newLine();
                        rows++;
                    }
                }
                if (rows == 0) throw new IllegalStateException(file.name() + ": the database has no rows for it");
                out.printf("  %-14s %,7d rows%n", file.name(), rows);
                total += rows;
            }
        }
        out.printf("JMeter parameters written to %s%n", dir.toAbsolutePath());
        return total;
    }

    /** The plans read plain comma-separated fields: a value holding a comma or quote would shift the columns. */
    private static String field(@Nullable String value) {
        if (value == null) return "";
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0)
            throw new IllegalStateException("a parameter holds a comma, quote or newline: " + value);
        return value;
    }
}
