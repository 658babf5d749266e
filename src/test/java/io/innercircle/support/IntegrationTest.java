package io.innercircle.support;

import io.innercircle.analysis.store.AnalysisCache;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/**
 * Base of the tests that need the running app: a real HTTP server on a random port, a real Neo4j (the harness),
 * and GraphQL over HTTP. Each test starts from an empty database with the schema applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"innercircle.demo.load=false",
                // Run the analysis cache as on the embedded default: invalidated by the app's own change events.
                "innercircle.analysis.verify-version=false"})
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    protected HttpGraphQlTester graphQl;

    protected WebTestClient http;

    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", () -> Neo4jHarness.boltUri().toString());
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", () -> "");
    }

    @Autowired
    private AnalysisCache analysisCache;

    /** The HTTP and GraphQL clients of one user. */
    public record Clients(WebTestClient http, HttpGraphQlTester graphQl) {}

    @BeforeEach
    void connectAndEmptyDatabase() {
        Clients admin = as("admin", "admin");
        http = admin.http();
        graphQl = admin.graphQl();
        // Keep Liquibase's own bookkeeping nodes so the schema is not re-applied; drop every map.
        Neo4jHarness.database().executeTransactionally(
                "MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__Liquibase') DETACH DELETE n");
        // The wipe above bypasses the app, so no change event tells the cache.
        analysisCache.clear();
    }

    /** A client without credentials. */
    protected WebTestClient anonymous() {
        return WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .build();
    }

    /**
     * Clients signed in (HTTP Basic) as one of the users of application.yml; the demo users' password is their
     * name: admin (ADMIN), randy (MANAGER, team member randy), nicole (REP, team member nicole), coach (COACH of
     * randy and nicole).
     */
    protected Clients as(String username) {
        return as(username, username);
    }

    protected Clients as(String username, String password) {
        WebTestClient client = anonymous().mutate()
                .defaultHeaders(h -> h.setBasicAuth(username, password))
                .build();
        return new Clients(client, HttpGraphQlTester.create(
                client.mutate().baseUrl("http://localhost:" + port + "/graphql").build()));
    }

    /** Clients that send a bearer token (for JWT tests). */
    protected Clients withBearer(String token) {
        WebTestClient client = anonymous().mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
        return new Clients(client, HttpGraphQlTester.create(
                client.mutate().baseUrl("http://localhost:" + port + "/graphql").build()));
    }
}
