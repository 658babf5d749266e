package io.innercircle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * "Tried and refused": each attack of issue 12 sent once, as an attacker on this machine would, to the app in its
 * own process (embedded Neo4j on a temporary data directory, HTTP and Bolt on 127.0.0.1). Prints per area what
 * was sent, what the app answered (HTTP status, GraphQL classification) and how long it took. Numbers are
 * reported, not asserted; the tests that assert the behaviour are named in docs/operators.md.
 *
 * <pre>mvn -q -B -Pbench test-compile exec:exec -Dbench.main=io.innercircle.bench.HostileInputProbe</pre>
 */
public final class HostileInputProbe {

    private final AppProcess app;
    private final int boltPort;
    private final String rep = AppProcess.basic("nicole", "nicole");

    private HostileInputProbe(AppProcess app, int boltPort) {
        this.app = app;
        this.boltPort = boltPort;
    }

    public static void main(String[] args) throws Exception {
        int boltPort = AppProcess.freePort();
        AppProcess app = new AppProcess("innercircle-probe", "--innercircle.embedded.bolt-port=" + boltPort);
        System.out.printf("Hostile-input probe: app on 127.0.0.1:%d, Bolt on 127.0.0.1:%d, load average %s%n",
                app.port, boltPort, AppProcess.loadAverage());
        long started = System.nanoTime();
        app.start();
        System.out.printf("App up after %d ms%n%n", (System.nanoTime() - started) / 1_000_000);
        try {
            new HostileInputProbe(app, boltPort).run();
        } finally {
            app.stop();
            app.deleteData();
        }
    }

    private void run() throws Exception {
        setUp();
        List<Attack> attacks = List.of(this::fragmentBombs, this::listAmplification, this::concurrentEdits,
                this::staleVersion, this::bolt, this::csvFormulas, this::csrf, this::oversizeBodies, this::oddPaths,
                this::errorPage, this::passwordFlood);
        for (Attack attack : attacks) {
            try {
                attack.run();
            } catch (Exception e) {
                // One area failing to run is reported, and the others still run.
                System.out.println("   PROBE FAILED to run this area: " + e);
            }
        }
    }

    private interface Attack {
        void run() throws Exception;
    }

    private void setUp() throws IOException, InterruptedException {
        app.graphQl("""
                {"query":"mutation { createAccount(input: {key: \\"probe\\", name: \\"Probe\\"}) { account { key } } }"}""");
        for (int i = 0; i < 5; i++) {
            app.graphQl("""
                    {"query":"mutation { createStakeholder(input: {account: \\"probe\\", key: \\"p%d\\", name: \\"Person %d\\"}) { stakeholder { id } } }"}"""
                    .formatted(i, i));
        }
        // The rep may edit the account (so the probe shows what a signed-in rep, not only an admin, can do).
        app.graphQl("""
                {"query":"mutation { createTeamMember(input: {account: \\"probe\\", key: \\"nicole\\", name: \\"Nicole\\"}) { teamMember { id } } }"}""");
    }

    // ---------------------------------------------------------------- reporting

    private static void area(String name) {
        System.out.println("== " + name);
    }

    private static void line(String sent, String answered, long nanos) {
        System.out.printf("   %-62s -> %-46s %8.1f ms%n", sent, answered, nanos / 1e6);
    }

    /** Times a GraphQL POST and describes its answer: status, classification, the limit or reason it names. */
    private String graphQl(String query, String authorization) throws IOException, InterruptedException {
        String body = AppProcess.JSON.writeValueAsString(Map.of("query", query));
        HttpResponse<String> response = app.http.send(app.graphQlRequest(body, authorization),
                HttpResponse.BodyHandlers.ofString());
        return describe(response);
    }

