package io.innercircle.bench;

import io.innercircle.InnerCircleApplication;
import io.innercircle.bundle.BundleGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Repeats one political map request for a profiler to watch (e.g. with -XX:StartFlightRecording). */
public final class MapProfile {

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(System.getProperty("bench.people", "200"));
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", "40"));
        Path data = Files.createTempDirectory("innercircle-profile");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(InnerCircleApplication.class)
                .run("--server.port=0", "--spring.neo4j.uri=", "--innercircle.embedded.data-directory=" + data,
                        "--innercircle.demo.load=false", "--logging.level.root=warn");
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        String bundle = BundleGenerator.toJson(BundleGenerator.generate("p", people, 42));
        send(http, base + "/api/bundles", bundle);
        String body = send(http, base + "/graphql", "{\"query\":\"{ account(key: \\\"p\\\") { opportunities { id } } }\"}");
        int at = body.indexOf("\"id\":\"") + 6;
        String opportunity = body.substring(at, body.indexOf('"', at));
        String query = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("query",
                Files.readString(Path.of("src/test/resources/graphql-test/politicalMap.graphql")),
                "variables", Map.of("opportunity", opportunity)));
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            send(http, base + "/graphql", query);
            n++;
        }
        System.out.printf("%d requests, %.1f ms each%n", n, (System.nanoTime() - start) / 1e6 / n);
        app.close();
    }

    private static String send(HttpClient http, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
