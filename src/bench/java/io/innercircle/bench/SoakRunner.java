package io.innercircle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
import java.util.stream.Collectors;

/**
 * Soak run (docs: operators, "Soak run and hostile-input probe"): the app in its own process with the embedded
 * Neo4j on a temporary data directory, HTTP and Bolt on loopback only. The runner signs in once as the demo admin
 * (HTTP Basic) to set up 5 accounts and make an API token; then 16 clients using that token, as a script would,
 * mix reads ({@code politicalMap}, {@code innerCircle}, {@code coverageGaps}) and writes (each adds a person with a
 * unique key, so each write can be looked for afterwards). Half-way, the app is killed with SIGKILL (kill -9) and
 * started again on the same data while the clients keep going.
 *
 * <p>It prints requests, errors by classification, p50/p99 per operation, the app's heap and RSS, then checks:
 * <ul>
 * <li>every acknowledged write (HTTP 200 without errors) is present;</li>
 * <li>no refused write (an answer with errors) is present (writes are all-or-nothing);</li>
 * <li>writes in flight at the kill (sent, connection lost before an answer) are neither acknowledged nor counted
 * against: each is looked for, and the version delta of each account must equal its acknowledged writes plus
 * those in-flight writes found committed. Writes refused at connect time (the app down) were never sent.</li>
 * </ul>
 * Exits 1 when a check fails.
 *
 * <p>Bounded: {@code -Dsoak.seconds=N} (smallest mode for CI: 30), else {@code -Dsoak.minutes=N} (default 10).
 */
public final class SoakRunner {

    private static final int CLIENTS = 16;
    private static final int ACCOUNTS = 5;
    private static final ObjectMapper JSON = AppProcess.JSON;

    private final AppProcess app;
    private final HttpClient http;
    private String token;

    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    /** Acknowledged writes: account to the keys of the people they added. */
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    /** Writes answered with an error: they must have written nothing. */
    private final Map<String, Set<String>> refused = new ConcurrentHashMap<>();
    /** Writes sent whose answer never came (the kill): they may or may not have committed. */
    private final Map<String, Set<String>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    private SoakRunner(AppProcess app) {
        this.app = app;
        this.http = app.http;
    }

    public static void main(String[] args) throws Exception {
        long seconds = Long.getLong("soak.seconds", 0);
        if (seconds <= 0) {
            seconds = Math.round(Double.parseDouble(System.getProperty("soak.minutes", "10")) * 60);
        }
        if (seconds > 3600) {
            throw new IllegalArgumentException("A soak run is bounded: at most 60 minutes");
        }
        boolean ok = new SoakRunner(new AppProcess("innercircle-soak")).run(seconds * 1000);
        System.exit(ok ? 0 : 1);
    }

