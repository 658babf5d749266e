package io.innercircle.analysis.internal.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.internal.store.AnalysisCache;
import io.innercircle.map.AccountVisibility;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers of {@code innerCircle} kept by account version. The report is a pure function of the stored analysis
 * (tagged with the account version it was computed from), the arguments and the fields asked for, and is the same
 * for everyone allowed to read the account; on a 2,000-person map most of its time was graphql-java completing
 * thousands of chart points. So a request whose whole operation is one {@code innerCircle} field is answered from
 * here when the same document with the same variables was answered for the same account version.
 *
 * <p>What stays per request: the caller's access to the account (checked here first; a caller who may not read it
 * goes through the normal path and gets its normal answer), and whether the cached analysis is current (an outdated
 * one, e.g. a big map being refreshed in the background, also goes the normal path, which answers it as stale).
 * Only error-free answers are kept, and never those that select {@code account} (read from the map at request
 * time) or use fragments or directives. At most {@value #MAX_ANSWERS} per analysis, kept no longer than it.
 */
@Component
class InnerCircleResponses implements WebGraphQlInterceptor {

    static final int MAX_DOCUMENT = 10_000;
    /** Different questions kept per analysis (documents and variables); further ones are answered normally. */
    static final int MAX_ANSWERS = 8;

    /** Where the operation's account comes from: a variable's name, or the literal key. */
    record Shape(String variable, String literal) {}

    record Key(String document, String operationName, Map<String, Object> variables) {}

    private final AnalysisCache analyses;
    private final AccountVisibility access;
    private final Cache<String, Optional<Shape>> shapes = Caffeine.newBuilder().maximumSize(1_000).build();
    /**
     * Answers per analysis, the analysis compared by identity and held weakly: an answer lives no longer than the
     * analysis it was computed from (replaced after a change, dropped with the analysis cache), so an account whose
     * versions start again (purged and created anew, a restored backup) can never meet an older answer.
     */
    private final Cache<AnalysedAccount, Map<Key, Object>> answers = Caffeine.newBuilder().weakKeys().build();

    InnerCircleResponses(AnalysisCache analyses, AccountVisibility access) {
        this.analyses = analyses;
        this.access = access;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String document = request.getDocument();
        if (document.length() > MAX_DOCUMENT || !document.contains("innerCircle")) {
            return chain.next(request);
        }
        Shape shape = shapes.get(document, InnerCircleResponses::shape).orElse(null);
        if (shape == null) {
            return chain.next(request);
        }
        Object named = shape.variable() != null ? request.getVariables().get(shape.variable()) : shape.literal();
        if (!(named instanceof String account) || SecurityContextHolder.getContext().getAuthentication() == null
                || !readable(account)) {
            return chain.next(request);
        }
        Optional<AnalysedAccount> current = analyses.current(account);
        if (current.isEmpty()) {
            return chain.next(request);
        }
        Map<Key, Object> kept = answers.get(current.get(), a -> new ConcurrentHashMap<>());
        Key key = new Key(document, request.getOperationName(), new HashMap<>(request.getVariables()));
        Object data = kept.get(key);
        if (data != null) {
            ExecutionResult result = ExecutionResult.newExecutionResult().data(data).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                    result)));
        }
        return chain.next(request).doOnNext(response -> {
            if (kept.size() < MAX_ANSWERS && response.isValid() && response.getErrors().isEmpty()
                    && response.getExecutionResult().getData() != null
                    && response.getExecutionResult().getExtensions() == null) {
                kept.put(key, response.getExecutionResult().getData());
            }
        });
    }

    private boolean readable(String account) {
        java.util.Collection<String> readable = access.readableAccountsOrAll();
        return readable == null || readable.contains(account);
    }

    /** The shape of a document that may be answered from here, or empty. */
    static Optional<Shape> shape(String document) {
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
        List<Definition> definitions = parsed.getDefinitions();
        if (definitions.size() != 1 || !(definitions.get(0) instanceof OperationDefinition operation)
                || operation.getOperation() != OperationDefinition.Operation.QUERY
                || !operation.getDirectives().isEmpty()
                || operation.getSelectionSet().getSelections().size() != 1
                || !(operation.getSelectionSet().getSelections().get(0) instanceof Field field)
                || !field.getName().equals("innerCircle") || !plain(field.getSelectionSet())
                || !field.getDirectives().isEmpty()) {
            return Optional.empty();
        }
        Argument account = field.getArguments().stream().filter(a -> a.getName().equals("account")).findFirst()
                .orElse(null);
        if (account == null) {
            return Optional.empty();
        }
        if (account.getValue() instanceof VariableReference v) {
            return Optional.of(new Shape(v.getName(), null));
        }
        if (account.getValue() instanceof StringValue s) {
            return Optional.of(new Shape(null, s.getValue()));
        }
        return Optional.empty();
    }

    /** Only fields (no fragments, no directives), and none named {@code account}, at any depth. */
    private static boolean plain(SelectionSet selections) {
        if (selections == null) {
            return true;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (!(selection instanceof Field field) || field.getName().equals("account")
                    || !field.getDirectives().isEmpty() || !plain(field.getSelectionSet())) {
                return false;
            }
        }
        return true;
    }

    /** How many answers are kept (for tests). */
    long size() {
        answers.cleanUp();
        return answers.asMap().values().stream().mapToLong(Map::size).sum();
    }
}
