package io.innercircle.api;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * graphql-java sets no limits by default, so one deep, wide or heavily aliased query could tie up the database. The political
 * map query needs depth 5 and a few hundred fields; the defaults leave room for that and refuse abuse.
 *
 * <p>One instrumentation doing both checks, rather than graphql-java's two: with two, graphql-java chains them
 * and pays the chaining on every field of every response (measured: a visible share of a 2,000-person map),
 * although both only act once, before execution.
 *
 * <p>Schema introspection alone (what GraphiQL sends on load, nested 13 levels deep by its {@code ofType} chain) is
 * exempt: it reads the schema held in memory, never the database, and its size is fixed by the schema.
 */
@Component
class QueryLimits extends SimplePerformantInstrumentation {

    private final MaxQueryDepthInstrumentation depth;
    private final MaxQueryComplexityInstrumentation complexity;
    private final int maxAliases;

    QueryLimits(@Value("${innercircle.graphql.max-depth:12}") int maxDepth,
                @Value("${innercircle.graphql.max-complexity:1000}") int maxComplexity,
                @Value("${innercircle.graphql.max-aliases:30}") int maxAliases) {
        this.depth = new MaxQueryDepthInstrumentation(maxDepth);
        this.complexity = new MaxQueryComplexityInstrumentation(maxComplexity);
        this.maxAliases = maxAliases;
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return complexity.createStateAsync(parameters);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                        InstrumentationState state) {
        return complexity.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        if (introspectionOnly(parameters.getExecutionContext().getOperationDefinition())) {
            return super.beginExecuteOperation(parameters, state);
        }
        depth.beginExecuteOperation(parameters, state);
        InstrumentationContext<ExecutionResult> result = complexity.beginExecuteOperation(parameters, state);
        checkAliases(parameters);
        return result;
    }

    /**
     * Aliases let one request ask for the same expensive field many times ({@code a1: mapHealth(...) a2:
     * mapHealth(...)}), which the complexity count alone prices too cheaply. Counted over the operation with its
     * fragments expanded, stopping as soon as the limit is passed.
     */
    private void checkAliases(InstrumentationExecuteOperationParameters parameters) {
        var context = parameters.getExecutionContext();
        int aliases = countAliases(context.getOperationDefinition().getSelectionSet(), context.getFragmentsByName(),
                0);
        if (aliases > maxAliases) {
            throw new AbortExecutionException("The query uses more than " + maxAliases + " aliases (setting "
                    + "innercircle.graphql.max-aliases)");
        }
    }

    private int countAliases(SelectionSet selections, Map<String, FragmentDefinition> fragments, int count) {
        if (selections == null) {
            return count;
        }
        for (Selection<?> s : selections.getSelections()) {
            if (count > maxAliases) {
                return count;
            }
            if (s instanceof Field f) {
                count = countAliases(f.getSelectionSet(), fragments, f.getAlias() != null ? count + 1 : count);
            } else if (s instanceof InlineFragment inline) {
                count = countAliases(inline.getSelectionSet(), fragments, count);
            } else if (s instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                count = countAliases(fragments.get(spread.getName()).getSelectionSet(), fragments, count);
            }
        }
        return count;
    }

    private static boolean introspectionOnly(OperationDefinition operation) {
        return operation.getOperation() == OperationDefinition.Operation.QUERY
                && operation.getSelectionSet().getSelections().stream()
                .allMatch(s -> s instanceof Field field && INTROSPECTION_FIELDS.contains(field.getName()));
    }

    private static final Set<String> INTROSPECTION_FIELDS = Set.of("__schema", "__type", "__typename");
}