    private boolean run(long millis) throws Exception {
        System.out.printf("Soak: %d clients, %d accounts, %d s of load, app on 127.0.0.1:%d, data %s, log %s%n",
                CLIENTS, ACCOUNTS, millis / 1000, app.port, app.data, app.log);
        System.out.printf("Machine: %d cores, load average %s (shared: other builds may run)%n",
                Runtime.getRuntime().availableProcessors(), AppProcess.loadAverage());
        long started = System.nanoTime();
        app.start();
        System.out.printf("App up after %d ms (pid %d)%n", (System.nanoTime() - started) / 1_000_000, app.pid());
        for (int a = 0; a < ACCOUNTS; a++) {
            setUp("soak" + a);
        }
        token = app.graphQl("""
                {"query":"mutation { createApiToken(input: {name: \\"soak\\"}) { token } }"}""")
                .path("createApiToken").path("token").asText();
        String memoryBefore = app.memory();
        long[] versionsBefore = new long[ACCOUNTS];
        for (int a = 0; a < ACCOUNTS; a++) {
            versionsBefore[a] = version("soak" + a);
        }
        long end = System.currentTimeMillis() + millis;
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> client(client, end), "soak-client-" + c);
            t.start();
            clients.add(t);
        }
        Thread.sleep(millis / 2);
        String memoryAtKill = app.memory();
        System.out.printf("Killing the app (kill -9, pid %d) half-way, then starting it again on the same data%n",
                app.pid());
        app.kill();
        long down = System.nanoTime();
        try {
            app.start();
        } catch (IllegalStateException notBack) {
            for (Thread t : clients) {
                t.join();
            }
            report(memoryBefore, memoryAtKill, "(the app did not come back)");
            System.out.println("CHECK FAILED: " + notBack.getMessage());
            return false;
        }
        long downMillis = (System.nanoTime() - down) / 1_000_000;
        System.out.printf("App back after %d ms (pid %d)%n", downMillis, app.pid());
        for (Thread t : clients) {
            t.join();
        }
        String memoryAfter = app.memory();
        report(memoryBefore, memoryAtKill, memoryAfter);
        boolean ok = check(versionsBefore);
        app.stop();
        System.out.println(ok ? "CHECK PASSED" : "CHECK FAILED");
        if (ok) {
            app.deleteData();
        }
        return ok;
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
                    Outcome outcome = call("write", body);
                    Map<String, Set<String>> into = switch (outcome) {
                        case ACKNOWLEDGED -> acknowledged;
                        case REFUSED -> refused;
                        case IN_FLIGHT -> inFlight;
                        case NOT_SENT -> null;
                    };
                    if (into != null) {
                        into.computeIfAbsent(account, k -> ConcurrentHashMap.newKeySet()).add(key);
                    }
                } else if (pick < 6) {
                    call("politicalMap", """
                            {"query":"query($o: ID!) { politicalMap(opportunity: $o) { account { version } people { stakeholder { id name } roles status coverage } influenceLines { from { id } to { id } strength } } }",
                             "variables":{"o":"%s/deal"}}""".formatted(account));
                } else if (pick < 8) {
                    call("innerCircle", """
                            {"query":"query($a: ID!) { innerCircle(account: $a) { candidates { person { id } computedInfluence } } }",
                             "variables":{"a":"%s"}}""".formatted(account));
                } else {
                    call("coverageGaps", """
                            {"query":"query { coverageGaps(first: 20) { totalCount edges { node { code severity } } } }"}""");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private enum Outcome { ACKNOWLEDGED, REFUSED, IN_FLIGHT, NOT_SENT }

    /** One request with the API token. */
    private Outcome call(String kind, String body) throws InterruptedException {
        long start = System.nanoTime();
        requests.increment();
        try {
            HttpResponse<String> response = http.send(app.graphQlRequest(body, "Bearer " + token),
                    HttpResponse.BodyHandlers.ofString());
            latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                count(kind, "HTTP_" + response.statusCode());
                return Outcome.REFUSED;
            }
            JsonNode errorList = JSON.readTree(response.body()).path("errors");
            if (errorList.isArray() && !errorList.isEmpty()) {
                count(kind, errorList.get(0).path("extensions").path("classification").asText("UNCLASSIFIED"));
                return Outcome.REFUSED;
            }
            return Outcome.ACKNOWLEDGED;
        } catch (IOException e) {
            boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                    || e.getCause() instanceof ConnectException;
            count(kind, notSent ? "CONNECTION_REFUSED (app down)" : "CONNECTION_LOST (in flight at the kill)");
            Thread.sleep(200); // the app is down: do not spin
            return notSent ? Outcome.NOT_SENT : Outcome.IN_FLIGHT;
        }
    }

    private void count(String kind, String classification) {
        errors.computeIfAbsent(classification + " " + kind, k -> new LongAdder()).increment();
    }

    private void setUp(String account) throws IOException, InterruptedException {
        app.graphQl("""
                {"query":"mutation { createAccount(input: {key: \\"%s\\", name: \\"Soak %s\\"}) { account { key } } }"}"""
                .formatted(account, account));
        app.graphQl("""
                {"query":"mutation { createOpportunity(input: {account: \\"%s\\", key: \\"deal\\", name: \\"Deal\\"}) { opportunity { id } } }"}"""
                .formatted(account));
        for (int i = 0; i < 10; i++) {
            app.graphQl("""
                    {"query":"mutation { createStakeholder(input: {account: \\"%s\\", key: \\"p%d\\", name: \\"Person %d\\", rank: %d}) { stakeholder { id } } }"}"""
                    .formatted(account, i, i, 1 + i % 5));
        }
        for (int i = 1; i < 10; i++) {
            app.graphQl("""
                    {"query":"mutation { setInfluence(input: {from: \\"%s/p%d\\", to: \\"%s/p0\\"}) { influence { strength } } }"}"""
                    .formatted(account, i, account));
        }
    }

    private long version(String account) throws IOException, InterruptedException {
        return app.graphQl("""
                {"query":"query { account(key: \\"%s\\") { version } }"}""".formatted(account))
                .path("account").path("version").asLong();
    }

    private Set<String> keys(String account) throws IOException, InterruptedException {
        Set<String> keys = new HashSet<>();
        String after = null;
        while (true) {
            JsonNode page = app.graphQl("""
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
        System.out.println("Checks (after the run, on the restarted app):");
        for (int a = 0; a < ACCOUNTS; a++) {
            String account = "soak" + a;
            Set<String> acked = acknowledged.getOrDefault(account, Set.of());
            Set<String> wrong = refused.getOrDefault(account, Set.of());
            Set<String> unknown = inFlight.getOrDefault(account, Set.of());
            Set<String> present = keys(account);
            long missing = acked.stream().filter(k -> !present.contains(k)).count();
            long refusedPresent = wrong.stream().filter(present::contains).count();
            long inFlightCommitted = unknown.stream().filter(present::contains).count();
            long delta = version(account) - versionsBefore[a];
            boolean fine = missing == 0 && refusedPresent == 0 && delta == acked.size() + inFlightCommitted;
            ok &= fine;
            System.out.printf("  %s: %d acknowledged writes, %d missing; %d refused, %d of them present; %d in flight "
                            + "at the kill, %d of them committed; version +%d (expected %d) %s%n", account,
                    acked.size(), missing, wrong.size(), refusedPresent, unknown.size(), inFlightCommitted, delta,
                    acked.size() + inFlightCommitted, fine ? "ok" : "MISMATCH");
        }
        return ok;
    }

    private void report(String before, String atKill, String after) {
        System.out.printf("Requests: %d%n", requests.sum());
        System.out.println("Errors by classification and operation: " + (errors.isEmpty() ? "none" : ""));
        new TreeMap<>(errors.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum())))
                .forEach((k, v) -> System.out.printf("  %-55s %6d%n", k, v));
        System.out.println("Answered requests, latency per operation:");
        for (var entry : new TreeMap<>(latencies).entrySet()) {
            List<Long> sorted = new ArrayList<>(entry.getValue());
            Collections.sort(sorted);
            System.out.printf("  %-13s n=%6d  p50 %7.1f ms  p99 %8.1f ms  max %8.1f ms%n", entry.getKey(),
                    sorted.size(), sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6);
        }
        System.out.println("App memory (heap after a full GC, jcmd GC.heap_info; RSS from /proc):");
        System.out.println("  before the load:       " + before);
        System.out.println("  at the kill:           " + atKill);
        System.out.println("  after (restarted app): " + after);
    }
}
