package org.healthclaims.api.scalar;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.healthclaims.domain.money.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The scalars of openIMIS's (graphene-django) API, with the same wire forms: {@code Date} "2025-06-15",
 * {@code DateTime} ISO-8601, {@code Decimal} as a string such as "500.00" (amounts are never floats),
 * {@code UUID}, {@code JSONString} (JSON text) and {@code GenericScalar} (any JSON value).
 */
@Configuration(proxyBeanMethods = false)
class Scalars {

    /** Registers the scalars declared in scalars.graphqls. */
    @Bean
    RuntimeWiringConfigurer scalarWiring() {
        return wiring -> wiring.scalar(date())
                .scalar(dateTime())
                .scalar(decimal())
                .scalar(uuid())
                .scalar(jsonString())
                .scalar(genericScalar());
    }

    static GraphQLScalarType date() {
        return fromString("Date", "A calendar date, ISO-8601 (2025-06-15).", LocalDate.class, LocalDate::parse);
    }

    static GraphQLScalarType dateTime() {
        return fromString(
                "DateTime", "A date and time with offset, ISO-8601.", OffsetDateTime.class, OffsetDateTime::parse);
    }

    static GraphQLScalarType uuid() {
        return fromString("UUID", "A UUID in its 36-character form.", UUID.class, UUID::fromString);
    }

    static GraphQLScalarType jsonString() {
        return GraphQLScalarType.newScalar()
                .name("JSONString")
                .description("JSON, as a string of JSON text.")
                .coercing(new Coercing<String, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        return value.toString();
                    }

                    @Override
                    public String parseValue(Object input, GraphQLContext context, Locale locale) {
                        if (input instanceof String s) return s;
                        throw new CoercingParseValueException("JSONString expects a string of JSON text");
                    }

                    @Override
                    public String parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        if (input instanceof StringValue s) return text(s);
                        throw new CoercingParseLiteralException("JSONString expects a string of JSON text");
                    }
                })
                .build();
    }

    /** Amounts and quantities: serialized as plain decimal strings; accepted as strings or numbers. */
    static GraphQLScalarType decimal() {
        return GraphQLScalarType.newScalar()
                .name("Decimal")
                .description(
                        "A decimal number, serialized as a string (\"500.00\") so no amount passes through a float.")
                .coercing(new Coercing<Object, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        return switch (value) {
                            case Money m -> m.toString();
                            case BigDecimal d -> d.toPlainString();
                            case Integer i -> i.toString();
                            case Long l -> l.toString();
                            default -> throw new CoercingSerializeException("not a decimal: " + value.getClass());
                        };
                    }

                    @Override
                    public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
                        try {
                            return switch (input) {
                                case String s -> new BigDecimal(s.trim());
                                case Integer i -> BigDecimal.valueOf(i);
                                case Long l -> BigDecimal.valueOf(l);
                                case BigDecimal d -> d;
                                case Double d -> new BigDecimal(d.toString());
                                default -> throw new CoercingParseValueException("Decimal expects a string or number");
                            };
                        } catch (NumberFormatException e) {
                            throw new CoercingParseValueException("not a decimal: " + input);
                        }
                    }

                    @Override
                    public BigDecimal parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        try {
                            return switch (input) {
                                case StringValue s -> new BigDecimal(text(s).trim());
                                case IntValue i -> new BigDecimal(i.getValue());
                                case FloatValue f -> f.getValue();
                                default ->
                                    throw new CoercingParseLiteralException("Decimal expects a string or number");
                            };
                        } catch (NumberFormatException e) {
                            throw new CoercingParseLiteralException("not a decimal: " + input);
                        }
                    }
                })
                .build();
    }

    /** Any JSON value; used for the JWT payload of tokenAuth, as graphql_jwt does. */
    static GraphQLScalarType genericScalar() {
        return GraphQLScalarType.newScalar()
                .name("GenericScalar")
                .description("Any JSON value.")
                .coercing(new Coercing<Object, Object>() {
                    @Override
                    public Object serialize(Object value, GraphQLContext context, Locale locale) {
                        return value;
                    }

                    @Override
                    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                        return input;
                    }

                    @Override
                    public Object parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        if (input instanceof StringValue s) return text(s);
                        throw new CoercingParseLiteralException("GenericScalar literals must be strings here");
                    }
                })
                .build();
    }

    private static <T> GraphQLScalarType fromString(
            String name, String description, Class<T> type, Function<String, T> parser) {
        return GraphQLScalarType.newScalar()
                .name(name)
                .description(description)
                .coercing(new Coercing<T, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        if (type.isInstance(value)) return value.toString();
                        throw new CoercingSerializeException(name + " cannot serialize " + value.getClass());
                    }

                    @Override
                    public T parseValue(Object input, GraphQLContext context, Locale locale) {
                        if (input instanceof String s) {
                            T parsed = parse(s);
                            if (parsed != null) return parsed;
                        }
                        throw new CoercingParseValueException("not a valid " + name + ": " + input);
                    }

                    @Override
                    public T parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        if (input instanceof StringValue s) {
                            T parsed = parse(text(s));
                            if (parsed != null) return parsed;
                        }
                        throw new CoercingParseLiteralException("not a valid " + name + ": " + input);
                    }

                    private @Nullable T parse(String s) {
                        try {
                            return parser.apply(s.trim());
                        } catch (DateTimeParseException | IllegalArgumentException e) {
                            return null;
                        }
                    }
                })
                .build();
    }

    /** graphql-java types a string literal's value as nullable; a literal always has one. */
    private static String text(StringValue literal) {
        return Objects.requireNonNullElse(literal.getValue(), "");
    }
}
