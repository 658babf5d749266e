package io.innercircle.api.internal;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.HashMap;
import java.util.Map;

/**
 * What a query costs before it runs: every field costs 1, and a field returning many items multiplies what is
 * selected under it by how many it returns. That number is {@code first}/{@code last}/{@code limit} when the
 * query gives one, the field's default page size for a paged field, and otherwise the typical size of that
 * list from {@link #TYPICAL_SIZES} (10 for lists not in the table). Nested lists therefore multiply:
 * {@code stakeholders(first: 500) { ... influencedBy { from { influencedBy ... } } }} is priced at
 * 500 x 5 x 5 x ..., not at the handful of fields it names.
 *
 * <p>Each fragment is measured once and its measure reused wherever it is spread, so the work is linear in the
 * size of the document: a fragment that spreads the next one twice, 30 levels deep, costs 30 steps here (and
 * 2^30 in the result, which is what the limit then refuses). Numbers saturate rather than overflow.
 */
public final class QueryCost {

    /** The cost, the deepest nesting of fields and the number of aliases, with fragments expanded. */
    public record Measure(long cost, int depth, long aliases) {

        static final Measure ZERO = new Measure(0, 0, 0);

        Measure plus(Measure other) {
            return new Measure(add(cost, other.cost), Math.max(depth, other.depth), add(aliases, other.aliases));
        }
    }

    /** What a paged field returns without first/last: the map's Page.DEFAULT_SIZE. */
    static final long DEFAULT_PAGE_SIZE = 50;

    /** Size of a list field that gives no first/last/limit and has no entry in the table. */
    static final long DEFAULT_LIST_SIZE = 10;

    /**
     * How many items a list field typically returns, for the lists that are usually longer (or shorter) than
     * {@link #DEFAULT_LIST_SIZE}: "Type.field" to size. A political map of a large account has some 150 people.
     */
    static final Map<String, Long> TYPICAL_SIZES = Map.ofEntries(
            Map.entry("PoliticalMap.people", 150L),
            Map.entry("PoliticalMap.reportingLines", 150L),
            Map.entry("PoliticalMap.influenceLines", 300L),
            Map.entry("PoliticalMap.conflictLines", 30L),
            Map.entry("PoliticalMap.contacts", 150L),
            Map.entry("InnerCircleReport.people", 150L),
            Map.entry("InnerCircleReport.candidates", 20L),
            Map.entry("InnerCircleReport.chart", 150L),
            Map.entry("RelationshipStrategies.stakeholders", 150L),
            Map.entry("Stakeholder.influencedBy", 5L),
            Map.entry("Stakeholder.influences", 5L),
            Map.entry("Stakeholder.directReports", 5L),
            Map.entry("Stakeholder.conflicts", 3L),
            Map.entry("Stakeholder.contacts", 3L),
            Map.entry("Stakeholder.involvements", 3L),
            Map.entry("ConflictLine.between", 2L));

    /** Arguments that bound how many items a field returns. */
    private static final String[] SIZE_ARGUMENTS = {"first", "last", "limit"};

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final Map<String, Measure> measuredFragments = new HashMap<>();

    private QueryCost(GraphQLSchema schema, Map<String, FragmentDefinition> fragments,
                      Map<String, Object> variables) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables;
    }

    /** Measures one operation's selections, rooted at {@code root} (Query or Mutation). */
    public static Measure measure(GraphQLSchema schema, GraphQLCompositeType root, SelectionSet selections,
                                  Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        return new QueryCost(schema, fragments, variables).selections(selections, root);
    }

    private Measure selections(SelectionSet set, GraphQLCompositeType parent) {
        if (set == null) {
            return Measure.ZERO;
        }
        Measure total = Measure.ZERO;
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                total = total.plus(field(f, parent));
            } else if (s instanceof InlineFragment inline) {
                GraphQLCompositeType type = inline.getTypeCondition() == null ? parent
                        : compositeOrNull(schema.getType(inline.getTypeCondition().getName()));
                total = total.plus(selections(inline.getSelectionSet(), type));
            } else if (s instanceof FragmentSpread spread) {
                total = total.plus(fragment(spread.getName()));
            }
        }
        return total;
    }

    private Measure fragment(String name) {
        Measure known = measuredFragments.get(name);
        if (known != null) {
            return known;
        }
        // Placeholder first: a fragment cycle (refused by validation anyway) then ends instead of recursing.
        measuredFragments.put(name, Measure.ZERO);
        FragmentDefinition definition = fragments.get(name);
        Measure measured = definition == null ? Measure.ZERO
                : selections(definition.getSelectionSet(),
                compositeOrNull(schema.getType(definition.getTypeCondition().getName())));
        measuredFragments.put(name, measured);
        return measured;
    }

    private Measure field(Field field, GraphQLCompositeType parent) {
        long alias = field.getAlias() != null ? 1 : 0;
        GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
                && !field.getName().startsWith("__") ? container.getFieldDefinition(field.getName()) : null;
        if (definition == null) {
            // __typename and friends, or an unknown field validation will refuse: priced as one plain field.
            return new Measure(1, 1, alias);
        }
        Measure below = selections(field.getSelectionSet(),
                compositeOrNull(GraphQLTypeUtil.unwrapAll(definition.getType())));
        long items = items(field, definition, parent);
        return new Measure(add(1, multiply(items, below.cost())), below.depth() + 1, add(alias, below.aliases()));
    }

    /** How many items this field returns, for pricing what is selected under it. */
    private long items(Field field, GraphQLFieldDefinition definition, GraphQLCompositeType parent) {
        for (String name : SIZE_ARGUMENTS) {
            Long given = intArgument(field, name);
            if (given != null) {
                return Math.max(0, given);
            }
        }
        for (String name : SIZE_ARGUMENTS) {
            GraphQLArgument argument = definition.getArgument(name);
            if (argument != null) {
                Object fallback = argument.hasSetDefaultValue() ? argument.getArgumentDefaultValue().getValue()
                        : null;
                if (fallback instanceof IntValue i) {
                    return i.getValue().longValue();
                }
                if (fallback instanceof Number n) {
                    return n.longValue();
                }
                // A paged field without a default: the server's default page size.
                return name.equals("limit") ? DEFAULT_LIST_SIZE : DEFAULT_PAGE_SIZE;
            }
        }
        // A connection's edges are what its first/last counted already.
        if (parent.getName().endsWith("Connection")
                && (field.getName().equals("edges") || field.getName().equals("nodes"))) {
            return 1;
        }
        if (isList(definition.getType())) {
            return TYPICAL_SIZES.getOrDefault(parent.getName() + "." + field.getName(), DEFAULT_LIST_SIZE);
        }
        return 1;
    }

    private Long intArgument(Field field, String name) {
        for (Argument argument : field.getArguments()) {
            if (!argument.getName().equals(name)) {
                continue;
            }
            Value<?> value = argument.getValue();
            if (value instanceof IntValue i) {
                return i.getValue().longValue();
            }
            if (value instanceof VariableReference ref && variables.get(ref.getName()) instanceof Number n) {
                return n.longValue();
            }
        }
        return null;
    }

    private static boolean isList(GraphQLType type) {
        GraphQLType t = type instanceof GraphQLNonNull nn ? nn.getWrappedType() : type;
        return t instanceof GraphQLList;
    }

    private static GraphQLCompositeType compositeOrNull(GraphQLType type) {
        return type instanceof GraphQLCompositeType composite ? composite : null;
    }

    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    static long multiply(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
