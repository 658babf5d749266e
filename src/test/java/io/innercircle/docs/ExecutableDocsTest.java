package io.innercircle.docs;

import io.innercircle.bundle.internal.DemoBundleLoader;
import io.innercircle.support.SecondAppTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Executable documentation: every shell example of the README and the guides runs, in reading order, in <b>one</b>
 * bash process against the running app (real HTTP, the harness Neo4j) holding the course example's demo data,
 * loaded at the start by the app's own {@link DemoBundleLoader}, as on a fresh install. Each block's standard output
 * must match the output the document shows. The convention (also in docs/architecture.md, "Executable
 * documentation"):
 * <ul>
 *     <li>A fenced block tagged {@code bash} or {@code sh} is run. {@code ```bash no-run} marks one that cannot run
 *     in a test. Today there are six: in docs/operators.md the app against a Neo4j server and docker compose
 *     ({@code mvn spring-boot:run}, a second app), the restore into a second app on a new data directory, the
 *     benchmarks and the soak run with the hostile-input probe (Maven builds of their own, minutes long); in
 *     docs/architecture.md the two browser test commands (Maven builds of their own). The README's two commands
 *     are in a table, not in blocks.</li>
 *     <li>The block's output is the {@code ```output} block that follows it (only blank lines between). A run
 *     block without one must print nothing. Standard error is not compared, but shown when a block fails.</li>
 *     <li>In an output block, {@code <id>} stands for a key or id, {@code <n>} for a whole number, {@code <time>}
 *     for an ISO-8601 date-time, {@code <date>} for an ISO date, {@code <day>} for a day as the history words it
 *     ({@code 27 Nov}), {@code <token>} for an API token secret, and {@code ...} for any text, line breaks
 *     included. Everything else must be equal, but for trailing spaces and trailing blank lines.</li>
 * </ul>
 * The shell starts in a scratch directory whose entries link to the project's files (so {@code @src/test/...}
 * paths work and the files the examples write stay out of the checkout), with {@code PORT} set to the app's port
 * and {@code /usr/bin} first on the {@code PATH}. The documents, in this order: README.md, docs/reps.md,
 * docs/coaches.md, docs/graphql-clients.md, docs/operators.md, docs/architecture.md, docs/bundles.md.
 */
class ExecutableDocsTest extends SecondAppTest {

    static final List<Path> DOCUMENTS = Stream.of("README.md", "docs/reps.md", "docs/coaches.md",
            "docs/graphql-clients.md", "docs/operators.md", "docs/architecture.md", "docs/bundles.md")
            .map(Path::of).toList();

