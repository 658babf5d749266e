package io.innercircle.concurrency;

import io.innercircle.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Busy reps on one account: every write locks the account first, passing failures are retried, stale ones refused. */
class ConcurrentWritesTest extends IntegrationTest {

    private static final String ACCOUNT = "busy";

    @BeforeEach
    void drawAccount() {
        post("mutation { createAccount(input: {key: \"busy\", name: \"Busy Corp\"}) { account { key } } }", Map.of());
        for (int i = 0; i < 8; i++) {
            post("mutation($i: CreateStakeholderInput!) { createStakeholder(input: $i) { stakeholder { id } } }",
                    Map.of("i", Map.of("account", ACCOUNT, "key", "p" + i, "name", "Person " + i)));
        }
        // Lines between the people, so that edits of one person touch the others' lines too.
        for (int i = 0; i < 8; i++) {
            post("mutation($i: InfluenceInput!) { setInfluence(input: $i) { influence { strength } } }",
                    Map.of("i", Map.of("from", ACCOUNT + "/p" + i, "to", ACCOUNT + "/p" + ((i + 1) % 8))));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> post(String query, Map<String, Object> variables) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query, "variables", variables))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private long version() {
        Map<String, Object> body = post("query { account(key: \"busy\") { version } }", Map.of());
        return ((Number) ((Map<?, ?>) ((Map<?, ?>) body.get("data")).get("account")).get("version")).longValue();
    }

    private long changeSets() {
        return io.innercircle.support.Neo4jHarness.cypher(
                "MATCH (c:ChangeSet {account: $a}) RETURN count(c) AS n", Map.of("a", ACCOUNT))
                .get(0).get("n").asLong();
    }

    @Test
    void eightWritersOfFiftyEditsEachOnOneAccountAllSucceed() throws Exception {
        long before = version();
        long setsBefore = changeSets();
        int writers = 8;
        int edits = 50;
        ConcurrentLinkedQueue<Object> errors = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int e = 0; e < edits; e++) {
                    // Each writer edits two people (its own and its neighbour), and a line, in turn.
                    String person = ACCOUNT + "/p" + ((writer + e) % 8);
                    Map<String, Object> body = e % 2 == 0
                            ? post("mutation($i: UpdateStakeholderInput!) { updateStakeholder(input: $i) "
                                    + "{ stakeholder { id } } }",
                            Map.of("i", Map.of("id", person, "notes", "writer " + writer + " edit " + e)))
                            : post("mutation($i: InfluenceInput!) { setInfluence(input: $i) { influence "
                                    + "{ strength } } }", Map.of("i", Map.of("from", person,
                            "to", ACCOUNT + "/p" + ((writer + e + 1) % 8), "note", "w" + writer + "e" + e)));
                    if (body.get("errors") != null) {
                        errors.add(body.get("errors"));
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(errors).as("errors that reached a client").isEmpty();
        assertThat(version() - before).as("version delta").isEqualTo(writers * edits);
        assertThat(changeSets() - setsBefore).as("change sets written").isEqualTo(writers * edits);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStaleIfVersionIsRefusedWithWhatChangedAndNothingIsWritten() {
        long read = version();
        // Someone else renames p1 after we read the map.
        Map<String, Object> theirs = post("mutation($i: UpdateStakeholderInput!, $v: Int) { "
                        + "updateStakeholder(input: $i, ifVersion: $v) { stakeholder { name } } }",
                Map.of("i", Map.of("id", ACCOUNT + "/p1", "name", "Robert"), "v", read));
        assertThat(theirs.get("errors")).isNull();

        Map<String, Object> variables = new HashMap<>();
        variables.put("i", Map.of("id", ACCOUNT + "/p1", "name", "Bobby", "title", "CTO"));
        variables.put("v", read);
        Map<String, Object> ours = post("mutation($i: UpdateStakeholderInput!, $v: Int) { "
                + "updateStakeholder(input: $i, ifVersion: $v) { stakeholder { name } } }", variables);

        Map<String, Object> error = ((List<Map<String, Object>>) ours.get("errors")).get(0);
        Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
        assertThat(extensions).containsEntry("classification", "CONFLICT")
                .containsEntry("currentVersion", (int) read + 1)
                .containsEntry("retryable", false);
        assertThat((List<String>) extensions.get("changes")).anySatisfy(c -> assertThat(c).contains("Robert"));
        assertThat(version()).isEqualTo(read + 1);
        Map<String, Object> person = post("query { stakeholder(id: \"busy/p1\") { name title } }", Map.of());
        assertThat(((Map<String, Object>) ((Map<String, Object>) person.get("data")).get("stakeholder")))
                .containsEntry("name", "Robert").containsEntry("title", null);

        // With the version just read, the same edit goes through.
        variables.put("v", read + 1);
        assertThat(post("mutation($i: UpdateStakeholderInput!, $v: Int) { "
                + "updateStakeholder(input: $i, ifVersion: $v) { stakeholder { name } } }", variables)
                .get("errors")).isNull();
        assertThat(version()).isEqualTo(read + 2);
    }
}
