package io.innercircle.support;

import io.innercircle.analysis.internal.store.AnalysisCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Base of the tests that need the running app: a real HTTP server on a random port, a real Neo4j (the harness),
 * and GraphQL over HTTP. Each test starts from an empty database with the schema applied, and with the
 * {@link TestClock} back on real time (a test that needs a date sets it).
 * <p>
 * Every full-app test extends this class and adds no configuration of its own (no {@code @TestPropertySource},
 * {@code @MockitoBean}, {@code @Import} or {@code @DirtiesContext}): then Spring's context cache starts the app
 * once per test JVM. A test that needs another setting tests it through what the shared app offers instead.
 * The one exception is {@link SecondAppTest}: a second app on a Neo4j of its own, for a few tests that run beside
 * those of the shared app.
 * <p>
 * Tagged {@code integration} (JUnit inherits the tag): these tests run in Maven's integration-test phase, in one JVM
 * with the load-sized ones, so that {@code mvn test} runs only the tests that need neither the app nor a database.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"innercircle.demo.load=false",
                // No reads of the map's own in the background at start: tests count the queries a request runs.
                "innercircle.map.warm-up=false",
                // Run the analysis cache as on the embedded default: invalidated by the app's own change events.
                "innercircle.analysis.verify-version=false"})
@Import({TestJwtIssuer.class, TestClock.Config.class})
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    protected HttpGraphQlTester graphQl;

    protected WebTestClient http;

    /** The app's clock: tests that need a date set it. */
    @Autowired
    protected TestClock clock;

    /**
     * The Neo4j of the shared app, or of the second one where the test class sets {@code test-neo4j.app=second}
     * ({@link SecondAppTest}): the app's settings name the chosen one by placeholder, so each harness starts only
     * when an app reads it. (A subclass's own dynamic properties would not do: Spring applies this class's last.)
     */
    @DynamicPropertySource
    static void neo4j(DynamicPropertyRegistry registry) {
        neo4j(registry, "shared", Neo4jHarness::connection);
        neo4j(registry, "second", Neo4jHarness::second);
        registry.add("spring.neo4j.uri", () -> "${test-neo4j.${test-neo4j.app:shared}.uri}");
        registry.add("spring.neo4j.authentication.username", () -> "${test-neo4j.${test-neo4j.app:shared}.username}");
        registry.add("spring.neo4j.authentication.password", () -> "${test-neo4j.${test-neo4j.app:shared}.password}");
    }

    private static void neo4j(DynamicPropertyRegistry registry, String app, Supplier<Neo4jHarness.Connection> neo4j) {
        registry.add("test-neo4j." + app + ".uri", () -> neo4j.get().bolt().toString());
        registry.add("test-neo4j." + app + ".username", () -> neo4j.get().username());
        registry.add("test-neo4j." + app + ".password", () -> neo4j.get().password());
    }

    @Autowired
    private AnalysisCache analysisCache;

    /** The app's own driver: the wipe goes to the database of this test's app, whichever it is. */
    @Autowired
    private Driver appDriver;

    /** The HTTP and GraphQL clients of one user. */
    public record Clients(WebTestClient http, HttpGraphQlTester graphQl) {}

    @BeforeEach
    void connectAndEmptyDatabase() {
        clock.reset();
        Clients admin = as("admin", "admin");
        http = admin.http();
        graphQl = admin.graphQl();
        // Keep Liquibase's own bookkeeping nodes so the schema is not re-applied; drop every map.
        // Over Bolt, so the same in every test mode (in-process harness, a server in its own process).
        appDriver.executableQuery(
                "MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__Liquibase') DETACH DELETE n").execute();
        // The wipe above bypasses the app, so no change event tells the cache.
        analysisCache.clear();
    }

    /** The app's driver, for a test that reads the database as it is (on the app's Neo4j, whichever it is). */
    protected Driver appDriver() {
        return appDriver;
    }

    /** A client without credentials. */
    protected WebTestClient anonymous() {
        return WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(180))
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
