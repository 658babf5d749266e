package io.innercircle.examples;

import io.innercircle.support.SecondAppTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each example client of {@code examples/} against the running app, as a user would run it, and checks what
 * it prints: the map it drew, the Inner Circle, the best path from our ally to the decision maker and the refused
 * cycle. On CI a missing interpreter is a failure, elsewhere the client is skipped.
 */
class ClientExamplesTest extends SecondAppTest {

    @Test
    void curlClient() throws Exception {
        requireCommand("jq");
        checkTour(run(List.of("bash", "examples/curl/tour.sh")));
    }

    @Test
    void pythonClient() throws Exception {
        String python = new File("/usr/bin/python3").canExecute() ? "/usr/bin/python3" : "python3";
        Run probe = run(List.of(python, "-c", "import requests"));
        assumeOrFail(probe.exit() == 0, "Python with requests (Debian: python3-requests)");
        checkTour(run(List.of(python, "examples/python/tour.py")));
    }

    @Test
    void javaScriptClient() throws Exception {
        requireCommand("node");
        checkTour(run(List.of("node", "examples/javascript/tour.mjs")));
    }

    @Test
    void javaClient() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        checkTour(run(List.of(java, "-cp", System.getProperty("java.class.path"), "examples/java/Tour.java")));
    }

    private void checkTour(Run run) {
        assertThat(run.exit()).as(run.output() + run.errors()).isZero();
        List<String> lines = run.output().lines().toList();
        assertThat(lines).as(run.output() + run.errors()).hasSize(4);
        assertThat(lines.get(0)).matches("account tour-[0-9a-f]{6}: 5 people");
        // The architect reaches the CEO through the CEO's assistant: influence beyond rank.
        assertThat(lines.get(1)).startsWith("Inner Circle: ").contains("Lee Wu (").doesNotContain("Dana Cole");
        assertThat(lines.get(2)).isEqualTo("best path to Dana Cole: Lee Wu -> Pat Ames -> Dana Cole (strength 1.00)");
        assertThat(lines.get(3)).startsWith("refused: BAD_REQUEST manager: ").contains("cycle");
    }

    private void requireCommand(String command) throws Exception {
        assumeOrFail(run(List.of("sh", "-c", "command -v " + command)).exit() == 0, command);
    }

    private static void assumeOrFail(boolean present, String what) {
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(what + " is missing: .ci/run installs it");
        }
        Assumptions.assumeTrue(present, what + " is not installed here");
    }

    /** What the client printed, and what it said on standard error (compiler notes, logging), for failures. */
    private record Run(int exit, String output, String errors) {}

    private Run run(List<String> command) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(command);
        Path errors = Files.createTempFile("client", ".err");
        ProcessBuilder builder = new ProcessBuilder(all).redirectError(errors.toFile());
        builder.environment().put("INNERCIRCLE_URL", "http://localhost:" + port);
        builder.environment().put("INNERCIRCLE_USER", "admin");
        builder.environment().put("INNERCIRCLE_PASSWORD", "admin");
        builder.environment().remove("INNERCIRCLE_TOKEN");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String stderr = Files.readString(errors, StandardCharsets.UTF_8);
        Files.delete(errors);
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), stderr);
    }
}
