package io.innercircle.api.internal;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLCompositeType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * graphql-java sets no limits by default, so one deep, wide, aliased or list-multiplying query could tie up the
 * database and the heap. Before execution, {@link QueryCost} measures the operation (linear in the document,
 * fragments measured once) and a query deeper, more aliased or costlier than configured is refused whole with
 * BAD_REQUEST and the computed numbers in {@code extensions}. While it runs, two hard caps stop what the
 * estimate let through but turned out large: the response's size (counted as values are completed) and its
 * running time.
 *
 * <p>One instrumentation doing all checks: graphql-java chains several instrumentations and pays the chaining
 * on every field of every response (measured: a visible share of a 2,000-person map).
 *
 * <p>Schema introspection alone (what GraphiQL sends on load, nested 13 levels deep by its {@code ofType} chain) is
 * exempt from the estimate: it reads the schema held in memory, never the database, and its size is fixed.
 */
@Component
class QueryLimits extends SimplePerformantInstrumentation {

    private final int maxDepth;
    private final long maxCost;
    private final int maxAliases;
    private final long maxResponseBytes;
    private final long maxTimeNanos;

    QueryLimits(@Value("${innercircle.graphql.max-depth:12}") int maxDepth,
                @Value("${innercircle.graphql.max-cost:20000}") long maxCost,
                @Value("${innercircle.graphql.max-aliases:30}") int maxAliases,
                @Value("${innercircle.graphql.max-response-size:16MB}") DataSize maxResponseSize,
                @Value("${innercircle.graphql.max-time:60s}") Duration maxTime) {
        this.maxDepth = maxDepth;
        this.maxCost = maxCost;
        this.maxAliases = maxAliases;
        this.maxResponseBytes = maxResponseSize.toBytes();
        this.maxTimeNanos = maxTime.toNanos();
    }

    /** What one request has used so far. */
    static final class Usage implements InstrumentationState {
        final long started = System.nanoTime();
        final AtomicLong bytes = new AtomicLong();
        volatile boolean mutation;
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Usage());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        OperationDefinition operation = context.getOperationDefinition();
        if (state instanceof Usage usage) {
            // A subscription (live map changes) runs for as long as it is open, one small event at a time: the running
            // caps are for one answer, so it is left out like a mutation (the depth and cost checks still apply).
            usage.mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION
                    || operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION;
        }
        if (introspectionOnly(operation)) {
            return super.beginExecuteOperation(parameters, state);
        }
        GraphQLCompositeType root = switch (operation.getOperation()) {
            case MUTATION -> context.getGraphQLSchema().getMutationType();
            case SUBSCRIPTION -> context.getGraphQLSchema().getSubscriptionType();
            default -> context.getGraphQLSchema().getQueryType();
        };
        QueryCost.Measure measure = QueryCost.measure(context.getGraphQLSchema(), root,
                operation.getSelectionSet(), context.getFragmentsByName(), context.getCoercedVariables().toMap());
        if (measure.depth() > maxDepth) {
            throw refused("The query is nested " + measure.depth() + " levels deep; at most " + maxDepth
                    + " are allowed (setting innercircle.graphql.max-depth)", "depth", measure);
        }
        if (measure.aliases() > maxAliases) {
            throw refused("The query uses " + measure.aliases() + " aliases; at most " + maxAliases
                    + " are allowed (setting innercircle.graphql.max-aliases)", "aliases", measure);
        }
        if (measure.cost() > maxCost) {
            throw refused("The query would cost " + measure.cost() + " (each field 1, lists multiplied by "
                    + "first/last or their typical size); at most " + maxCost + " is allowed (setting "
                    + "innercircle.graphql.max-cost). Ask for fewer items or fewer nested lists.", "cost", measure);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /**
     * The running caps, checked as each value is completed: cheap (a counter and the clock), and it stops a
     * response while it grows rather than after it is built.
     */
    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                                                               InstrumentationState state) {
        // Not for mutations: their write has committed by the time values are completed, and a mutation's
        // answer is small.
        if (state instanceof Usage usage && !usage.mutation) {
            Object value = parameters.getFetchedObject();
            // The field's name, quotes, colon and comma, and the value (strings by length, others as a number).
            long bytes = parameters.getExecutionStepInfo().getField().getResultKey().length() + 4
                    + (value instanceof CharSequence s ? s.length() + 2 : 8);
            if (usage.bytes.addAndGet(bytes) > maxResponseBytes) {
                throw aborted("The response would be larger than " + DataSize.ofBytes(maxResponseBytes).toMegabytes()
                        + " MB (setting innercircle.graphql.max-response-size). Ask for fewer items.",
                        "responseSize");
            }
            if (System.nanoTime() - usage.started > maxTimeNanos) {
                throw aborted("The query ran longer than " + Duration.ofNanos(maxTimeNanos).toSeconds()
                        + " s (setting innercircle.graphql.max-time). Ask for fewer items.", "time");
            }
        }
        return super.beginFieldCompletion(parameters, state);
    }

    private static AbortExecutionException refused(String message, String limit, QueryCost.Measure measure) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("limit", limit);
        extensions.put("cost", measure.cost());
        extensions.put("depth", measure.depth());
        extensions.put("aliases", measure.aliases());
        return abort(message, ErrorType.BAD_REQUEST, extensions);
    }

    private static AbortExecutionException aborted(String message, String limit) {
        return abort(message, ErrorType.BAD_REQUEST, Map.of("limit", limit));
    }

    private static AbortExecutionException abort(String message, ErrorClassification type,
                                                  Map<String, Object> extensions) {
        GraphQLError error = GraphqlErrorBuilder.newError().errorType(type).message(message)
                .extensions(extensions).build();
        return new AbortExecutionException(List.of(error));
    }

    private static boolean introspectionOnly(OperationDefinition operation) {
        return operation.getOperation() == OperationDefinition.Operation.QUERY
                && operation.getSelectionSet().getSelections().stream()
                .allMatch(s -> s instanceof Field field && INTROSPECTION_FIELDS.contains(field.getName()));
    }

    private static final Set<String> INTROSPECTION_FIELDS = Set.of("__schema", "__type", "__typename");
}
