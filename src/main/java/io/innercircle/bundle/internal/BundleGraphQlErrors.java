package io.innercircle.bundle.internal;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * A refused bundle becomes one GraphQL error per problem, so a client sees all of them at once and can show
 * each beside the element it names: classification BAD_REQUEST, {@code extensions.pointer} the JSON pointer,
 * {@code extensions.reason} the plain-English reason, and a message that combines both.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BundleGraphQlErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof BundleRejectedException rejected)) {
            return null;
        }
        return rejected.problems().stream()
                .map(p -> GraphqlErrorBuilder.newError(env)
                        .errorType(ErrorType.BAD_REQUEST)
                        .message((p.pointer().isEmpty() ? "bundle" : p.pointer()) + ": " + p.message())
                        .extensions(Map.of("code", p.code().name(), "pointer", p.pointer(), "reason", p.message()))
                        .build())
                .toList();
    }
}