    private static final Pattern FENCE = Pattern.compile("(?m)^```([\\w-]*)([^\\n]*)\\n(.*?)^```[ \\t]*$",
            Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("<id>|<n>|<time>|<date>|<day>|<token>|\\.\\.\\.");

    @Autowired
    private DemoBundleLoader demo;

    /** One shell example: where it is, what it runs, what it should print (null: nothing). */
    record Example(String where, String script, String expected) {}

    @TestFactory
    Stream<DynamicTest> everyShellExampleRunsAndPrintsWhatTheDocumentShows() throws Exception {
        assertThat(demo.loadIfEmpty()).as("the demo map is loaded into the emptied database").isPresent();
        List<Example> examples = examples();
        assertThat(examples).as("shell examples found").hasSizeGreaterThan(20);

        Path scratch = Files.createTempDirectory("docs");
        try (Stream<Path> entries = Files.list(Path.of("").toAbsolutePath())) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals("target")) {
                    Files.createSymbolicLink(scratch.resolve(entry.getFileName()), entry);
                }
            }
        }
        Path out = Files.createDirectories(scratch.resolve(".docs-out"));
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < examples.size(); i++) {
            script.append("{\n").append(examples.get(i).script()).append("\n} >").append(out.resolve(i + ".out"))
                    .append(" 2>").append(out.resolve(i + ".err")).append("\n");
        }
        Path file = scratch.resolve(".docs-out/all.sh");
        Files.writeString(file, script);
        ProcessBuilder shell = new ProcessBuilder("bash", file.toString()).directory(scratch.toFile())
                .redirectErrorStream(true).redirectOutput(out.resolve("shell.log").toFile());
        shell.environment().put("PORT", String.valueOf(port));
        shell.environment().put("PATH", "/usr/bin:" + System.getenv("PATH"));
        Process process = shell.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the examples did not finish within 5 minutes: " + out);
        }

        // What each example printed, in one file beside the build's reports, to compare or update the documents.
        StringBuilder printed = new StringBuilder();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Example example = examples.get(i);
            String actual = read(out.resolve(i + ".out"));
            String errors = read(out.resolve(i + ".err"));
            printed.append("=== ").append(example.where()).append('\n').append(actual)
                    .append(errors.isBlank() ? "" : "--- stderr\n" + errors);
            tests.add(DynamicTest.dynamicTest(example.where(), () -> {
                String expected = example.expected() == null ? "" : example.expected();
                // An output block of placeholders alone would accept anything.
                assertThat(example.expected() == null
                        || PLACEHOLDER.matcher(expected).replaceAll("").replaceAll("\\s", "").length() > 3)
                        .as("%s: the output block shows some literal output", example.where()).isTrue();
                if (!matches(expected, actual)) {
                    throw new AssertionError(example.where() + ": the output differs from the document's.\n"
                            + "--- the document shows:\n" + expected + "\n--- the example printed:\n" + actual
                            + (errors.isBlank() ? "" : "\n--- on standard error:\n" + errors));
                }
            }));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "executable-docs.txt"), printed);
        return tests.stream();
    }

    /** The output rule accepts what the placeholders declare and nothing else: a changed value fails. */
    @Test
    void theOutputRuleAllowsOnlyWhatItDeclares() {
        assertThat(matches("{\"version\":<n>,\"at\":\"<time>\",\"by\":\"randy\"}",
                "{\"version\":12,\"at\":\"2026-11-29T02:30:00.123Z\",\"by\":\"randy\"}  \n\n")).isTrue();
        assertThat(matches("{\"version\":<n>}", "{\"version\":\"twelve\"}")).isFalse();
        assertThat(matches("{\"status\":\"NEUTRAL\"}", "{\"status\":\"NON_SUPPORTER\"}")).isFalse();
        assertThat(matches("{\"people\":[...],\"version\":3}", "{\"people\":[1,\n2],\"version\":3}")).isTrue();
        assertThat(matches("{\"people\":[...],\"version\":3}", "{\"people\":[1,\n2],\"version\":4}")).isFalse();
        assertThat(matches("last contact: none → <date>, <day>", "last contact: none → 2026-11-29, 29 Nov")).isTrue();
        assertThat(matches("", "something printed")).as("a block without output block prints nothing").isFalse();
    }

    static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        for (Path document : DOCUMENTS) {
            String text = Files.readString(document, StandardCharsets.UTF_8);
            Matcher fence = FENCE.matcher(text);
            Example pending = null;
            int pendingEnd = -1;
            while (fence.find()) {
                String language = fence.group(1);
                String info = fence.group(2);
                String body = fence.group(3);
                if (language.equals("output")) {
                    if (pending == null || !text.substring(pendingEnd, fence.start()).isBlank()) {
                        throw new AssertionError(document + ":" + lineOf(text, fence.start())
                                + ": an output block must follow a shell block");
                    }
                    examples.add(new Example(pending.where(), pending.script(), body));
                    pending = null;
                    continue;
                }
                if (pending != null) {
                    examples.add(pending);
                    pending = null;
                }
                if ((language.equals("bash") || language.equals("sh")) && !info.contains("no-run")) {
                    pending = new Example(document + ":" + lineOf(text, fence.start()), body, null);
                    pendingEnd = fence.end();
                }
            }
            if (pending != null) {
                examples.add(pending);
            }
        }
        return examples;
    }

    /** Whether the output matches the document's, placeholders and {@code ...} as the class comment says. */
    static boolean matches(String expected, String actual) {
        return Pattern.compile(regex(normalise(expected)), Pattern.DOTALL).matcher(normalise(actual)).matches();
    }

    static String regex(String expected) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(expected);
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(expected.substring(at, placeholder.start())));
            regex.append(switch (placeholder.group()) {
                case "<id>" -> "[\\w.:/-]+";
                case "<n>" -> "-?\\d+";
                case "<time>" -> "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?(Z|[+-]\\d\\d:\\d\\d)?";
                case "<date>" -> "\\d{4}-\\d\\d-\\d\\d";
                case "<day>" -> "\\d{1,2} [A-Z][a-z]{2}";
                case "<token>" -> "ic_[\\w-]+";
                default -> ".*?";
            });
            at = placeholder.end();
        }
        return regex.append(Pattern.quote(expected.substring(at))).toString();
    }

    private static String normalise(String text) {
        return text.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
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
