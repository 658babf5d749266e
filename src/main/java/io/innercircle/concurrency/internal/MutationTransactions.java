package io.innercircle.concurrency.internal;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every GraphQL mutation runs through {@link AccountWrites}, applied to the schema once at start-up so that new
 * mutations (and rewritten controllers) are covered without code: the accounts are read from the field's ID
 * arguments (an account key, or the part before '/' of an item id, as the access check reads them), and an
 * {@code ifVersion} argument, where the schema declares one, is the version precondition. Root query fields are
 * wrapped too, in {@link AccountWrites#read}: a read that failed for a passing reason is run again.
 */
@Configuration
class MutationTransactions {

    static final String IF_VERSION = "ifVersion";

    @Bean
    GraphQlSourceBuilderCustomizer mutationTransactionsCustomizer(AccountWrites writes) {
        return builder -> builder.typeVisitors(List.of(new Visitor(writes)));
    }

    /** Where ID values sit in a field's arguments: an argument name, then input field names ("*" a list item). */
    record IdPath(List<String> steps) {}

    static final class Visitor extends GraphQLTypeVisitorStub {

        private final AccountWrites writes;

        Visitor(AccountWrites writes) {
            this.writes = writes;
        }

        @Override
        public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                                                            TraverserContext<GraphQLSchemaElement> context) {
            if (!(context.getParentNode() instanceof GraphQLObjectType parent)) {
                return TraversalControl.CONTINUE;
            }
            if (parent.getName().equals("Query")) {
                GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
                DataFetcher<?> original = registry.getDataFetcher(coordinates, field);
                registry.dataFetcher(coordinates, (DataFetcher<Object>) env -> writes.read(() -> fetch(original, env)));
                return TraversalControl.CONTINUE;
            }
            if (!parent.getName().equals("Mutation")) {
                return TraversalControl.CONTINUE;
            }
            List<IdPath> paths = new ArrayList<>();
            for (GraphQLArgument argument : field.getArguments()) {
                idPaths(argument.getType(), new ArrayList<>(List.of(argument.getName())), paths, new TreeSet<>());
            }
            boolean versioned = field.getArgument(IF_VERSION) != null;
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
            DataFetcher<?> original = registry.getDataFetcher(coordinates, field);
            registry.dataFetcher(coordinates, (DataFetcher<Object>) env -> writes.run(accounts(paths, env),
                    versioned ? env.getArgument(IF_VERSION) : null, () -> fetch(original, env)));
            return TraversalControl.CONTINUE;
        }

        private static Object fetch(DataFetcher<?> original, DataFetchingEnvironment env) {
            try {
                return original.get(env);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static Set<String> accounts(List<IdPath> paths, DataFetchingEnvironment env) {
            Set<String> accounts = new TreeSet<>();
            for (IdPath path : paths) {
                follow(env.getArguments(), path.steps(), 0, accounts);
            }
            return accounts;
        }

        private static void follow(Object value, List<String> steps, int at, Set<String> into) {
            if (value == null) {
                return;
            }
            if (at == steps.size()) {
                String id = String.valueOf(value);
                int slash = id.indexOf('/');
                into.add(slash < 0 ? id : id.substring(0, slash));
            } else if (steps.get(at).equals("*") && value instanceof Iterable<?> items) {
                items.forEach(item -> follow(item, steps, at + 1, into));
            } else if (value instanceof Map<?, ?> map) {
                follow(map.get(steps.get(at)), steps, at + 1, into);
            }
        }

        private static void idPaths(GraphQLInputType type, List<String> prefix, List<IdPath> into,
                                    Set<String> seen) {
            GraphQLType t = type instanceof GraphQLNonNull nn ? nn.getWrappedType() : type;
            if (t instanceof GraphQLList list) {
                List<String> item = new ArrayList<>(prefix);
                item.add("*");
                idPaths((GraphQLInputType) list.getWrappedType(), item, into, seen);
            } else if (t instanceof GraphQLScalarType scalar && scalar.getName().equals("ID")) {
                into.add(new IdPath(List.copyOf(prefix)));
            } else if (t instanceof GraphQLInputObjectType input && !seen.contains(input.getName())) {
                Set<String> inner = new TreeSet<>(seen);
                inner.add(input.getName());
                for (var f : input.getFieldDefinitions()) {
                    List<String> next = new ArrayList<>(prefix);
                    next.add(f.getName());
                    idPaths(f.getType(), next, into, inner);
                }
            }
        }
    }
}
