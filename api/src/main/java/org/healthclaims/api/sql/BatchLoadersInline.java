package org.healthclaims.api.sql;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.graphql.data.method.HandlerMethod;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;

/**
 * Runs {@code @BatchMapping} methods on the thread that dispatches them, not on the executor the other blocking
 * controller methods run on. graphql-java dispatches a round by calling every DataLoader in turn; a batch loader
 * finishing on another thread while that loop was still going registered its children's keys in time for the
 * loop to dispatch some of them and leave the rest to the next round: one relation in two statements (a claims
 * page in about sixty loaded medical_service twice). Run inline, a loader has delivered all of its rows before the
 * loop moves on, so every loader of a request is dispatched once with all of its keys, whatever the timing.
 */
@Configuration(proxyBeanMethods = false)
class BatchLoadersInline {

    @Bean
    static BeanPostProcessor batchMappingsOnTheDispatchingThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AnnotatedControllerConfigurer configurer)
                    configurer.setBlockingMethodPredicate(BatchLoadersInline::runsOnTheExecutor);
                return bean;
            }
        };
    }

    /** Spring's own rule (a method not returning a reactive or async type blocks), batch mappings excepted. */
    static boolean runsOnTheExecutor(HandlerMethod method) {
        if (method.getMethod().isAnnotationPresent(BatchMapping.class)) return false;
        Class<?> returned = method.getReturnType().getParameterType();
        return ReactiveAdapterRegistry.getSharedInstance().getAdapter(returned) == null;
    }
}
