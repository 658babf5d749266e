package io.innercircle.api;

import graphql.ExecutionResult;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A query document whose whole operation is one field, without directives: what an interceptor that keeps
 * answers by account version can answer from memory. Also how such an answer is given, and which answers are
 * worth keeping.
 *
 * @param field the operation's one field
 */
public record SingleFieldQuery(Field field) {

    /** The document's one operation if it is a query of this one field, else empty (also for bad syntax). */
    public static Optional<SingleFieldQuery> of(String document, String name) {
        List<Definition> definitions;
        try {
            definitions = Parser.parse(document).getDefinitions();
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        if (definitions.size() != 1 || !(definitions.get(0) instanceof OperationDefinition operation)
                || operation.getOperation() != OperationDefinition.Operation.QUERY
                || !operation.getDirectives().isEmpty()
                || operation.getSelectionSet().getSelections().size() != 1
                || !(operation.getSelectionSet().getSelections().get(0) instanceof Field field)
                || !field.getName().equals(name) || !field.getDirectives().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SingleFieldQuery(field));
    }

    /** Whether the argument is a string literal or a variable; anything else could not be read before running. */
    public boolean argumentReadable(String name) {
        return field.getArguments().stream().filter(a -> a.getName().equals(name)).findFirst().map(Argument::getValue)
                .filter(v -> v instanceof VariableReference || v instanceof StringValue).isPresent();
    }

    /** The argument's value in this request: the literal, or the variable's value; null when absent. */
    public Object argument(String name, Map<String, Object> variables) {
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals(name)) {
                if (argument.getValue() instanceof VariableReference v) {
                    return variables.get(v.getName());
                }
                return argument.getValue() instanceof StringValue s ? s.getValue() : null;
            }
        }
        return null;
    }

    /** The answer of a request, with data kept from an earlier one. */
    public static Mono<WebGraphQlResponse> answer(WebGraphQlRequest request, Object data) {
        ExecutionResult result = ExecutionResult.newExecutionResult().data(data).build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                result)));
    }

    /** Whether an answer may be kept: valid, with data, and without errors or extensions. */
    public static boolean keepable(WebGraphQlResponse response) {
        return response.isValid() && response.getErrors().isEmpty()
                && response.getExecutionResult().getData() != null
                && response.getExecutionResult().getExtensions() == null;
    }
}
