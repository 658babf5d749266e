package io.innercircle.backup;

import io.innercircle.bundle.BundleGenerator;
import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup, wipe, restore: every account's map and its whole history come back, and nothing else changes. The
 * database is read and wiped over Bolt only, so the class runs against a server in its own process too
 * ({@code mvn -Pserver test}, pom profile {@code server}).
 */
class BackupRestoreTest extends IntegrationTest {

    private static final String OPPORTUNITY = "national-manufacturing/customer-service-2027";

    @Test
    void backupWipeRestoreGivesBackEveryMapAndItsHistory() {
        TestBundles.importBundle(http, "course-example.json");
        TestBundles.importBundle(http, "krackhardt-hightech.json");
        // Big enough for its import's change set to be stored packed (bytes, see history.internal.StoredChanges).
        TestBundles.importJson(http, BundleGenerator.toJson(BundleGenerator.generate("generated", 100, 5)));
        // Some history beyond the imports: two edits by two users.
        as("randy").graphQl().document("""
                mutation { setInvolvement(input: {opportunity: "national-manufacturing/customer-service-2027",
                  stakeholder: "national-manufacturing/deng", roles: [DECISION_MAKER], status: NEUTRAL}) { involvement { status } } }
                """).execute().path("setInvolvement.involvement.status").entity(String.class).isEqualTo("NEUTRAL");
        graphQl.document("""
                mutation { updateStakeholder(input: {id: "national-manufacturing/deng", title: "VP Engineering"}) { stakeholder { title } } }
                """).execute().path("updateStakeholder.stakeholder.title").entity(String.class).isEqualTo("VP Engineering");

        Map<String, String> before = state();
        assertThat(packedChangeSets()).isEqualTo(List.of("generated"));
        String backup = download();
        assertThat(backup.lines().count()).isGreaterThan(100);

        wipe();
        assertThat(accountKeys()).isEmpty();

        http.post().uri("/api/restore").contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(backup).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.accounts").isEqualTo(3);

        assertThat(before).containsKeys("bundle national-manufacturing", "bundle krackhardt-hightech",
                "bundle generated", "changes national-manufacturing", "changes generated");
        assertThat(packedChangeSets()).isEqualTo(List.of("generated"));
        assertThat(before.get("changes national-manufacturing")).contains("randy", "VP Engineering");
        assertThat(state()).isEqualTo(before);
        // A second backup holds the same nodes and relationships (numbered in the database's own order).
        assertThat(canonical(download())).isEqualTo(canonical(backup));
    }

    @Test
    void refusedRestoresWriteNothing() {
        TestBundles.importBundle(http, "course-example.json");
        String backup = download();

        http.post().uri("/api/restore").bodyValue(backup).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.restored").isEqualTo(false);

        wipe();
        String cutOff = backup.substring(0, backup.length() / 2);
        cutOff = cutOff.substring(0, cutOff.lastIndexOf('\n') + 1);
        http.post().uri("/api/restore").bodyValue(cutOff).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("cut off"));
        http.post().uri("/api/restore").bodyValue(backup.replace("\"labels\":[\"Account\"]", "\"labels\":[\"Account` DETACH DELETE n //\"]"))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("labels"));
        long left = Neo4jHarness.cypher(
                "MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__') RETURN count(n) AS n", Map.of())
                .get(0).get("n").asLong();
        assertThat(left).isZero();
    }

    @Test
    void onlyAnAdministratorBacksUpOrRestores() {
        TestBundles.importBundle(http, "course-example.json");
        as("randy").http().get().uri("/api/backup").exchange().expectStatus().isForbidden();
        as("coach").http().post().uri("/api/restore").bodyValue("{}").exchange().expectStatus().isForbidden();
    }

    /**
     * What a user can see of every account: its bundle (the export), its whole history (every change set with its
     * time, author and changes), its Sam Ortiz trend; and how many nodes of each label and relationships of each
     * type the database holds.
     */
    private Map<String, String> state() {
        Map<String, String> state = new TreeMap<>();
        for (String account : accountKeys()) {
            state.put("bundle " + account, new String(http.get().uri("/api/accounts/{k}/bundle", account).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8));
            state.put("changes " + account, graphQl.document("""
                    query($a: ID!) { changes(account: $a, first: 200) { totalCount edges { node { version at by changes { kind item field before after description } } } } }
                    """).variable("a", account).execute().path("changes").entity(Object.class).get().toString());
        }
        state.put("trend", graphQl.document("""
                query($o: ID!) { stakeholderTrend(stakeholder: "national-manufacturing/deng", opportunity: $o) { at by status coverage } }
                """).variable("o", OPPORTUNITY).execute().path("stakeholderTrend").entity(Object.class).get().toString());
        state.put("labels", Neo4jHarness.cypher("""
                MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__')
                UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label
                """, Map.of()).stream().map(r -> r.get("label").asString() + "=" + r.get("n").asLong()).toList().toString());
        state.put("relationships", Neo4jHarness.cypher("""
                MATCH (a)-[r]->(b) WHERE NOT any(l IN labels(a) WHERE l STARTS WITH '__')
                RETURN type(r) AS type, count(*) AS n ORDER BY type
                """, Map.of()).stream().map(r -> r.get("type").asString() + "=" + r.get("n").asLong()).toList().toString());
        return state;
    }

    /** The accounts whose change sets include a packed one. */
    private static List<String> packedChangeSets() {
        return Neo4jHarness.cypher("""
                MATCH (c:ChangeSet) WHERE c.packed IS NOT NULL RETURN DISTINCT c.account AS a ORDER BY a""", Map.of())
                .stream().map(row -> row.get("a").asString()).toList();
    }

    private List<String> accountKeys() {
        return Neo4jHarness.cypher("MATCH (a:Account) RETURN a.key AS k ORDER BY k", Map.of())
                .stream().map(row -> row.get("k").asString()).toList();
    }

    private String download() {
        return new String(http.get().uri("/api/backup").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    /** Every node as its labels and properties, every relationship by the contents of its ends; sorted. */
    private static List<String> canonical(String backup) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<Long, String> nodes = new java.util.HashMap<>();
        List<String> lines = new java.util.ArrayList<>();
        for (String line : backup.lines().skip(1).toList()) {
            try {
                com.fasterxml.jackson.databind.JsonNode node = json.readTree(line);
                if (node.has("node")) {
                    String content = node.get("labels") + " " + node.get("properties");
                    nodes.put(node.get("node").asLong(), content);
                    lines.add(content);
                } else if (node.has("relationship")) {
                    lines.add(node.get("relationship").asText() + " " + nodes.get(node.get("from").asLong()) + " -> "
                            + nodes.get(node.get("to").asLong()) + " " + node.get("properties"));
                } else {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return lines.stream().sorted().toList();
    }

    private void wipe() {
        Neo4jHarness.cypher(
                "MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__Liquibase') DETACH DELETE n", Map.of());
    }
}
