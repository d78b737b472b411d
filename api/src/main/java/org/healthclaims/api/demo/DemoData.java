package org.healthclaims.api.demo;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.healthclaims.api.demo.Access.DemoUsers;
import org.healthclaims.api.demo.Enrolment.Cover;
import org.postgresql.PGConnection;

/**
 * Loads the demo data set: domain.md §9's minimal scenario (every row it lists, with its codes) and a deterministic
 * volume around it, 2 regions, 4 districts, 11 facilities, about 1,300 insurees in 340 families and 2,400 claims in
 * every status. Rows are generated in memory with their ids, then written with COPY in one transaction.
 */
public final class DemoData {

    /** One seed for everything: two loads on the same day give the same rows, ids, codes, amounts and uuids. */
    static final long SEED = 20_250_615L;

    private static final String IS_EMPTY = """
            select not (exists (select 1 from gender) or exists (select 1 from location)
                        or exists (select 1 from app_user) or exists (select 1 from claim))""";

    private static final String SET_FAMILY_HEADS = """
            update family f
               set head_insuree_id = i.id
              from insuree i
             where i.family_id = f.id
               and i.head""";

    private static final String LINK_FEEDBACK = """
            update claim c
               set feedback_id = f.id
              from feedback f
             where f.claim_id = c.id""";

    private final DataSource dataSource;

    public DemoData(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Loads the demo data set into an empty, migrated database; dates shifted so that {@code today} plays 2025-06-15.
     * Returns counts for a log line.
     *
     * @throws IllegalStateException if the database already holds lookups, locations, users or claims, or the load
     *     fails (then nothing was written)
     */
    public DemoDataSummary load(LocalDate today) {
        return load(today, true);
    }

    /**
     * Loads §9's minimal scenario alone, without the volume around it, so that figures §9 derives from the whole
     * data set (the relative price index of the June batch: PRD-HOSP's contributions ÷ its relative-price claims)
     * come out as §9 gives them.
     */
    public DemoDataSummary loadScenario(LocalDate today) {
        return load(today, false);
    }

    private DemoDataSummary load(LocalDate today, boolean volume) {
        long started = System.nanoTime();
        DemoRows rows = generate(DateShift.to(today), volume);
        try (Connection connection = dataSource.getConnection()) {
            write(connection, rows);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("loading the demo data failed: " + e.getMessage(), e);
        }
        return rows.summary(Duration.ofNanos(System.nanoTime() - started));
    }

    /** Every row, in memory; the order of the calls fixes the ids and the random draws. */
    static DemoRows generate(DateShift shift) {
        return generate(shift, true);
    }

    static DemoRows generate(DateShift shift, boolean volume) {
        DemoRows rows = new DemoRows(shift);
        SplittableRandom random = new SplittableRandom(SEED);
        LocationTree places = LocationTree.write(rows);
        Catalogue catalogue = Catalogue.write(rows, places);
        Facilities facilities = Facilities.write(rows, places, catalogue, random.split());
        Officers officers = Officers.write(rows, places, random.split());
        DemoUsers users = Access.write(rows, places, facilities, officers);
        Enrolment enrolment = new Enrolment(rows, officers);
        ClaimWriter claims = new ClaimWriter(rows);
        Scenario.write(enrolment, places, catalogue, facilities, users, claims);
        if (!volume) return rows;
        List<Cover> covers = Population.write(enrolment, places, catalogue, facilities, random.split());
        VolumeClaims.write(claims, covers, catalogue, facilities, officers, users, random.split());
        return rows;
    }

    private static void write(Connection connection, DemoRows rows) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            requireEmpty(statement);
            statement.execute(Lookups.INSERT);
            rows.copyAll(connection.unwrap(PGConnection.class).getCopyAPI());
            statement.executeUpdate(SET_FAMILY_HEADS);
            statement.executeUpdate(LINK_FEEDBACK);
            statement.execute(rows.resetIdentities());
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        // statistics for the planner now rather than whenever autovacuum comes by (if it is on at all): a plan made
        // on empty-table estimates joins every policy with every claim of an engine batch
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
    }

    private static void requireEmpty(Statement statement) throws SQLException {
        try (ResultSet empty = statement.executeQuery(IS_EMPTY)) {
            if (!empty.next() || !empty.getBoolean(1))
                throw new IllegalStateException(
                        "the demo data loads into an empty database only: this one already has lookups, locations,"
                                + " users or claims");
        }
    }
}
