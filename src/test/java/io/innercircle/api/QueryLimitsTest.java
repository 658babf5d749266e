package io.innercircle.api;

import io.innercircle.api.internal.QueryCost;

import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import io.innercircle.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The query cost model and its limits, tried as an attacker would, and the app's own queries still pass. */
class QueryLimitsTest extends IntegrationTest {

    @Autowired
    private GraphQlSource graphQlSource;

    @Value("${innercircle.graphql.max-cost}")
    private long maxCost;

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String query) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstError(Map<String, Object> body) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        assertThat(errors).as("errors of %s", body).isNotEmpty();
        return errors.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extensions(Map<String, Object> error) {
        return (Map<String, Object>) error.get("extensions");
    }

    /** Each fragment spreads the next twice: 2^40 fields when expanded, 1.6 KB of text. */
    private static String fragmentBomb() {
        StringBuilder query = new StringBuilder("query { ...F0 }\n");
        int levels = 40;
        for (int i = 0; i < levels; i++) {
            query.append("fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F")
                    .append(i + 1).append(" }\n");
        }
        return query.append("fragment F").append(levels).append(" on Query { ping }\n").toString();
    }

    @Test
    void aFragmentBombIsRefusedWithinASecond() {
        // The work the server does on it, as CPU time of this thread (wall time on a shared, loaded machine
        // says little): parsing, validation and the cost model, all of graphql-java's steps before execution.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        graphQlSource.graphQl().execute(fragmentBomb()); // once to load the classes involved
        long start = threads.getCurrentThreadCpuTime();
        ExecutionResult direct = graphQlSource.graphQl().execute(fragmentBomb());
        long millis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        assertThat(millis).as("CPU milliseconds to refuse the fragment bomb").isLessThan(1000);
        assertThat(direct.getErrors()).isNotEmpty();

        // And over HTTP, as an attacker sends it (before the cost model, this ran for hours).
        Map<String, Object> body = post(fragmentBomb());
        Map<String, Object> error = firstError(body);
        assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST").containsEntry("limit", "cost");
        assertThat(((Number) extensions(error).get("cost")).longValue()).isGreaterThan(1L << 39);
        assertThat(body.get("data")).isNull();
    }

    @Test
    void listAmplificationIsRefusedBeforeRunning() {
        graphQl.documentName("createAccount").variable("input", Map.of("key", "amp", "name", "Amp"))
                .execute().path("createAccount.account.key").entity(String.class).isEqualTo("amp");
        String level = "influencedBy { strength from { id name notes %s } }";
        String nested = String.format(level, String.format(level, String.format(level, "")));
        String aliases = Stream.iterate(0, i -> i + 1).limit(30)
                .map(i -> "a" + i + ": account(key: \"amp\") { stakeholders(first: 500) { edges { node { id name "
                        + nested + " } } } }")
                .collect(Collectors.joining("\n"));

        Map<String, Object> body = post("query {\n" + aliases + "\n}");

        Map<String, Object> error = firstError(body);
        assertThat(extensions(error)).containsEntry("classification", "BAD_REQUEST").containsEntry("limit", "cost");
        assertThat(((Number) extensions(error).get("cost")).longValue()).isGreaterThan(maxCost);
        assertThat(error.get("message")).asString().contains("innercircle.graphql.max-cost");
        // Refused before execution: not even the cheap account lookup ran.
        assertThat(body.get("data")).isNull();
    }

    @Test
    void oneAccountsPageOfPeopleWithTheirLinesIsAllowed() {
        Map<String, Object> body = post("""
                query { account(key: "none") { stakeholders(first: 100) { edges { node {
                  id name influencedBy { from { id name } strength } } } } } }""");
        assertThat(body.get("errors")).isNull();
    }

    @Test
    void depthAndAliasLimitsStillHold() {
        String deep = "query { account(key: \"x\") { stakeholders(first: 1) { edges { node { "
                + "reportsTo { ".repeat(12) + "id" + " }".repeat(12) + " } } } } }";
        assertThat(extensions(firstError(post(deep)))).containsEntry("limit", "depth");
        String aliased = "query { " + Stream.iterate(0, i -> i + 1).limit(31).map(i -> "p" + i + ": ping")
                .collect(Collectors.joining(" ")) + " }";
        assertThat(extensions(firstError(post(aliased)))).containsEntry("limit", "aliases");
    }

    /** Every query and mutation of the web page, the README and the guides (docs/*.md) stays under the budget. */
    @Test
    void theAppsAndTheReadmesQueriesStayUnderBudget() throws IOException {
        GraphQLSchema schema = graphQlSource.schema();
        List<String> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/static/app"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Matcher m = Pattern.compile("`\\s*((?:query|mutation)\\b[^`]*)`").matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).contains("${")) {
                        documents.add(m.group(1));
                    }
                }
            }
        }
        int fromPage = documents.size();
        List<Path> guides = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(guides::add);
        }
        for (Path guide : guides) {
            Matcher block = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(guide));
            while (block.find()) {
                documents.add(block.group(1));
            }
        }
        assertThat(fromPage).as("queries found in the web page").isGreaterThanOrEqualTo(5);
        assertThat(documents.size()).as("queries found in the page and the documents").isGreaterThan(fromPage);

        for (String text : documents) {
            Document document;
            try {
                document = Parser.parse(text);
            } catch (Exception notAQuery) {
                continue; // a README snippet that is only part of a document
            }
            Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
                    .stream().collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                var root = operation.getOperation() == OperationDefinition.Operation.MUTATION
                        ? schema.getMutationType() : schema.getQueryType();
                QueryCost.Measure measure = QueryCost.measure(schema, root, operation.getSelectionSet(),
                        fragments, Map.of());
                assertThat(measure.cost()).as("cost of %s", text).isLessThan(maxCost);
            }
        }
    }
}
