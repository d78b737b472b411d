package org.healthclaims.api.observe;

import graphql.execution.ExecutionContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationDocumentation.ExecutionRequestHighCardinalityKeyNames;

/**
 * Spring for GraphQL times every request ({@code graphql.request}) and every non-batched data fetcher
 * ({@code graphql.datafetcher}, by field) once Boot's actuator provides an ObservationRegistry; these beans add the
 * operation's name to the request timer, so that {@code /actuator/prometheus} shows one series per operation.
 */
@Configuration(proxyBeanMethods = false)
class OperationMetrics {

    /** Clients name their operations, so the names are bounded here: the 101st distinct name is not recorded. */
    static final int MOST_OPERATION_NAMES = 100;

    /** Spring's default keeps the operation name as a high-cardinality key (traces only, not metrics). */
    @Bean
    ExecutionRequestObservationConvention operationNameConvention() {
        return new OperationNameConvention();
    }

    /** Guards the registry against a client that sends a new operation name with every request. */
    @Bean
    MeterFilter operationNameLimit() {
        return MeterFilter.maximumAllowableTags(
                "graphql.request",
                ExecutionRequestHighCardinalityKeyNames.OPERATION_NAME.asString(),
                MOST_OPERATION_NAMES,
                MeterFilter.deny());
    }

    /** {@code graphql.operation.name} as a low-cardinality key: the name in the document, or "anonymous". */
    static final class OperationNameConvention extends DefaultExecutionRequestObservationConvention {

        @Override
        public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
            return super.getLowCardinalityKeyValues(context).and(operationName(context));
        }

        @Override
        public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
            return KeyValues.of(executionId(context));
        }

        @Override
        protected KeyValue operationName(ExecutionRequestObservationContext context) {
            ExecutionContext execution = context.getExecutionContext();
            String name = execution == null
                    ? null
                    : execution.getOperationDefinition().getName();
            return KeyValue.of(
                    ExecutionRequestHighCardinalityKeyNames.OPERATION_NAME, name == null ? "anonymous" : name);
        }
    }
}
