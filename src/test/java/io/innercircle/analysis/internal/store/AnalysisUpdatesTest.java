package io.innercircle.analysis.internal.store;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.Subscriptions;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription that tells a client when an account's analysis is current, so that it need not poll
 * {@code innerCircle}: the analysis already current first, then one event per change, each followed by current reads.
 * The big map's background refresh is covered by {@code StoredAnalysisLargeMapTest}, a second instance by
 * {@code LiveMapTest}.
 */
class AnalysisUpdatesTest extends IntegrationTest {

    static final String ACCOUNT = "national-manufacturing";

    @BeforeEach
    void map() {
        TestBundles.importBundle(http, "course-example.json");
    }

    static long version(String account) {
        return Neo4jHarness.cypher("MATCH (a:Account {key: $a}) RETURN a.version AS v", Map.of("a", account))
                .get(0).get("v").asLong();
    }

    @Test
    void theCurrentAnalysisComesFirstThenOneEventPerChange() throws Exception {
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        WebSocketGraphQlTester socket = Subscriptions.socket(port, "nicole");
        Disposable subscription = Subscriptions.subscribe(socket, "analysisUpdates", ACCOUNT, received);
        try {
            long imported = version(ACCOUNT);
            Map<String, Object> first = received.poll(60, TimeUnit.SECONDS);
            assertThat(first).as("the analysis current when subscribing").isNotNull()
                    .containsEntry("account", ACCOUNT).containsEntry("analysisVersion", (int) imported);

            // A line the Inner Circle depends on, then a status: each is one event, at the version it made.
            graphQl.documentName("setInfluence").variable("input", Map.of("from", ACCOUNT + "/dis",
                    "to", ACCOUNT + "/svp", "strength", 1)).execute().errors().verify();
            Map<String, Object> afterLine = received.poll(60, TimeUnit.SECONDS);
            assertThat(afterLine).as("event after the influence edit").isNotNull()
                    .containsEntry("analysisVersion", (int) imported + 1);
            var read = graphQl.documentName("innerCircleState").variable("account", ACCOUNT).execute();
            read.path("innerCircle.stale").entity(Boolean.class).isEqualTo(false);
            read.path("innerCircle.analysisVersion").entity(Long.class).isEqualTo(imported + 1);

            graphQl.documentName("updateStakeholder").variable("input", Map.of("id", ACCOUNT + "/deng",
                    "notes", "met at the fair")).execute().errors().verify();
            assertThat(received.poll(60, TimeUnit.SECONDS)).as("event after the notes edit").isNotNull()
                    .containsEntry("analysisVersion", (int) imported + 2);
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("one event per change").isNull();
        } finally {
            subscription.dispose();
            socket.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void aSubscriptionToAForeignAccountIsRefused() {
        String foreign = TestBundles.read("course-example.json").replace("\"" + ACCOUNT + "\"", "\"foreign-co\"")
                .replace("\"randy\"", "\"zoe\"").replace("\"nicole\"", "\"yuri\"");
        http.post().uri("/api/bundles").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(foreign).exchange().expectStatus().isOk();
        WebSocketGraphQlTester socket = Subscriptions.socket(port, "nicole");
        try {
            socket.documentName("analysisUpdates").variable("account", "foreign-co").executeSubscription().toFlux()
                    .blockFirst(Duration.ofSeconds(60)).errors().satisfy(errors -> assertThat(errors)
                            .singleElement().satisfies(e -> assertThat(e.getExtensions())
                                    .containsEntry("classification", "NOT_FOUND").containsEntry("field", "account")));
        } finally {
            socket.stop().block(Duration.ofSeconds(10));
        }
    }
}
