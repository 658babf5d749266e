package io.innercircle.bench;

import io.innercircle.InnerCircleApplication;
import io.innercircle.bundle.BundleGenerator;
import io.innercircle.map.AccountModelReader;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end timings of the app on its embedded Neo4j, over real HTTP, for generated accounts of several sizes:
 * bundle import; the political map through GraphQL against the raw driver fetch of the same query; the Inner
 * Circle through GraphQL, cached and right after a write. Prints a table and writes target/bench-results/map.json.
 * Run: {@code mvn -B -Pbench test-compile exec:exec -Dbench.main=io.innercircle.bench.MapBenchmark}
 */
public final class MapBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The demo administrator of application.yml: the API refuses anonymous requests (403). */
    private static final String BASIC = "Basic " + java.util.Base64.getEncoder()
            .encodeToString(System.getProperty("bench.user", "admin:admin").getBytes(java.nio.charset.StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "200,2000,5000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Path data = Files.createTempDirectory("innercircle-bench");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(InnerCircleApplication.class)
                .run("--server.port=0", "--spring.neo4j.uri=", "--innercircle.embedded.data-directory=" + data,
                        "--innercircle.embedded.page-cache=1g", "--innercircle.demo.load=false",
                        "--logging.level.root=warn", "--innercircle.graphql.max-cost=100000000");
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        Driver driver = app.getBean(Driver.class);
        List<Map<String, Object>> results = new ArrayList<>();
        try {
            for (int n : sizes) {
                results.add(measure(n, base, driver));
            }
        } finally {
            app.close();
        }
        System.out.println();
        System.out.println("people | import ms | map GraphQL p50 / p99 ms | raw driver p50 / p99 ms | ratio p50 "
                + "| Inner Circle after a non-structural edit p50 / cached p50 ms | { __typename } Basic p50 ms "
                + "| coverageGaps(first: 50) over the accounts so far p50 ms");
        for (Map<String, Object> r : results) {
            System.out.printf(Locale.ROOT, "%6d | %9.0f | %10.1f / %6.1f | %10.1f / %6.1f | %9.2f | %8.1f / %6.2f "
                            + "| %6.2f | %6.1f%n",
                    r.get("people"), r.get("importMs"), r.get("mapP50"), r.get("mapP99"), r.get("rawP50"),
                    r.get("rawP99"), r.get("ratio"), r.get("innerCircleUncachedP50"), r.get("innerCircleCachedP50"),
                    r.get("emptyRequestBasicP50"), r.get("coverageGapsAllAccountsP50"));
        }
        Path out = Path.of("target/bench-results/map.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(results));
        System.out.println("written " + out.toAbsolutePath());
    }

    private static Map<String, Object> measure(int n, String base, Driver driver) throws Exception {
        String account = "bench-" + n;
        String bundle = BundleGenerator.toJson(BundleGenerator.generate(account, n, 42));
        // The first import creates the account; the timed ones replace it, as a re-import does.
        post(base + "/api/bundles", bundle);
        double[] imports = new double[3];
        for (int i = 0; i < imports.length; i++) {
            long t = System.nanoTime();
            post(base + "/api/bundles", bundle);
            imports[i] = ms(t);
        }
        Arrays.sort(imports);
        String opportunity = firstOpportunity(base, account);
        String mapQuery = json(Map.of("query", Files.readString(Path.of("src/test/resources/graphql-test/politicalMap.graphql")),
                "variables", Map.of("opportunity", opportunity)));
        int rounds = n >= 5000 ? 40 : 100;
        double[] map = time(rounds, () -> post(base + "/graphql", mapQuery));
        String[] id = opportunity.split("/");
        double[] raw = time(rounds, () -> {
            try (Session session = driver.session(SessionConfig.builder().withDatabase("neo4j").build())) {
                return session.executeRead(tx -> tx.run(AccountModelReader.ACCOUNT,
                        Map.of("account", id[0])).list()).size();
            }
        });
        String innerCircle = json(Map.of("query", "query($a: ID!) { innerCircle(account: $a) { candidates { person { id name } "
                + "computedLevel reasons } chart { person { key } rank computedLevel band } } }", "variables", Map.of("a", account)));
        double[] cached = time(rounds, () -> post(base + "/graphql", innerCircle));
        String bump = json(Map.of("query", "mutation($k: ID!, $n: String) { updateAccount(input: {key: $k, notes: $n}) "
                + "{ account { version } } }", "variables", Map.of("k", account, "n", "bench")));
        int uncachedRounds = n >= 5000 ? 10 : 30;
        double[] uncached = new double[uncachedRounds];
        for (int i = 0; i < uncachedRounds; i++) {
            post(base + "/graphql", bump);
            long t = System.nanoTime();
            post(base + "/graphql", innerCircle);
            uncached[i] = ms(t);
        }
        Arrays.sort(uncached);
        String typename = json(Map.of("query", "{ __typename }"));
        double[] empty = time(rounds, () -> post(base + "/graphql", typename));
        String gaps = json(Map.of("query", "{ coverageGaps(first: 50) { totalCount edges { node { code severity "
                + "opportunity { id } people { key } } } } }"));
        double[] coverageGaps = time(rounds, () -> post(base + "/graphql", gaps));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("people", n);
        r.put("importMs", imports[1]);
        r.put("mapP50", pct(map, 50));
        r.put("mapP99", pct(map, 99));
        r.put("rawP50", pct(raw, 50));
        r.put("rawP99", pct(raw, 99));
        r.put("ratio", pct(map, 50) / pct(raw, 50));
        r.put("innerCircleCachedP50", pct(cached, 50));
        r.put("innerCircleUncachedP50", pct(uncached, 50));
        r.put("emptyRequestBasicP50", pct(empty, 50));
        r.put("coverageGapsAllAccountsP50", pct(coverageGaps, 50));
        r.put("mapResponseBytes", post(base + "/graphql", mapQuery).length());
        System.out.printf(Locale.ROOT, "%d people measured: %s%n", n, r);
        return r;
    }

    private static String firstOpportunity(String base, String account) throws Exception {
        String body = post(base + "/graphql", json(Map.of("query",
                "query($k: ID!) { account(key: $k) { opportunities { id } } }", "variables", Map.of("k", account))));
        int at = body.indexOf("\"id\":\"") + 6;
        return body.substring(at, body.indexOf('"', at));
    }

    /** Warms up with a third of the rounds, then times each call; returns the sorted timings in ms. */
    private static double[] time(int rounds, Supplier0 call) throws Exception {
        for (int i = 0; i < Math.max(5, rounds / 3); i++) {
            call.get();
        }
        double[] times = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            call.get();
            times[i] = ms(t);
        }
        Arrays.sort(times);
        return times;
    }

    @FunctionalInterface
    interface Supplier0 {
        Object get() throws Exception;
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static String json(Object o) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o);
    }

    private static String post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", BASIC)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response.body();
    }

}
