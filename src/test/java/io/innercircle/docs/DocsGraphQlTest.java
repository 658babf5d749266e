package io.innercircle.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import io.innercircle.support.IntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GraphQL operation the documents show is valid against the served schema: each ```graphql block is one
 * document (named operations, declared variables), and each {@code '{"query": ...}'} body in a shell block parses and
 * validates; so do the example clients' documents. A renamed field or a broken example fails the build with the file and line.
 */
class DocsGraphQlTest extends IntegrationTest {

    private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)[^\\n]*\\n(.*?)^```", Pattern.DOTALL);
    /**
     * The query of a JSON request body in single quotes, as the shell examples write it; the body may go on past a
     * quote spliced in for a shell variable ({@code "variables":{"at":"'"$BEFORE"'"}}), the query itself may not.
     */
    private static final Pattern JSON_BODY = Pattern.compile("'\\{\"query\":(\"(?:[^\"\\\\']|\\\\.)*\")");

    @Autowired
    private GraphQlSource graphQlSource;

    private final ObjectMapper json = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyDocumentedOperationIsValid() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : documents()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher fence = FENCE.matcher(text);
            while (fence.find()) {
                String where = file + ":" + lineOf(text, fence.start());
                String language = fence.group(1);
                String body = fence.group(2);
                if (language.equals("graphql")) {
                    tests.add(DynamicTest.dynamicTest(where, () -> assertValid(where, body)));
                } else if (language.equals("bash") || language.equals("sh")) {
                    Matcher request = JSON_BODY.matcher(body);
                    while (request.find()) {
                        String at = file + ":" + lineOf(text, fence.start(2) + request.start());
                        String query = queryOf(at, request.group(1));
                        tests.add(DynamicTest.dynamicTest(at, () -> assertValid(at, query)));
                    }
                }
            }
        }
        try (Stream<Path> clients = Files.list(Path.of("examples", "graphql"))) {
            for (Path file : clients.filter(p -> p.toString().endsWith(".graphql")).sorted().toList()) {
                String operations = Files.readString(file, StandardCharsets.UTF_8);
                tests.add(DynamicTest.dynamicTest(file.toString(), () -> assertValid(file.toString(), operations)));
            }
        }
        assertThat(tests).as("operations found in the documents").hasSizeGreaterThan(20);
        return tests.stream();
    }

    private String queryOf(String where, String body) {
        try {
            return json.readTree(body).asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(where + ": the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void assertValid(String where, String operations) {
        Document document;
        try {
            document = Parser.parse(operations);
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(where + ": not a GraphQL document: " + e.getMessage());
        }
        List<ValidationError> errors = ParseAndValidate.validate(graphQlSource.schema(), document);
        assertThat(errors).as(where + "\n" + operations).isEmpty();
    }

    private static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("examples", "README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
