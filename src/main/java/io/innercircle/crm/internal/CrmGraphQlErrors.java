package io.innercircle.crm.internal;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refused CRM import becomes one GraphQL error per wrong row: classification BAD_REQUEST, extensions
 * {@code line}, {@code column}, {@code value} and {@code reason}, and a message a person can read alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CrmGraphQlErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof ImportRefusedException refused)) {
            return null;
        }
        return refused.errors().stream().map(p -> {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("code", p.code().name());
            extensions.put("line", p.line());
            if (p.column() != null) {
                extensions.put("column", p.column());
            }
            if (p.value() != null) {
                extensions.put("value", p.value());
            }
            extensions.put("reason", p.reason());
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(p.describe())
                    .extensions(extensions).build();
        }).toList();
    }
}