    private static String describe(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("-");
        String answer = response.statusCode() + " " + (type.contains("json") ? "JSON" : type);
        try {
            JsonNode json = AppProcess.JSON.readTree(response.body());
            JsonNode errors = json.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode ext = errors.get(0).path("extensions");
                answer += " " + ext.path("classification").asText("?");
                if (ext.has("limit")) {
                    answer += " limit=" + ext.path("limit").asText() + " cost=" + ext.path("cost").asText();
                }
                if (ext.has("retryable")) {
                    answer += " retryable=" + ext.path("retryable").asText();
                }
            } else if (json.has("data")) {
                answer += " data";
            }
        } catch (IOException notJson) {
            // the type says it
        }
        return answer;
    }

    // ---------------------------------------------------------------- the attacks

    private static String fragmentBomb(int levels) {
        StringBuilder query = new StringBuilder("query { ...F0 }\n");
        for (int i = 0; i < levels; i++) {
            query.append("fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F")
                    .append(i + 1).append(" }\n");
        }
        return query.append("fragment F").append(levels).append(" on Query { ping }\n").toString();
    }

    private void fragmentBombs() throws Exception {
        area("1. Fragment bomb (each fragment spreads the next twice), as the rep nicole");
        for (int levels : new int[] {27, 40, 60, 200}) {
            String query = fragmentBomb(levels);
            long start = System.nanoTime();
            String answer = graphQl(query, rep);
            line(String.format("%d levels, %.1f KB, 2^%d fields expanded", levels, query.length() / 1024.0, levels),
                    answer, System.nanoTime() - start);
        }
    }

    private void listAmplification() throws Exception {
        area("2. List amplification: 30 aliases x stakeholders(first: 500) x 3 levels of influencedBy");
        String level = "influencedBy { strength from { id name notes %s } }";
        String nested = String.format(level, String.format(level, String.format(level, "")));
        String query = "query {\n" + IntStream.range(0, 30)
                .mapToObj(i -> "a" + i + ": account(key: \"probe\") { stakeholders(first: 500) { edges { node { id name "
                        + nested + " } } } }")
                .collect(Collectors.joining("\n")) + "\n}";
        String heapBefore = app.memory();
        long start = System.nanoTime();
        String answer = graphQl(query, rep);
        line(String.format("one request, %.1f KB", query.length() / 1024.0), answer, System.nanoTime() - start);
        System.out.println("   app memory before: " + heapBefore + "; after: " + app.memory());
    }

    private void concurrentEdits() throws Exception {
        area("3. 8 clients x 25 edits on one account at once (the rep nicole)");
        long versionBefore = version();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < 8; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    String query = "mutation { updateStakeholder(input: {id: \"probe/p" + (i % 5) + "\", title: \"T"
                            + client + "-" + i + "\"}) { stakeholder { id } } }";
                    String answer;
                    try {
                        answer = graphQl(query, rep);
                    } catch (Exception e) {
                        answer = e.getClass().getSimpleName();
                    }
                    outcomes.computeIfAbsent(answer, k -> new LongAdder()).increment();
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long nanos = System.nanoTime() - start;
        Map<String, Long> counts = new TreeMap<>(outcomes.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum())));
        line("200 updateStakeholder, 8 threads", counts.toString(), nanos);
        System.out.printf("   version +%d (200 expected)%n", version() - versionBefore);
    }

    private long version() throws IOException, InterruptedException {
        return app.graphQl("{\"query\":\"{ account(key: \\\"probe\\\") { version } }\"}").path("account")
                .path("version").asLong();
    }

    private void staleVersion() throws Exception {
        area("4. Lost update: an edit with a stale ifVersion");
        long current = version();
        long start = System.nanoTime();
        String answer = graphQl("mutation { updateStakeholder(input: {id: \"probe/p1\", title: \"Overwrite\"}, ifVersion: "
                + (current - 1) + ") { stakeholder { title } } }", rep);
        line("updateStakeholder ifVersion=" + (current - 1) + " (current " + current + ")", answer,
                System.nanoTime() - start);
        start = System.nanoTime();
        answer = graphQl("mutation { updateStakeholder(input: {id: \"probe/p1\", title: \"Fresh\"}, ifVersion: "
                + current + ") { stakeholder { title } } }", rep);
        line("updateStakeholder ifVersion=" + current + " (current)", answer, System.nanoTime() - start);
    }

    private void bolt() throws Exception {
        area("5. The embedded Neo4j's Bolt port (127.0.0.1:" + boltPort + ")");
        for (var auth : List.of(Map.entry("HELLO scheme none", AuthTokens.none()),
                Map.entry("HELLO basic neo4j/neo4j", AuthTokens.basic("neo4j", "neo4j")),
                Map.entry("HELLO basic neo4j/password", AuthTokens.basic("neo4j", "password")))) {
            long start = System.nanoTime();
            String answer;
            try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, auth.getValue(),
                    org.neo4j.driver.Config.builder().withConnectionTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                            .build())) {
                driver.verifyConnectivity();
                answer = "ACCEPTED";
            } catch (RuntimeException e) {
                answer = "refused: " + e.getClass().getSimpleName();
            }
            line(auth.getKey(), answer, System.nanoTime() - start);
        }
        try (Socket outside = new Socket()) {
            String address = java.net.InetAddress.getLocalHost().getHostAddress();
            long start = System.nanoTime();
            String answer;
            try {
                outside.connect(new java.net.InetSocketAddress(address, boltPort), 2000);
                answer = "CONNECTED";
            } catch (IOException e) {
                answer = "refused: " + e.getClass().getSimpleName();
            }
            line("TCP connect to the Bolt port on " + address, answer, System.nanoTime() - start);
        }
        Path db = app.data.resolve("db");
        Path password = db.resolve("neo4j-password");
        System.out.printf("   data directory %s, password file %s%n",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(db)),
                Files.exists(password) ? PosixFilePermissions.toString(Files.getPosixFilePermissions(password))
                        : "absent");
    }

    private void csvFormulas() throws Exception {
        area("6. CSV formula injection: people.csv with formula-leading titles");
        List<String> cells = List.of("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x.example\",\"y\")", "+1+2", "-1+2",
                "@SUM(1)", "\tTAB", "\rCR");
        for (int i = 0; i < cells.size(); i++) {
            app.graphQl(AppProcess.JSON.writeValueAsString(Map.of("query",
                    "mutation($t: String) { createStakeholder(input: {account: \"probe\", key: \"f" + i
                            + "\", name: \"Formula " + i + "\", title: $t}) { stakeholder { id } } }",
                    "variables", Map.of("t", cells.get(i)))));
        }
        long start = System.nanoTime();
        HttpResponse<String> csv = app.http.send(HttpRequest.newBuilder(app.uri("/api/accounts/probe/export/people.csv"))
                .header("Authorization", rep).GET().build(), HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        line("GET people.csv (" + cells.size() + " formula titles)", csv.statusCode() + "", nanos);
        csv.body().lines().filter(l -> l.contains("Formula ")).forEach(l -> System.out.println("   | "
                + l.replace("\t", "\\t").replace("\r", "\\r")));
    }

    private void csrf() throws Exception {
        area("7. CSRF: a signed-in browser session plus a bogus Authorization header, no CSRF token");
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        browser.send(HttpRequest.newBuilder(app.uri("/login")).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(app.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=randy&password=randy")).build(),
                HttpResponse.BodyHandlers.discarding());
        System.out.println("   signed in as randy through the login form: " + login.statusCode() + " "
                + login.headers().firstValue("Location").orElse(""));
        String mutation = AppProcess.JSON.writeValueAsString(Map.of("query",
                "mutation { updateStakeholder(input: {id: \"probe/p2\", title: \"CSRF\"}) { stakeholder { id } } }"));
        for (String bogus : List.of("Bearer ic_notAToken", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("randy:wrong".getBytes(StandardCharsets.UTF_8)), "Token abc")) {
            long start = System.nanoTime();
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(app.uri("/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", bogus)
                    .POST(HttpRequest.BodyPublishers.ofString(mutation)).build(), HttpResponse.BodyHandlers.ofString());
            line("session cookie + '" + bogus.substring(0, Math.min(bogus.length(), 22)) + "', mutation",
                    describe(response), System.nanoTime() - start);
        }
        long start = System.nanoTime();
        HttpResponse<String> noCredentials = app.http.send(HttpRequest.newBuilder(app.uri("/graphql"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ ping }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        line("JSON request without credentials", describe(noCredentials) + " WWW-Authenticate: "
                + noCredentials.headers().firstValue("WWW-Authenticate").orElse("-"), System.nanoTime() - start);
    }

    private void oversizeBodies() throws Exception {
        area("8. Oversize bodies");
        byte[] big = new byte[22 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        long start = System.nanoTime();
        HttpResponse<String> declared = app.http.send(HttpRequest.newBuilder(app.uri("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", rep)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        line("GraphQL body of 22 MB with Content-Length", describe(declared), System.nanoTime() - start);

        start = System.nanoTime();
        String chunked = rawChunkedPost("/graphql", "application/json", big.length);
        line("GraphQL body of 22 MB chunked (no Content-Length)", chunked, System.nanoTime() - start);

        String boundary = "probe" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[51 * 1024 * 1024];
        byte[] multipart = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, multipart, 0, head.length);
        System.arraycopy(tail, 0, multipart, head.length + file.length, tail.length);
        start = System.nanoTime();
        String answer;
        try {
            HttpResponse<String> upload = app.http.send(HttpRequest.newBuilder(
                            app.uri("/api/accounts/probe/imports/contacts"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "application/json").header("Authorization", AppProcess.ADMIN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart)).build(), HttpResponse.BodyHandlers.ofString());
            answer = describe(upload) + " " + upload.body().substring(0, Math.min(60, upload.body().length()));
        } catch (IOException e) {
            answer = "connection closed: " + e.getClass().getSimpleName();
        }
        // The JDK client sends the whole body before it reads: the server's early 413 (SecurityWebTest reads it
        // while sending, as curl and browsers do) is lost when Tomcat closes the connection.
        line("multipart upload of 51 MB (CRM contacts), JDK client", answer, System.nanoTime() - start);
    }

    /** A POST whose body is sent chunked, over a plain socket (the JDK client always sends a length). */
    private String rawChunkedPost(String path, String type, int size) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.port)) {
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type
                    + "\r\nAccept: application/json\r\nAuthorization: " + rep
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try {
                for (int sent = 0; sent < size; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered and closed before the whole body was sent: read its answer
            }
            return statusLine(socket.getInputStream());
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        String head = new String(in.readNBytes(600), StandardCharsets.ISO_8859_1);
        String status = head.lines().findFirst().orElse("(no answer)").replace("HTTP/1.1 ", "");
        String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:")).findFirst()
                .map(l -> l.contains("json") ? "JSON" : l.substring(13).trim()).orElse("-");
        return status.split(" ")[0] + " " + type;
    }

    private void oddPaths() throws Exception {
        area("9. Odd paths (raw request lines, as sent)");
        for (String path : List.of("/api/accounts/a%2Fb/bundle", "/api/accounts/a/..;/bundle",
                "/api/accounts/%2e%2e/bundle", "/api/accounts/a%25/bundle", "/api//accounts/a/bundle",
                "/graphql;jsessionid=x", "/api/accounts/a%00/bundle", "/api/accounts/a%5C/bundle",
                "/../../etc/passwd", "/api/no-such-thing")) {
            long start = System.nanoTime();
            String answer;
            try (Socket socket = new Socket("127.0.0.1", app.port)) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: "
                        + "application/json\r\nAuthorization: " + rep + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                answer = statusLine(socket.getInputStream());
            }
            line("GET " + path, answer, System.nanoTime() - start);
        }
    }

    private void errorPage() throws Exception {
        area("10. /error asked for directly");
        for (String accept : List.of("application/json", "text/html")) {
            long start = System.nanoTime();
            HttpResponse<String> response = app.http.send(HttpRequest.newBuilder(app.uri("/error"))
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
            line("GET /error without credentials, Accept " + accept, describe(response), System.nanoTime() - start);
        }
    }

    private void passwordFlood() throws Exception {
        area("11. Wrong-password flood on one user (randy), then the right password");
        Map<Integer, Integer> statuses = new TreeMap<>();
        String retryAfter = "-";
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response = app.http.send(app.graphQlRequest("{\"query\":\"{ ping }\"}",
                    AppProcess.basic("randy", "guess" + i)), HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            retryAfter = response.headers().firstValue("Retry-After").orElse(retryAfter);
        }
        line("30 wrong passwords for randy", "statuses " + statuses + ", Retry-After " + retryAfter,
                System.nanoTime() - start);
        start = System.nanoTime();
        HttpResponse<String> right = app.http.send(app.graphQlRequest("{\"query\":\"{ ping }\"}",
                AppProcess.basic("randy", "randy")), HttpResponse.BodyHandlers.ofString());
        line("then randy's right password (cached by the area 7 sign-in)", describe(right), System.nanoTime() - start);
        start = System.nanoTime();
        HttpResponse<String> other = app.http.send(app.graphQlRequest("{\"query\":\"{ ping }\"}", rep),
                HttpResponse.BodyHandlers.ofString());
        line("nicole meanwhile (cached credential)", describe(other), System.nanoTime() - start);
    }
}
