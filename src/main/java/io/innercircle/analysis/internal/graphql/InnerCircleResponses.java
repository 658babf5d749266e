package io.innercircle.analysis.internal.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.api.SingleFieldQuery;
import io.innercircle.analysis.internal.store.AnalysisCache;
import io.innercircle.map.AccountVisibility;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.HashMap;
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
 * goes through the normal path and gets its normal answer), and which analysis answers, decided as the controller
 * does: the cached one while its Inner Circle is current ({@link AnalysisCache#currentInnerCircle}: outdated only
 * by status, role, contact or plan changes still is), else that of a big map being refreshed in the background,
 * answered as stale (kept apart from its current answers: clients that poll until the refresh is done then cost
 * microseconds each, not a whole report, and leave the processors to the refresh). Anything else takes the normal
 * path. Only error-free answers are kept, and never those that select {@code account} (read from the map at request
 * time) or use fragments or directives. At most {@value #MAX_ANSWERS} per analysis, kept no longer than it.
 */
@Component
class InnerCircleResponses implements WebGraphQlInterceptor {

    static final int MAX_DOCUMENT = 10_000;
    /** Different questions kept per analysis (documents and variables); further ones are answered normally. */
    static final int MAX_ANSWERS = 8;

    /** One question about one analysis; {@code stale} apart, since the same analysis is first current, then not. */
    record Key(String document, String operationName, Map<String, Object> variables, boolean stale) {}

    private final AnalysisLookups lookups;
    private final AccountVisibility access;
    private final Cache<String, Optional<SingleFieldQuery>> shapes = Caffeine.newBuilder().maximumSize(1_000).build();
    /**
     * Answers per analysis, the analysis compared by identity and held weakly: an answer lives no longer than the
     * analysis it was computed from (replaced after a change, dropped with the analysis cache), so an account whose
     * versions start again (purged and created anew, a restored backup) can never meet an older answer.
     */
    private final Cache<AnalysedAccount, Map<Key, Object>> answers = Caffeine.newBuilder().weakKeys().build();

    InnerCircleResponses(AnalysisLookups lookups, AccountVisibility access) {
        this.lookups = lookups;
        this.access = access;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String document = request.getDocument();
        if (document.length() > MAX_DOCUMENT || !document.contains("innerCircle")) {
            return chain.next(request);
        }
        SingleFieldQuery shape = shapes.get(document, InnerCircleResponses::shape).orElse(null);
        if (shape == null) {
            return chain.next(request);
        }
        Object named = shape.argument("account", request.getVariables());
        if (!(named instanceof String account) || SecurityContextHolder.getContext().getAuthentication() == null
                || !access.mayRead(account)) {
            return chain.next(request);
        }
        // The same two questions, in the same order, as InnerCircleController asks.
        Optional<AnalysedAccount> current = lookups.currentInnerCircle(account);
        boolean stale = current.isEmpty();
        Optional<AnalysedAccount> analysis = stale
                ? lookups.outdatedBigMap(account).map(AnalysisCache.Entry::analysis) : current;
        if (analysis.isEmpty()) {
            return chain.next(request);
        }
        Map<Key, Object> kept = answers.get(analysis.get(), a -> new ConcurrentHashMap<>());
        Key key = new Key(document, request.getOperationName(), new HashMap<>(request.getVariables()), stale);
        Object data = kept.get(key);
        if (data != null) {
            return SingleFieldQuery.answer(request, data);
        }
        return chain.next(request).doOnNext(response -> {
            if (kept.size() < MAX_ANSWERS && SingleFieldQuery.keepable(response)) {
                kept.put(key, response.getExecutionResult().getData());
            }
        });
    }

    /** The shape of a document that may be answered from here, or empty. */
    static Optional<SingleFieldQuery> shape(String document) {
        return SingleFieldQuery.of(document, "innerCircle")
                .filter(q -> q.argumentReadable("account") && plain(q.field().getSelectionSet()));
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
