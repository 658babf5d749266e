package io.innercircle.security.internal;

import io.innercircle.security.AccountAccess;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.innercircle.api.ForbiddenException;
import io.innercircle.security.AccountAccess.Level;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The GraphQL half of access control, applied to the schema once at start-up, so new fields are covered
 * without code: every field that has an argument of type ID (directly, in a list, or in an input object at any
 * depth) gets its data fetcher wrapped. Before the field runs, each ID value is read as naming an account (an
 * account key, or the part before '/' of an "account/key" item id) and {@link AccountAccess} must allow it: READ
 * on queries and nested fields, EDIT on mutations, or the level of {@code @access(level:)}.
 *
 * <p>Denied reads look like missing items: a nullable field answers null without an error (what the map's
 * lookups do for a missing id), a non-null field or one marked {@code @notFoundError} a NOT_FOUND error naming
 * the argument, worded as for a missing item.
 *
 * <p>Fields without an ID argument cannot be checked this way. A Query or Mutation field without one must say
 * why with {@code @checkedInCode}, {@code @adminOnly} or {@code @noAccountData}; otherwise start-up fails, so a new
 * root field cannot slip through unchecked. Nested fields need no check: what hangs off an account's item is
 * in that account.
 */
@Configuration
class GraphQlAccountCheck {

    @Bean
    GraphQlSourceBuilderCustomizer accountCheckCustomizer(AccountAccess access) {
        return builder -> builder.typeVisitors(List.of(new Visitor(access)));
    }

    /** One ID value found in the arguments: its path (for errors), the account it names and what it names. */
    record Reference(String path, String account, String what, String id) {}

    static final class Visitor extends GraphQLTypeVisitorStub {

        private final AccountAccess access;

        Visitor(AccountAccess access) {
            this.access = access;
        }

        @Override
        public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                                                            TraverserContext<GraphQLSchemaElement> context) {
            if (!(context.getParentNode() instanceof GraphQLFieldsContainer parent)) {
                return TraversalControl.CONTINUE;
            }
            String typeName = parent.getName();
            boolean root = typeName.equals("Query") || typeName.equals("Mutation") || typeName.equals("Subscription");
            boolean adminOnly = field.hasAppliedDirective("adminOnly");
            // A field with no account data (the caller's own API tokens) may take ids that name no account.
            boolean hasIds = !field.hasAppliedDirective("noAccountData")
                    && field.getArguments().stream().anyMatch(a -> holdsIds(a.getType(), new HashSet<>()));
            if (root && !hasIds && !adminOnly && !field.hasAppliedDirective("checkedInCode")
                    && !field.hasAppliedDirective("noAccountData")) {
                throw new IllegalStateException("GraphQL field " + typeName + "." + field.getName() + " has no ID "
                        + "argument naming its account; add one, or mark it @checkedInCode (and check with "
                        + "AccountAccess), @adminOnly or @noAccountData. See docs/architecture.md, The authorization rule.");
            }
            if (!hasIds && !adminOnly) {
                return TraversalControl.CONTINUE;
            }
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
            DataFetcher<?> original = registry.getDataFetcher(coordinates, field);
            registry.dataFetcher(coordinates, checked(original, field, level(field, typeName), adminOnly));
            return TraversalControl.CONTINUE;
        }

        private static Level level(GraphQLFieldDefinition field, String typeName) {
            var directive = field.getAppliedDirective("access");
            if (directive != null) {
                Object value = directive.getArgument("level").getValue();
                return Level.valueOf(String.valueOf(value));
            }
            return typeName.equals("Mutation") ? Level.EDIT : Level.READ;
        }

        private DataFetcher<?> checked(DataFetcher<?> original, GraphQLFieldDefinition field, Level level,
                                       boolean adminOnly) {
            boolean nullOnDeniedRead = !(field.getType() instanceof GraphQLNonNull)
                    && !field.hasAppliedDirective("notFoundError") && level == Level.READ;
            String subject = subject(field.getName());
            return env -> {
                if (adminOnly && !access.visible().all()) {
                    throw new ForbiddenException(field.getName(), access.who() + " may not call " + field.getName()
                            + "; it needs an administrator");
                }
                List<Reference> references = new ArrayList<>();
                for (GraphQLArgument argument : field.getArguments()) {
                    collect(argument.getType(), env.getArguments().get(argument.getName()), argument.getName(),
                            argument.getName(), subject, references);
                }
                for (Reference r : references) {
                    if (nullOnDeniedRead && !access.canRead(r.account())) {
                        return null;
                    }
                    access.require(level, r.path(), r.account(), r.what(), r.id());
                }
                return original.get(env);
            };
        }

        /** Walks an argument value along its type and collects every ID in it. */
        private static void collect(GraphQLType type, Object value, String path, String name, String subject,
                                    List<Reference> into) {
            if (value == null) {
                return;
            }
            GraphQLType t = type instanceof GraphQLNonNull nn ? nn.getWrappedType() : type;
            if (t instanceof GraphQLList list && value instanceof Iterable<?> items) {
                items.forEach(item -> collect(list.getWrappedType(), item, path, name, subject, into));
            } else if (t instanceof GraphQLScalarType scalar && scalar.getName().equals("ID")) {
                String id = String.valueOf(value);
                int slash = id.indexOf('/');
                String account = slash < 0 ? id : id.substring(0, slash);
                into.add(new Reference(path, account, slash < 0 ? "account" : what(name, subject), id));
            } else if (t instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> map) {
                String inner = subject(input.getName());
                for (GraphQLInputObjectField f : input.getFieldDefinitions()) {
                    collect(f.getType(), map.get(f.getName()), path + "." + f.getName(), f.getName(),
                            inner.isEmpty() ? subject : inner, into);
                }
            }
        }

        private static boolean holdsIds(GraphQLInputType type, Set<String> seen) {
            GraphQLType t = type;
            while (t instanceof GraphQLNonNull || t instanceof GraphQLList) {
                t = t instanceof GraphQLNonNull nn ? nn.getWrappedType() : ((GraphQLList) t).getWrappedType();
            }
            if (t instanceof GraphQLScalarType scalar) {
                return scalar.getName().equals("ID");
            }
            if (t instanceof GraphQLInputObjectType input && seen.add(input.getName())) {
                return input.getFieldDefinitions().stream().anyMatch(f -> holdsIds(f.getType(), seen));
            }
            return false;
        }

        /**
         * What an item id names, in the words the map's own "not found" errors use: from the argument name
         * (stakeholder, opportunity...) or, for a plain "id", from the field or input type (updateStakeholder).
         */
        private static String what(String name, String subject) {
            return switch (name) {
                case "from", "to", "manager", "between", "reportsTo", "stakeholder" -> "stakeholder";
                case "teamMember" -> "team member";
                case "id" -> subject.isEmpty() ? "item" : subject;
                default -> words(name);
            };
        }

        /** "UpdateTeamMemberInput" / "removeStakeholder" -> "team member" / "stakeholder". */
        static String subject(String typeOrField) {
            String s = typeOrField.replaceFirst("Input$", "")
                    .replaceFirst("^(?i)(create|update|remove|set|record|delete|import|export)", "");
            return s.isEmpty() ? "" : words(s);
        }

        private static String words(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
    }
}
