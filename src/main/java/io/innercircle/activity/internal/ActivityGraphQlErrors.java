package io.innercircle.activity.internal;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** A refused activity file becomes a BAD_REQUEST error with extensions file, line, field and reason. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActivityGraphQlErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof ActivityFileRefused refused)) {
            return null;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("file", refused.file());
        extensions.put("line", refused.line());
        if (refused.field() != null) {
            extensions.put("field", refused.field());
        }
        extensions.put("reason", refused.reason());
        return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(refused.getMessage())
                .extensions(extensions).build();
    }
}
