package io.innercircle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.innercircle.bundle.BundleGenerator;
import io.innercircle.bundle.internal.Bundle;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The app in its own process, as the soak runner and the hostile-input probe use it: the embedded Neo4j on a
 * temporary data directory, HTTP (and Bolt) on 127.0.0.1 only, no demo data, the demo admin for set-up.
 */
final class AppProcess {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final int port;
    final Path data;
    final Path log;
    private final List<String> jvmOptions;
    private final List<String> extraArguments;
    private String classPath = System.getProperty("java.class.path");
    private Process process;

    AppProcess(String name, String... extraArguments) throws IOException {
        this(name, List.of("-Xmx2g"), extraArguments);
    }

    /** {@code jvmOptions} replace the default {@code -Xmx2g}; {@code extraArguments} are the app's own. */
    AppProcess(String name, List<String> jvmOptions, String... extraArguments) throws IOException {
        this.port = freePort();
        this.data = Files.createTempDirectory(name);
        this.log = data.resolveSibling(data.getFileName() + ".log");
        this.jvmOptions = List.copyOf(jvmOptions);
        this.extraArguments = List.of(extraArguments);
    }

    /** Runs the app from another class path (e.g. an older build's classes, for a before/after comparison). */
    AppProcess classPath(String classPath) {
        this.classPath = classPath;
        return this;
    }

    /**
     * The class path of an app built from other classes (another build's {@code target/classes}, for a before and
     * after comparison): those classes and this JVM's jars, the dependencies being the same; no test classes.
     */
    static String withClasses(String classes) {
        return Stream.concat(Stream.of(classes), Arrays.stream(System.getProperty("java.class.path")
                        .split(File.pathSeparator)).filter(e -> e.endsWith(".jar")))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Imports a bundle over HTTP (a whole-map replace) and fails unless the app answers 200. */
    void importBundle(String authorization, Bundle bundle) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/bundles"))
                        .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json")
                        .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(
                                BundleGenerator.toJson(bundle))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Import of " + bundle.account().key() + ": HTTP " + r.statusCode() + " "
                    + r.body());
        }
    }

    /** Milliseconds since a {@link System#nanoTime()}. */
    static double since(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static final String ADMIN = basic("admin", "admin");

    long pid() {
        return process.pid();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpRequest graphQlRequest(String body, String authorization) {
        return HttpRequest.newBuilder(uri("/graphql")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A GraphQL request as the admin that must succeed; answers {@code data}. */
    JsonNode graphQl(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(graphQlRequest(body, ADMIN), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        if (response.statusCode() != 200 || json.path("errors").isArray() && !json.path("errors").isEmpty()) {
            throw new IllegalStateException("Request refused (" + response.statusCode() + "): " + response.body());
        }
        return json.path("data");
    }

    /**
     * Starts the app and waits until it answers GraphQL: at most {@code bench.startMinutes} (10) minutes, since
     * on a loaded shared machine a start can take several minutes.
     */
    void start() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, "io.innercircle.InnerCircleApplication",
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--innercircle.embedded.data-directory=" + data.resolve("db"), "--innercircle.demo.load=false",
                "--logging.level.root=warn", "--logging.level.org.springframework.data.neo4j.cypher=error"));
        command.addAll(extraArguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long limit = Long.getLong("bench.startMinutes", 10) * 60_000;
        long deadline = System.currentTimeMillis() + limit;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (http.send(graphQlRequest("{\"query\":\"{ ping }\"}", ADMIN), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The app ended while starting; see " + log);
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The app did not answer within " + limit / 60_000 + " minutes; see " + log);
    }

    /** SIGKILL on Linux: no shutdown hook runs, Neo4j gets no checkpoint. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** The app's heap after a GC (jcmd) and its resident set size. */
    String memory() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), "GC.heap_info")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String heap = out.lines().filter(l -> l.contains("total") && l.contains("used")).findFirst()
                .map(l -> l.replaceAll("\\s*\\[.*", "").trim()).orElse(out.trim());
        String rss = "?";
        try (Stream<String> status = Files.lines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            rss = status.filter(l -> l.startsWith("VmRSS:")).map(l -> l.substring(6).trim()).findFirst().orElse("?");
        } catch (IOException notLinux) {
            // no /proc: RSS unknown
        }
        return heap + "; RSS " + rss;
    }

    /**
     * Waits until the app's process uses less than a fifth of a core for a whole second (its background analysis
     * refresher has caught up), at most 10 minutes, so one measurement does not pay for the previous step's work.
     */
    static void awaitIdle(long pid) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        long ticks = cpuTicks(pid);
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            long now = cpuTicks(pid);
            if (now - ticks < 20) { // clock ticks are 1/100 s: under 0.2 s of CPU in the last second
                return;
            }
            ticks = now;
        }
    }

    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    void deleteData() throws IOException {
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
