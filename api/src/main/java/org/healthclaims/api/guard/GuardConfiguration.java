package org.healthclaims.api.guard;

import java.time.Duration;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** The guard's servlet filters, on the GraphQL endpoint only (health and GraphiQL stay reachable under load). */
@Configuration(proxyBeanMethods = false)
class GuardConfiguration {

    /** First of all filters: a request the server has no room for costs no other work. */
    @Bean
    FilterRegistrationBean<LoadShedding> loadShedding(
            GuardProperties limits, GraphQlProperties graphQl, JsonMapper json) {
        FilterRegistrationBean<LoadShedding> registration =
                new FilterRegistrationBean<>(new LoadShedding(limits, json));
        registration.addUrlPatterns(graphQl.getHttp().getPath());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

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

    /**
     * Spring answers a GraphQL request asynchronously, and the servlet container's asynchronous timeout (Tomcat: 30
     * s) would otherwise cut it off with a bare 503 at the same moment as GUARD_REQUEST_TIMEOUT, or before it.
     */
    @Bean
    WebMvcConfigurer asyncTimeoutAfterRequestTimeout(GuardProperties limits) {
        Duration asyncTimeout = limits.requestTimeout().plusSeconds(5);
        return new WebMvcConfigurer() {
            @Override
            public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
                configurer.setDefaultTimeout(asyncTimeout.toMillis());
            }
        };
    }
}
