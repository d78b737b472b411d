package org.healthclaims.api.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loads the demo data after Flyway has migrated, when DEMO_DATA asks for it and the database has no insurees. */
@Component
class DemoDataStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataStartup.class);

    private final DemoProperties demo;
    private final Environment environment;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private volatile boolean loaded;

    DemoDataStartup(DemoProperties demo, Environment environment, DataSource dataSource, JdbcClient jdbc) {
        this.demo = demo;
        this.environment = environment;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean embedded = environment.getProperty("database.url", "").isBlank();
        boolean wanted = demo.data() != null ? demo.data() : embedded;
        if (!wanted) return;
        boolean empty = !jdbc.sql("select exists (select 1 from insuree)")
                .query(Boolean.class)
                .single();
        if (!empty) {
            log.info("demo data not loaded: the database already holds insurees");
            return;
        }
        // "today" is the scheme's calendar day where the server runs: the demo's policies must cover it
        DemoDataSummary summary = new DemoData(dataSource).load(LocalDate.now(ZoneId.systemDefault()));
        loaded = true;
        log.info(
                "demo data loaded: {} insurees in {} families, {} claims with {} lines, in {} ms",
                summary.insurees(),
                summary.families(),
                summary.claims(),
                summary.claimLines(),
                summary.took().toMillis());
    }

    /** Whether this start loaded the demo data (and so the demo logins exist). */
    boolean loaded() {
        return loaded;
    }
}
