package io.innercircle.api.internal;

import io.innercircle.api.ForbiddenException;
import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns refused input into GraphQL errors a client can act on: {@code extensions.classification} says what
 * kind of problem it is, {@code extensions.field} which input field, {@code extensions.reason} why.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof InvalidInputException invalid) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("field", invalid.field());
            extensions.put("reason", invalid.reason());
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ex instanceof NotFoundException ? ErrorType.NOT_FOUND
                            : ex instanceof ForbiddenException ? ErrorType.FORBIDDEN : ErrorType.BAD_REQUEST)
                    .message(invalid.getMessage())
                    .extensions(extensions)
                    .build();
        }
        log.error("Unexpected failure in {}", env.getField().getName(), ex);
        return null;
    }
}
