package io.innercircle.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs one of the page's modules in Node.js through a check script that prints what it measured as JSON. */
final class NodeScript {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeScript() {
    }

    /**
     * {@code node <script> <arguments...>}; its standard error goes to a file in {@code folder}. Without Node.js the
     * test is skipped, except on CI (.ci/run installs it), where that fails.
     */
    static JsonNode run(Path folder, Path script, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(arguments));
        Path errors = Files.createTempFile(folder, "errors", ".txt");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        } catch (IOException notInstalled) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("Node.js is missing: .ci/run installs it", notInstalled);
            }
            Assumptions.abort("Node.js is not installed here");
            throw notInstalled;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(errors)).isZero();
        return JSON.readTree(output);
    }
}
