package io.innercircle.api.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The custom scalars: {@code Date} (ISO-8601 calendar date), {@code DateTime} (an instant), {@code JSON}. */
@Configuration(proxyBeanMethods = false)
class Scalars {

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("A calendar date, ISO-8601")
            .coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof LocalDate date) {
                        return date.toString();
                    }
                    throw new CoercingSerializeException("not a date: " + value);
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                    return parse(String.valueOf(input), CoercingParseValueException::new);
                }

                @Override
                public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                             Locale locale) {
                    if (input instanceof StringValue s) {
                        return parse(s.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("a Date is written as a string such as \"2026-11-26\"");
                }
            })
            .build();

    /** An instant: ISO-8601 with an offset ("2026-10-02T09:30:00Z"), or a date alone, meaning its end (UTC). */
    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant, ISO-8601 with offset; a date alone means the end of that day (UTC)")
            .coercing(new Coercing<OffsetDateTime, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof OffsetDateTime t) {
                        return t.toString();
                    }
                    if (value instanceof java.time.ZonedDateTime t) {
                        return t.toOffsetDateTime().toString();
                    }
                    throw new CoercingSerializeException("not a date-time: " + value);
                }

                @Override
                public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
                    return parseInstant(String.valueOf(input), CoercingParseValueException::new);
                }

                @Override
                public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                                   Locale locale) {
                    if (input instanceof StringValue s) {
                        return parseInstant(s.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException(
                            "a DateTime is written as a string such as \"2026-10-02T09:30:00Z\"");
                }
            })
            .build();

    private static OffsetDateTime parseInstant(String text,
                                               java.util.function.Function<String, RuntimeException> error) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1);
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw error.apply("'" + text + "' is not a date-time such as 2026-10-02T09:30:00Z (or a date)");
        }
    }

    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
            .name("JSON")
            .description("Any JSON value")
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
                public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                           Locale locale) {
                    return literal(input, variables);
                }
            })
            .build();

    private static LocalDate parse(String text, java.util.function.Function<String, RuntimeException> error) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error.apply("'" + text + "' is not a date in the form YYYY-MM-DD");
        }
    }

    private static Object literal(Value<?> value, CoercedVariables variables) {
        if (value instanceof NullValue) {
            return null;
        } else if (value instanceof StringValue s) {
            return s.getValue();
        } else if (value instanceof BooleanValue b) {
            return b.isValue();
        } else if (value instanceof IntValue i) {
            return i.getValue();
        } else if (value instanceof FloatValue f) {
            return f.getValue();
        } else if (value instanceof VariableReference ref) {
            return variables.get(ref.getName());
        } else if (value instanceof ArrayValue array) {
            List<Object> list = new ArrayList<>();
            array.getValues().forEach(v -> list.add(literal(v, variables)));
            return list;
        } else if (value instanceof ObjectValue object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue(), variables)));
            return map;
        }
        throw new CoercingParseLiteralException("not a JSON value: " + value);
    }

    @Bean
    RuntimeWiringConfigurer scalarWiring() {
        return wiring -> wiring.scalar(DATE).scalar(DATE_TIME).scalar(JSON);
    }

    /** Jackson 2 mapper for bundle JSON (the JSON Schema validator works on Jackson 2 trees). */
    @Bean
    static ObjectMapper bundleObjectMapper() {
        return new ObjectMapper().findAndRegisterModules();
    }
}
