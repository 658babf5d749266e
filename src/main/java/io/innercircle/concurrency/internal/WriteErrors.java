package io.innercircle.concurrency.internal;

import io.innercircle.concurrency.RetryableWriteException;
import io.innercircle.concurrency.StaleVersionException;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GraphQL errors of concurrent writes: a stale {@code ifVersion} is CONFLICT with the current version and
 * what changed since; a write that still failed after its retries is CONFLICT or UNAVAILABLE with
 * {@code retryable: true}, so a client knows sending it again is safe; so is a read that failed for such a reason.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WriteErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (ex instanceof StaleVersionException stale) {
            extensions.put("field", "ifVersion");
            extensions.put("account", stale.account());
            extensions.put("currentVersion", stale.currentVersion());
            extensions.put("yourVersion", stale.yourVersion());
            extensions.put("changes", stale.changes());
            extensions.put("retryable", false);
            return error(env, "CONFLICT", stale.getMessage(), extensions);
        }
        if (ex instanceof RetryableWriteException retryable) {
            extensions.put("retryable", true);
            return error(env, retryable.kind().name(), retryable.getMessage(), extensions);
        }
        RetryableWriteException.Kind kind = AccountWrites.transient_(ex);
        if (kind != null) {
            // A read that still failed for a passing reason after its retries (AccountWrites.read).
            extensions.put("retryable", true);
            return error(env, kind.name(), kind == RetryableWriteException.Kind.CONFLICT
                    ? "The read collided with concurrent writes to the same map; send it again"
                    : "The database is not available right now; send the request again", extensions);
        }
        return null;
    }

    private static GraphQLError error(DataFetchingEnvironment env, String classification, String message,
                                      Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError(env).errorType(ErrorClassification.errorClassification(classification))
                .message(message).extensions(extensions).build();
    }
}
