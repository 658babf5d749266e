package io.innercircle.live.internal;

import io.innercircle.InnerCircleApplication;
import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.Subscriptions;
import io.innercircle.support.TestBundles;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.GraphQlTransportException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Live shared maps: GraphQL subscriptions over WebSocket, signed in like any request, checked per account, fed by
 * the database so that a change made on one app instance reaches subscribers of another.
 */
class LiveMapTest extends IntegrationTest {

    static final String REAL = "national-manufacturing";
    static final String FOREIGN = "foreign-co";

    @Autowired
    private MapChangeFeed feed;

    @BeforeEach
    void maps() {
        TestBundles.importBundle(http, "course-example.json");
        String foreign = TestBundles.read("course-example.json").replace("\"" + REAL + "\"", "\"" + FOREIGN + "\"")
                .replace("\"randy\"", "\"zoe\"").replace("\"nicole\"", "\"yuri\"");
        http.post().uri("/api/bundles").contentType(MediaType.APPLICATION_JSON).bodyValue(foreign)
                .exchange().expectStatus().isOk();
    }

    private static Disposable subscribe(WebSocketGraphQlTester socket, String account,
                                        BlockingQueue<Map<String, Object>> into) {
        return Subscriptions.subscribe(socket, "mapChanges", account, into);
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    private static long version() {
        return Neo4jHarness.cypher("MATCH (a:Account {key: $a}) RETURN a.version AS v", Map.of("a", REAL))
                .get(0).get("v").asLong();
    }

    private void edit(String user, String notes) {
        as(user).graphQl().document("mutation($n: String) { updateStakeholder(input: {id: \"" + REAL
                        + "/deng\", notes: $n}) { stakeholder { id } } }")
                .variable("n", notes).execute().errors().verify();
    }

    @Test
    void aSubscriberReceivesAnotherClientsEdit() throws Exception {
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        WebSocketGraphQlTester socket = Subscriptions.socket(port, "nicole");
        Disposable subscription = subscribe(socket, REAL, received);
        try {
            await(() -> feed.watching(REAL));
            long before = Neo4jHarness.cypher("MATCH (a:Account {key: $a}) RETURN a.version AS v", Map.of("a", REAL))
                    .get(0).get("v").asLong();
            edit("randy", "met at the fair");
            Map<String, Object> change = received.poll(60, TimeUnit.SECONDS);
            assertThat(change).as("change received").isNotNull();
            assertThat(change).containsEntry("account", REAL).containsEntry("by", "randy")
                    .containsEntry("version", (int) before + 1);
            assertThat((List<String>) change.get("changes")).anySatisfy(c -> assertThat(c).contains("Sam Ortiz"));
        } finally {
            subscription.dispose();
            socket.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void aSubscriptionToAForeignAccountIsRefused() {
        WebSocketGraphQlTester socket = Subscriptions.socket(port, "nicole");
        try {
            socket.documentName("mapChanges").variable("account", FOREIGN).executeSubscription().toFlux()
                    .blockFirst(Duration.ofSeconds(60)).errors().satisfy(errors -> assertThat(errors)
                            .singleElement().satisfies(e -> assertThat(e.getExtensions())
                                    .containsEntry("classification", "NOT_FOUND").containsEntry("field", "account")));
            assertThat(feed.watching(FOREIGN)).isFalse();
        } finally {
            socket.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void aSocketWithoutCredentialsIsRefused() {
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder(
                URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient()).build();
        assertThatThrownBy(() -> socket.documentName("mapChanges").variable("account", REAL)
                .executeSubscription().toFlux("mapChanges", Map.class).blockFirst(Duration.ofSeconds(60)))
                .isInstanceOf(GraphQlTransportException.class)
                .hasMessageContaining("initiate the WebSocket connection");
        // The handshake is an HTTP GET of /graphql, refused like any request without credentials.
        anonymous().get().uri("/graphql").header("Sec-WebSocket-Protocol", "graphql-transport-ws")
                .exchange().expectStatus().isUnauthorized();
        assertThat(feed.watching(REAL)).isFalse();
    }

    /**
     * Two app instances on one database: a subscriber of instance B sees an edit made through instance A (this
     * test's app), which B learns of only from the database, and then B's analysis of it (analysisUpdates), after
     * which B answers the Inner Circle current at the edit's version. Prints the latency from A's answer to B's
     * events.
     */
    @Test
    void anotherInstancesSubscriberSeesTheEditAndItsAnalysis() throws Exception {
        try (ConfigurableApplicationContext b = new SpringApplicationBuilder(InnerCircleApplication.class).run(
                "--server.port=0",
                "--spring.neo4j.uri=" + Neo4jHarness.connection().bolt(),
                "--spring.neo4j.authentication.username=" + Neo4jHarness.connection().username(),
                "--spring.neo4j.authentication.password=" + Neo4jHarness.connection().password(),
                "--innercircle.demo.load=false",
                "--innercircle.live.poll-interval=500ms")) {
            int portB = Integer.parseInt(b.getEnvironment().getProperty("local.server.port"));
            MapChangeFeed feedB = b.getBean(MapChangeFeed.class);
            BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
            BlockingQueue<Map<String, Object>> analysed = new LinkedBlockingQueue<>();
            WebSocketGraphQlTester socket = Subscriptions.socket(portB, "nicole");
            Disposable subscription = subscribe(socket, REAL, received);
            Disposable analysis = Subscriptions.subscribe(socket, "analysisUpdates", REAL, analysed);
            var graphQlB = org.springframework.graphql.test.tester.HttpGraphQlTester.create(
                    org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                            .baseUrl("http://localhost:" + portB + "/graphql")
                            .defaultHeaders(h -> h.setBasicAuth("nicole", "nicole")).build());
            try {
                await(() -> feedB.watching(REAL));
                // The first analysis event is B's analysis of the map as it is now: B is watching.
                assertThat(analysed.poll(60, TimeUnit.SECONDS)).as("B's analysis of the map before the edits")
                        .isNotNull().containsEntry("analysisVersion", (int) version());
                long[] latencies = new long[5];
                long[] analysisLatencies = new long[latencies.length];
                for (int i = 0; i < latencies.length; i++) {
                    edit("randy", "edit " + i + " on instance A");
                    long answered = System.nanoTime();
                    long version = version();
                    Map<String, Object> change = received.poll(60, TimeUnit.SECONDS);
                    latencies[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answered);
                    assertThat(change).as("instance B's subscriber got A's edit %s", i).isNotNull()
                            .containsEntry("by", "randy");
                    Map<String, Object> update = analysed.poll(60, TimeUnit.SECONDS);
                    analysisLatencies[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answered);
                    assertThat(update).as("B analysed A's edit %s", i).isNotNull()
                            .containsEntry("analysisVersion", (int) version);
                    var read = graphQlB.documentName("innerCircleState").variable("account", REAL).execute();
                    read.path("innerCircle.stale").entity(Boolean.class).isEqualTo(false);
                    read.path("innerCircle.analysisVersion").entity(Long.class).isEqualTo(version);
                }
                System.out.println("Live map latency across instances (poll 500 ms), ms from A's answer to B's event: "
                        + java.util.Arrays.toString(latencies) + "; to B's analysis event: "
                        + java.util.Arrays.toString(analysisLatencies));
            } finally {
                subscription.dispose();
                analysis.dispose();
                socket.stop().block(Duration.ofSeconds(10));
            }
        }
    }
}
