package org.healthclaims.api;

import org.healthclaims.domain.user.UserRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * The claims server. With no environment it runs alone: embedded PostgreSQL, an embedded AMQP broker and demo data
 * (see README.md); {@code DATABASE_URL} and {@code AMQP_URL} point it at real services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableJdbcRepositories(basePackageClasses = UserRepository.class)
public class ApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApiApplication.class, args);
    }
}
