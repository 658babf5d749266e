package io.innercircle.api.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated GraphQL documents, kept by their text. Scripts and the web page send the same few
 * documents over and over with different variables; without this, graphql-java parses (ANTLR) and validates each
 * one on every request, a measurable part of a small request's time. Only documents that passed validation are
 * kept, at most {@value #MAX_CHARACTERS} characters of documents in all, and none longer than
 * {@value #MAX_DOCUMENT} characters (a bundle written inline into a mutation is not worth keeping), so a client
 * sending endless distinct documents cannot grow the memory. The query limits ({@link QueryLimits}) run at
 * execution, so a cached document is still measured on every request.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocumentCache implements PreparsedDocumentProvider {

    static final int MAX_DOCUMENT = 20_000;
    static final int MAX_CHARACTERS = 5_000_000;

    private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS).weigher((String query, PreparsedDocumentEntry entry) -> query.length())
            .build();

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCacheCustomizer() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (query.length() > MAX_DOCUMENT) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        PreparsedDocumentEntry cached = documents.getIfPresent(query);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            documents.put(query, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    long size() {
        return documents.estimatedSize();
    }
}
