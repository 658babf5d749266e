package io.innercircle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
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
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Soak run (docs/operators.md "Benchmarks"): the app in its own process with the embedded Neo4j on a
 * temporary data directory, on loopback only; 16 clients signed in with HTTP Basic (the demo admin) mix reads
 * ({@code politicalMap}, {@code innerCircle}, {@code coverageGaps}) and writes (each adds a person with a unique key,
 * so every acknowledged write can be looked for afterwards) on 5 accounts. Half-way, the app is killed (kill -9)
 * and started again on the same data. Prints requests, errors by classification, p50/p99 per kind, the app's heap
 * before and after; then checks that every acknowledged write is there and that each account's version went up
 * by its acknowledged writes (plus at most the writes whose answer was lost in the kill).
 *
 * <p>Bounded: {@code --minutes N} or {@code -Dsoak.minutes=N} (default 10).
 */
public final class SoakRunner {

    private static final int CLIENTS = 16;
    private static final int ACCOUNTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "admin:admin".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final Path data;
    private Process app;

    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    /** Acknowledged writes: account to the keys of the people they added. */
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    /** Writes whose outcome is unknown (the connection broke): they may or may not have committed. */
    private final Map<String, LongAdder> unknown = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    private SoakRunner(int port, Path data) {
        this.port = port;
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "10"));
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--minutes")) {
                minutes = Double.parseDouble(args[i + 1]);
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = Files.createTempDirectory("innercircle-soak");
        new SoakRunner(port, data).run((long) (minutes * 60_000));
    }

    private void run(long millis) throws Exception {
        start();
        for (int a = 0; a < ACCOUNTS; a++) {
            setUp("soak" + a);
        }
        String heapBefore = heap();
        long versionsBefore[] = new long[ACCOUNTS];
        for (int a = 0; a < ACCOUNTS; a++) {
            versionsBefore[a] = version("soak" + a);
        }
        System.out.printf("Soak: %d clients, %d accounts, %.1f minutes, app on 127.0.0.1:%d, data %s%n", CLIENTS,
                ACCOUNTS, millis / 60000.0, port, data);
        long end = System.currentTimeMillis() + millis;
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> client(client, end), "soak-client-" + c);
            t.start();
            clients.add(t);
        }
        Thread.sleep(millis / 2);
        System.out.println("Killing the app (kill -9) half-way, then starting it again on the same data");
        app.destroyForcibly().waitFor();
        long down = System.nanoTime();
        start();
        System.out.printf("App back after %d ms%n", (System.nanoTime() - down) / 1_000_000);
        for (Thread t : clients) {
            t.join();
        }
        System.gc();
        String heapAfter = heap();
        report(heapBefore, heapAfter);
        boolean ok = check(versionsBefore);
        app.destroy();
        app.waitFor();
        System.out.println(ok ? "CHECK PASSED" : "CHECK FAILED");
        System.exit(ok ? 0 : 1);
    }

    private void client(int client, long end) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.currentTimeMillis() < end) {
            String account = "soak" + random.nextInt(ACCOUNTS);
            int pick = random.nextInt(10);
            try {
                if (pick < 3) {
                    String key = "w" + client + "-" + sequence.incrementAndGet();
                    String body = """
                            {"query":"mutation($i: CreateStakeholderInput!) { createStakeholder(input: $i) { stakeholder { id } } }",
                             "variables":{"i":{"account":"%s","key":"%s","name":"Soak %s"}}}""".formatted(account, key, key);
                    if (call("write", body, true, account)) {
                        acknowledged.computeIfAbsent(account, k -> ConcurrentHashMap.newKeySet()).add(key);
                    }
                } else if (pick < 6) {
                    call("politicalMap", """
                            {"query":"query($o: ID!) { politicalMap(opportunity: $o) { account { version } people { stakeholder { id name } roles status coverage } influenceLines { from { id } to { id } strength } } }",
                             "variables":{"o":"%s/deal"}}""".formatted(account), false, account);
                } else if (pick < 8) {
                    call("innerCircle", """
                            {"query":"query($a: ID!) { innerCircle(account: $a) { candidates { person { id } computedInfluence } } }",
                             "variables":{"a":"%s"}}""".formatted(account), false, account);
                } else {
                    call("coverageGaps", """
                            {"query":"query { coverageGaps(first: 20) { totalCount edges { node { code severity } } } }"}""",
                            false, account);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One request; true when it was answered without errors. */
    private boolean call(String kind, String body, boolean write, String account) throws InterruptedException {
        long start = System.nanoTime();
        requests.increment();
        try {
            HttpResponse<String> response = http.send(request(body), HttpResponse.BodyHandlers.ofString());
            latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                count("HTTP_" + response.statusCode());
                return false;
            }
            JsonNode errorList = JSON.readTree(response.body()).path("errors");
            if (errorList.isArray() && !errorList.isEmpty()) {
                count(errorList.get(0).path("extensions").path("classification").asText("UNCLASSIFIED"));
                return false;
            }
            return true;
        } catch (IOException e) {
            // The app is down (the kill): a write's outcome is unknown; wait a little before the next try.
            count("CONNECTION");
            if (write) {
                unknown.computeIfAbsent(account, k -> new LongAdder()).increment();
            }
            Thread.sleep(200);
            return false;
        }
    }

    private void count(String classification) {
        errors.computeIfAbsent(classification, k -> new LongAdder()).increment();
    }

    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private JsonNode graphQl(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(body), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        if (json.path("errors").isArray() && !json.path("errors").isEmpty()) {
            throw new IllegalStateException("Set-up request refused: " + json.path("errors"));
        }
        return json.path("data");
    }

    private void setUp(String account) throws IOException, InterruptedException {
        graphQl("""
                {"query":"mutation { createAccount(input: {key: \\"%s\\", name: \\"Soak %s\\"}) { account { key } } }"}"""
                .formatted(account, account));
        graphQl("""
                {"query":"mutation { createOpportunity(input: {account: \\"%s\\", key: \\"deal\\", name: \\"Deal\\"}) { opportunity { id } } }"}"""
                .formatted(account));
        for (int i = 0; i < 10; i++) {
            graphQl("""
                    {"query":"mutation { createStakeholder(input: {account: \\"%s\\", key: \\"p%d\\", name: \\"Person %d\\", rank: %d}) { stakeholder { id } } }"}"""
                    .formatted(account, i, i, 1 + i % 5));
        }
        for (int i = 1; i < 10; i++) {
            graphQl("""
                    {"query":"mutation { setInfluence(input: {from: \\"%s/p%d\\", to: \\"%s/p0\\"}) { influence { strength } } }"}"""
                    .formatted(account, i, account));
        }
    }

    private long version(String account) throws IOException, InterruptedException {
        return graphQl("""
                {"query":"query { account(key: \\"%s\\") { version } }"}""".formatted(account))
                .path("account").path("version").asLong();
    }

    private Set<String> keys(String account) throws IOException, InterruptedException {
        Set<String> keys = new HashSet<>();
        String after = null;
        while (true) {
            JsonNode page = graphQl("""
                    {"query":"query($a: ID!, $after: String) { account(key: $a) { stakeholders(first: 500, after: $after) { edges { node { key } } pageInfo { hasNextPage endCursor } } } }",
                     "variables":{"a":"%s","after":%s}}""".formatted(account,
                    after == null ? "null" : "\"" + after + "\"")).path("account").path("stakeholders");
            page.path("edges").forEach(e -> keys.add(e.path("node").path("key").asText()));
            if (!page.path("pageInfo").path("hasNextPage").asBoolean()) {
                return keys;
            }
            after = page.path("pageInfo").path("endCursor").asText();
        }
    }

    private boolean check(long[] versionsBefore) throws IOException, InterruptedException {
        boolean ok = true;
        for (int a = 0; a < ACCOUNTS; a++) {
            String account = "soak" + a;
            Set<String> acked = acknowledged.getOrDefault(account, Set.of());
            Set<String> present = keys(account);
            long missing = acked.stream().filter(k -> !present.contains(k)).count();
            long delta = version(account) - versionsBefore[a];
            long maybe = unknown.containsKey(account) ? unknown.get(account).sum() : 0;
            boolean fine = missing == 0 && delta >= acked.size() && delta <= acked.size() + maybe;
            ok &= fine;
            System.out.printf("  %s: %d acknowledged writes, %d missing, version +%d (acknowledged %d, "
                    + "outcome unknown %d) %s%n", account, acked.size(), missing, delta, acked.size(), maybe,
                    fine ? "ok" : "MISMATCH");
        }
        return ok;
    }

    private void report(String heapBefore, String heapAfter) {
        System.out.printf("Requests: %d%n", requests.sum());
        System.out.println("Errors by classification: " + (errors.isEmpty() ? "none"
                : new TreeMap<>(errors.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum())))));
        for (var entry : new TreeMap<>(latencies).entrySet()) {
            List<Long> sorted = new ArrayList<>(entry.getValue());
            Collections.sort(sorted);
            System.out.printf("  %-13s n=%6d  p50 %7.1f ms  p99 %8.1f ms%n", entry.getKey(), sorted.size(),
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
        }
        System.out.println("App heap before: " + heapBefore);
        System.out.println("App heap after:  " + heapAfter + " (the second process, after the restart)");
    }

    /** The app's heap as the JVM reports it (jcmd GC.heap_info, first line). */
    private String heap() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), String.valueOf(app.pid()), "GC.run").start().waitFor();
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(app.pid()), "GC.heap_info")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().filter(l -> l.contains("total") && l.contains("used")).findFirst().orElse(out).trim();
    }

    private void start() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        app = new ProcessBuilder(java.toString(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                "io.innercircle.InnerCircleApplication", "--server.address=127.0.0.1", "--server.port=" + port,
                "--innercircle.embedded.data-directory=" + data.resolve("db"), "--innercircle.demo.load=false",
                "--logging.level.root=warn")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (http.send(request("{\"query\":\"{ ping }\"}"), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!app.isAlive()) {
                throw new IllegalStateException("The app ended while starting; see " + log);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The app did not answer within 5 minutes; see " + log);
    }
}
