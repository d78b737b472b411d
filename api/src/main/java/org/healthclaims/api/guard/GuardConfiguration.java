package org.healthclaims.api.guard;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The guard's servlet filter, on the GraphQL endpoint only. */
@Configuration(proxyBeanMethods = false)
class GuardConfiguration {

    /** Before Spring reads the body: the limit is on what the server reads, not only on what it parses. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            GuardProperties limits, GraphQlProperties graphQl, JsonMapper json) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(limits, json));
        registration.addUrlPatterns(graphQl.getHttp().getPath());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
