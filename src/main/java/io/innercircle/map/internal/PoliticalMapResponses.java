package io.innercircle.map.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.GraphQLContext;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnmodifiedType;
import graphql.TrivialDataFetcher;
import io.innercircle.api.SingleFieldQuery;
import io.innercircle.map.AccountVersions;
import io.innercircle.map.AccountVersions.Stamp;
import io.innercircle.map.AccountVisibility;
import io.innercircle.map.ItemId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers of a whole {@code politicalMap} kept by account version. Such an answer is a pure function of the map
 * record, which is read in one query together with the account's version; on a 2,000-person map about half of a
 * request's time was graphql-java completing some 100,000 fields and a third the read itself. So a request whose
 * whole operation is one {@code politicalMap(opportunity:)} field is answered from here when the same document
 * with the same variables was answered at the account's current version.
 *
 * <p>What may be kept: only fields that are properties of the map record (trivial data fetchers, no arguments,
 * no fragments or directives), and the opportunity's competitor. A field served by any other resolver
 * ({@code positions}, {@code shape}, a person's {@code email} or {@code influenceAnalysis}...) may read data the
 * version does not cover, so such a document, like one with {@code asOf}, {@code focus} or {@code hops}, takes the
 * normal path. What stays per request: the caller's access to the account (a caller who may not read it goes the
 * normal path and gets its normal answer) and one small read of the account's version and creation time. An answer
 * is kept only when the map it was completed from was read at that same version, so a write that commits during
 * the request is never kept under the older version; every app instance reads the version from the database, so a
 * write through another instance is seen at once.
 * Bounded by the number of people kept ({@value #MAX_PEOPLE}).
 */
@Component
class PoliticalMapResponses implements WebGraphQlInterceptor {

    static final int MAX_DOCUMENT = 10_000;
    /** Everyone in all kept answers together; an answer counts its people (at least one). */
    static final int MAX_PEOPLE = 20_000;

    record Key(String document, String operationName, Map<String, Object> variables) {}

    record Kept(String account, Stamp stamp, Object data, int people) {}

    /**
     * Put in the GraphQL context of a request that may be kept; {@code politicalMap} notes in it the version of
     * the account its map was read at.
     */
    static final class ReadAt {
        static final String KEY = ReadAt.class.getName();
        volatile Long version;
        volatile int people;
    }

    private final AccountVersions versions;
    private final AccountVisibility access;
    private final ObjectProvider<GraphQlSource> graphQl;
    private final Cache<String, Optional<SingleFieldQuery>> shapes = Caffeine.newBuilder().maximumSize(1_000).build();
    private final Cache<Key, Kept> answers = Caffeine.newBuilder()
            .maximumWeight(MAX_PEOPLE).weigher((Key k, Kept v) -> Math.max(1, v.people())).build();

    PoliticalMapResponses(AccountVersions versions, AccountVisibility access, ObjectProvider<GraphQlSource> graphQl) {
        this.versions = versions;
        this.access = access;
        this.graphQl = graphQl;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String document = request.getDocument();
        if (document.length() > MAX_DOCUMENT || !document.contains("politicalMap")) {
            return chain.next(request);
        }
        SingleFieldQuery shape = shapes.get(document, d -> shape(d, graphQl.getObject().schema())).orElse(null);
        if (shape == null) {
            return chain.next(request);
        }
        Object named = shape.argument("opportunity", request.getVariables());
        ItemId opportunity = named instanceof String s ? parse(s) : null;
        if (opportunity == null || SecurityContextHolder.getContext().getAuthentication() == null
                || !access.mayRead(opportunity.account())) {
            return chain.next(request);
        }
        Stamp stamp = versions.stamp(opportunity.account()).orElse(null);
        if (stamp == null) {
            return chain.next(request);
        }
        Key key = new Key(document, request.getOperationName(), new HashMap<>(request.getVariables()));
        Kept kept = answers.getIfPresent(key);
        if (kept != null && kept.account().equals(opportunity.account()) && kept.stamp().equals(stamp)) {
            return SingleFieldQuery.answer(request, kept.data());
        }
        ReadAt readAt = new ReadAt();
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(ReadAt.KEY, readAt);
            return input;
        });
        return chain.next(request).doOnNext(response -> {
            Long read = readAt.version;
            if (read != null && read == stamp.version() && SingleFieldQuery.keepable(response)) {
                answers.put(key, new Kept(opportunity.account(), stamp, response.getExecutionResult().getData(),
                        readAt.people));
            }
        });
    }

    /** Called by {@code politicalMap}: the map was read at this version of its account. */
    static void noteRead(GraphQLContext context, long version, int people) {
        ReadAt readAt = context == null ? null : context.get(ReadAt.KEY);
        if (readAt != null) {
            readAt.version = version;
            readAt.people = people;
        }
    }

    private static ItemId parse(String id) {
        try {
            return ItemId.parse("opportunity", id);
        } catch (RuntimeException e) {
            // A malformed id: the normal path answers it with its error.
            return null;
        }
    }

    /** The shape of a document that may be answered from here, or empty. */
    static Optional<SingleFieldQuery> shape(String document, GraphQLSchema schema) {
        GraphQLFieldDefinition root = schema.getQueryType().getFieldDefinition("politicalMap");
        if (root == null || !(GraphQLTypeUtil.unwrapAll(root.getType()) instanceof GraphQLObjectType map)) {
            return Optional.empty();
        }
        // Only the opportunity: asOf, focus and hops read the history or the stored analysis.
        return SingleFieldQuery.of(document, "politicalMap")
                .filter(q -> q.field().getArguments().size() == 1 && q.argumentReadable("opportunity")
                        && properties(q.field().getSelectionSet(), map, schema));
    }

    /**
     * Fields with a resolver of their own that reads nothing but the account's own map content, which every write
     * versions. Were such a read to see a write that committed after the map's, the answer would be newer than
     * its version, and only requests that read that older version (before the write) could be given it.
     */
    static final Set<String> VERSIONED_RESOLVERS = Set.of("Opportunity.competitor");

    /**
     * Whether every field selected, at any depth, is a plain property of the record it is read from, or one of
     * {@link #VERSIONED_RESOLVERS}: no arguments, fragments or directives, and no other resolver (which could read
     * the stored analysis, saved positions or another account).
     */
    private static boolean properties(SelectionSet selections, GraphQLObjectType type, GraphQLSchema schema) {
        if (selections == null) {
            return true;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (!(selection instanceof Field field) || !field.getDirectives().isEmpty()
                    || !field.getArguments().isEmpty()) {
                return false;
            }
            if (field.getName().equals("__typename")) {
                continue;
            }
            GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
            if (definition == null) {
                return false;
            }
            DataFetcher<?> fetcher = schema.getCodeRegistry().getDataFetcher(type, definition);
            if (!(fetcher instanceof TrivialDataFetcher<?>)
                    && !VERSIONED_RESOLVERS.contains(type.getName() + "." + field.getName())) {
                return false;
            }
            GraphQLUnmodifiedType fieldType = GraphQLTypeUtil.unwrapAll(definition.getType());
            if (fieldType instanceof GraphQLObjectType object) {
                if (!properties(field.getSelectionSet(), object, schema)) {
                    return false;
                }
            } else if (!GraphQLTypeUtil.isLeaf((GraphQLType) fieldType)) {
                return false;
            }
        }
        return true;
    }

    /** How many answers are kept (for tests). */
    long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }
}
