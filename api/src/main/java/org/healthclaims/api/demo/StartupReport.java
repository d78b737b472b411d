package org.healthclaims.api.demo;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a newcomer where the server is and how to log in, once it is ready. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final DemoDataStartup demo;

    StartupReport(DemoDataStartup demo) {
        this.demo = demo;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        Duration took = event.getTimeTaken();
        StringBuilder message = new StringBuilder()
                .append("claims server ready in ")
                .append(took == null ? "?" : String.format("%.1f s", took.toMillis() / 1000.0))
                .append(" - GraphiQL: http://localhost:")
                .append(port)
                .append("/graphiql - GraphQL: POST http://localhost:")
                .append(port)
                .append("/api/graphql");
        if (demo.loaded())
            message.append(" - demo login: Admin / admin123 (mutation { tokenAuth(username: \"Admin\", password:")
                    .append(" \"admin123\") { token } }, then header Authorization: Bearer <token>)");
        log.info(message.toString());
    }
}
