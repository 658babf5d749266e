package io.innercircle.scenario;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.http.MediaType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What-if scenarios over real HTTP on a real Neo4j: computed on a changed copy held in memory, they equal the
 * analysis of a map really changed the same way, leave the real map alone, and apply in one audited transaction.
 * The map is the course example (National Manufacturing); "copy-co" is the same map under another key.
 */
class ScenarioTest extends IntegrationTest {

    static final String REAL = "national-manufacturing";
    static final String COPY = "copy-co";
    static final String DEAL = "customer-service-2027";

    @BeforeEach
    void twoEqualMaps() {
        TestBundles.importBundle(http, "course-example.json");
        String copy = TestBundles.read("course-example.json").replace("\"" + REAL + "\"", "\"" + COPY + "\"");
        http.post().uri("/api/bundles").contentType(MediaType.APPLICATION_JSON).bodyValue(copy)
                .exchange().expectStatus().isOk();
    }

    /** "If Sam Ortiz turns neutral and Kim Novak leaves...", plus a line, a new person and a new manager. */
    static List<Map<String, Object>> changes(String account) {
        return List.of(
                Map.of("setInvolvement", Map.of("stakeholder", account + "/deng", "status", "NEUTRAL")),
                Map.of("personLeaves", account + "/rnd"),
                Map.of("addInfluence", Map.of("from", account + "/cons", "to", account + "/deng", "strength", 3)),
                Map.of("removeInfluence", Map.of("from", account + "/dis", "to", account + "/dsm")),
                Map.of("personJoins", Map.of("key", "nina", "name", "Nina Brandt", "title", "CIO", "rank", 4,
                        "reportsTo", account + "/svp", "roles", List.of("SPONSOR"), "status", "SUPPORTER")),
                Map.of("setReportsTo", Map.of("stakeholder", account + "/sys", "manager", account + "/deng")),
                Map.of("setCoverage", Map.of("teamMember", account + "/randy", "stakeholder", account + "/deng",
                        "coverage", "IN_DEPTH")));
    }

    private String create(String account, List<Map<String, Object>> changes) {
        return graphQl.documentName("createScenario")
                .variable("input", Map.of("opportunity", account + "/" + DEAL, "name", "Sam neutral, Kim gone",
                        "changes", changes))
                .execute().errors().verify().path("createScenario.scenario.id").entity(String.class).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scenario(String id) {
        return graphQl.documentName("scenario").variable("id", id).execute().errors().verify()
                .path("scenario").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> realAnalysis(String account) {
        return graphQl.documentName("realAnalysis").variable("account", account)
                .variable("opportunity", account + "/" + DEAL).execute().errors().verify()
                .path("").entity(Map.class).get();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScenarioEqualsTheAnalysisOfTheMapChangedTheSameWay() {
        String id = create(REAL, changes(REAL));
        Map<String, Object> scenario = scenario(id);
        Map<String, Object> comparison = (Map<String, Object>) scenario.get("comparison");

        // The same changes really made to the copy, through applyScenario (the map's own edits).
        String copyId = create(COPY, changes(COPY));
        graphQl.documentName("applyScenario").variable("id", copyId).execute().errors().verify();
        Map<String, Object> changedCopy = realAnalysis(COPY);
        assertSameResults((Map<String, Object>) comparison.get("scenario"), changedCopy);
        // And today's side is today's real analysis.
        assertSameResults((Map<String, Object>) comparison.get("today"), realAnalysis(REAL));

        // The advice on the changed copy (a scenario without changes) is the scenario's advice.
        String unchanged = create(COPY, List.of());
        Map<String, Object> copyToday = (Map<String, Object>) ((Map<String, Object>) scenario(unchanged)
                .get("comparison")).get("today");
        assertThat(((Map<String, Object>) comparison.get("scenario")).get("advice")).isEqualTo(copyToday.get("advice"));

        // The differences, as codes and people.
        List<Map<String, Object>> people = (List<Map<String, Object>>) comparison.get("people");
        Map<String, Map<String, Object>> byKey = people.stream().collect(Collectors.toMap(
                p -> (String) ((Map<String, Object>) p.get("person")).get("key"), p -> p));
        assertThat(byKey.get("deng")).containsEntry("statusBefore", "NON_SUPPORTER").containsEntry("statusAfter", "NEUTRAL");
        assertThat((List<String>) byKey.get("deng").get("changed")).contains("STATUS");
        assertThat((String) byKey.get("deng").get("description")).startsWith("Sam Ortiz: ")
                .contains("status NON_SUPPORTER → NEUTRAL");
        assertThat((List<String>) byKey.get("rnd").get("changed")).containsExactly("LEFT");
        assertThat(byKey.get("rnd").get("description")).isEqualTo("Kim Novak: leaves");
        assertThat((List<String>) byKey.get("nina").get("changed")).containsExactly("JOINED");
        assertThat(scenario.get("changes")).asList().hasSize(7);
        assertThat(((Map<String, Object>) ((List<?>) scenario.get("changes")).get(0)).get("description"))
                .isEqualTo("Sam Ortiz: status NEUTRAL");
        // Every warning difference is consistent with the two sides.
        Map<String, Object> today = (Map<String, Object>) comparison.get("today");
        Map<String, Object> after = (Map<String, Object>) comparison.get("scenario");
        for (Map<String, Object> w : (List<Map<String, Object>>) comparison.get("warnings")) {
            boolean was = codes(today).contains(w.get("code"));
            boolean is = codes(after).contains(w.get("code"));
            assertThat(w.get("change")).isEqualTo(!was ? "NEW" : !is ? "GONE" : "CHANGED");
            assertThat((String) w.get("description")).startsWith(w.get("code") + ": ");
        }
        assertThat((List<?>) comparison.get("ratings")).hasSize(4);
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> results) {
        return ((List<Map<String, Object>>) results.get("warnings")).stream().map(w -> (String) w.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    private static void assertSameResults(Map<String, Object> results, Map<String, Object> real) {
        Map<String, Object> circle = (Map<String, Object>) real.get("innerCircle");
        assertThat(keys((List<Map<String, Object>>) results.get("candidates")))
                .isEqualTo(((List<Map<String, Object>>) circle.get("candidates")).stream()
                        .map(c -> (String) ((Map<String, Object>) c.get("person")).get("key")).toList());
        List<Map<String, Object>> realWarnings = ((List<Map<String, Object>>) ((Map<String, Object>) real
                .get("mapHealth")).get("warnings"));
        assertThat(warnings((List<Map<String, Object>>) results.get("warnings"), false))
                .isEqualTo(warnings(realWarnings, true));
        List<Map<String, Object>> realStrategies = (List<Map<String, Object>>) ((Map<String, Object>) real
                .get("relationshipStrategies")).get("stakeholders");
        assertThat(results.get("strategies")).isEqualTo(realStrategies);
        Map<Integer, Object> suggested = new HashMap<>();
        for (Map<String, Object> q : (List<Map<String, Object>>) ((Map<String, Object>) real.get("assessment")).get("questions")) {
            for (Map<String, Object> c : (List<Map<String, Object>>) q.get("criteria")) {
                if (c.get("suggested") != null) {
                    suggested.put((Integer) c.get("number"), ((Map<String, Object>) c.get("suggested")).get("rating"));
                }
            }
        }
        Map<Integer, Object> ratings = ((List<Map<String, Object>>) results.get("ratings")).stream()
                .collect(Collectors.toMap(r -> (Integer) r.get("criterion"), r -> r.get("rating")));
        assertThat(ratings).isEqualTo(suggested).containsOnlyKeys(9, 11, 12, 15);
    }

    @SuppressWarnings("unchecked")
    private static List<String> warnings(List<Map<String, Object>> warnings, boolean real) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> w : warnings) {
            lines.add(w.get("code") + " " + w.get("severity") + " " + keys((List<Map<String, Object>>) w.get("people"))
                    + " " + w.get("message"));
        }
        lines.sort(Comparator.naturalOrder());
        return lines;
    }

    private static List<String> keys(List<Map<String, Object>> people) {
        return people.stream().map(p -> (String) p.get("key")).toList();
    }

    @Test
    void scenarioWorkLeavesTheRealMapAndItsVersionUnchanged() {
        long version = version(REAL);
        long changeSets = count("MATCH (c:ChangeSet {account: $a}) RETURN count(c)");
        String facts = facts();
        String id = create(REAL, changes(REAL));
        scenario(id);
        graphQl.document("mutation($input: UpdateScenarioInput!) { updateScenario(input: $input) { scenario { id } } }")
                .variable("input", Map.of("id", id, "name", "renamed", "changes", changes(REAL).subList(0, 2)))
                .execute().errors().verify();
        scenario(id);
        assertThat(version(REAL)).isEqualTo(version);
        assertThat(count("MATCH (c:ChangeSet {account: $a}) RETURN count(c)")).isEqualTo(changeSets);
        assertThat(facts()).isEqualTo(facts);
        graphQl.document("mutation($id: ID!) { deleteScenario(id: $id) { removed } }").variable("id", id)
                .execute().errors().verify();
        assertThat(version(REAL)).isEqualTo(version);
        assertThat(facts()).isEqualTo(facts);
    }

    @Test
    @SuppressWarnings("unchecked")
    void applyingChangesTheMapInOneAuditedTransaction() {
        long version = version(REAL);
        String id = create(REAL, changes(REAL));
        Map<String, Object> applied = graphQl.documentName("applyScenario").variable("id", id).execute().errors()
                .verify().path("applyScenario").entity(Map.class).get();
        assertThat(((Number) applied.get("version")).longValue()).isGreaterThan(version);
        assertThat(((Map<String, Object>) applied.get("scenario")).get("appliedBy")).isEqualTo("admin");
        assertThat(count("MATCH (s:Stakeholder {account: $a, key: 'rnd'}) RETURN count(s)")).isZero();
        assertThat(Neo4jHarness.cypher("MATCH (:Stakeholder {account: $a, key: 'deng'})-[i:INVOLVED_IN]->() RETURN i.status AS s",
                Map.of("a", REAL)).get(0).get("s").asString()).isEqualTo("NEUTRAL");
        // Audited: every change set after the scenario's version is by the user who applied it, one per edit
        // (the person who joins with a role is two: created, then involved).
        List<String> by = Neo4jHarness.cypher(
                "MATCH (c:ChangeSet {account: $a}) WHERE c.version > $v RETURN c.by AS by", Map.of("a", REAL, "v", version))
                .stream().map(r -> r.get("by").asString()).toList();
        assertThat(by).hasSize(8).containsOnly("admin");
        // Applied once only.
        graphQl.documentName("applyScenario").variable("id", id).execute().errors().satisfy(errors ->
                assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_REQUEST")
                        .containsEntry("field", "id"));
    }

    @Test
    void applyingIsRefusedWhenTheMapChangedSince() {
        String id = create(REAL, changes(REAL));
        graphQl.document("mutation { updateStakeholder(input: {id: \"" + REAL + "/pmm\", notes: \"moved\"}) { stakeholder { id } } }")
                .execute().errors().verify();
        long version = version(REAL);
        String facts = facts();
        graphQl.documentName("applyScenario").variable("id", id).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions()).containsEntry("classification", "CONFLICT")
                    .containsEntry("currentVersion", (int) version);
        });
        assertThat(version(REAL)).isEqualTo(version);
        assertThat(facts()).isEqualTo(facts);
    }

    @Test
    void purgingAnOpportunityOrItsAccountTakesItsScenariosWithIt() {
        create(REAL, changes(REAL));
        create(COPY, changes(COPY));
        String deal = REAL + "/" + DEAL;
        graphQl.document("mutation($id: ID!) { archiveOpportunity(id: $id) { opportunity { id } } }").variable("id", deal)
                .execute().errors().verify();
        graphQl.document("mutation($id: ID!) { purgeOpportunity(id: $id) { purged } }").variable("id", deal)
                .execute().errors().verify();
        // A new deal under the purged one's key starts without the old deal's scenarios.
        graphQl.document("mutation { createOpportunity(input: {account: \"" + REAL + "\", key: \"" + DEAL
                        + "\", name: \"Again\"}) { opportunity { id } } }").execute().errors().verify();
        graphQl.document("query($o: ID!) { scenarios(opportunity: $o) { id } }").variable("o", deal).execute().errors()
                .verify().path("scenarios").entityList(Object.class).hasSize(0);
        assertThat(count("MATCH (s:Scenario {account: '" + COPY + "'}) RETURN count(s) AS n")).isEqualTo(1);

        // An account purge takes its scenarios and their changes, which carry no account key of their own.
        graphQl.document("mutation { archiveAccount(key: \"" + COPY + "\") { account { key } } }").execute().errors()
                .verify();
        graphQl.document("mutation { purgeAccount(key: \"" + COPY + "\") { purged } }").execute().errors().verify();
        assertThat(count("MATCH (s:Scenario) RETURN count(s) AS n")).isZero();
        assertThat(count("MATCH (c:ScenarioChange) RETURN count(c) AS n")).isZero();
    }

    @Test
    void theMigrationDeletesWhatEarlierPurgesLeftBehind() throws Exception {
        String kept = create(REAL, changes(REAL));
        // What a purge left before the fix: a scenario of an opportunity that is gone, and a change no scenario holds.
        Neo4jHarness.cypher("""
                CREATE (:Scenario {account: $a, key: 'left', opportunity: 'gone'})-[:HAS_CHANGE]->(:ScenarioChange {kind: 'PERSON_LEAVES'})
                CREATE (:ScenarioChange {kind: 'PERSON_LEAVES'})""", Map.of("a", REAL));
        String changelog = Files.readString(Path.of("cypher/schema/019-scenarios-of-purged-opportunities.cypher"))
                .lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n"));
        for (String statement : changelog.split(";")) {
            if (!statement.isBlank()) {
                Neo4jHarness.cypher(statement.strip(), Map.of());
            }
        }
        assertThat(count("MATCH (s:Scenario) RETURN count(s)")).isEqualTo(1);
        assertThat(count("MATCH (c:ScenarioChange) RETURN count(c)")).isEqualTo(changes(REAL).size());
        assertThat(scenario(kept).get("name")).isEqualTo("Sam neutral, Kim gone");
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        refused(REAL + "/" + DEAL, List.of(Map.of("personLeaves", REAL + "/nobody")),
                "input.changes[0].personLeaves", "NOT_FOUND");
        refused(REAL + "/" + DEAL, List.of(Map.of("addInfluence", Map.of("from", REAL + "/deng", "to", REAL + "/deng"))),
                "input.changes[0].addInfluence.to", "BAD_REQUEST");
        refused(REAL + "/no-such-deal", List.of(), "input.opportunity", "NOT_FOUND");
        refused(REAL + "/" + DEAL, List.of(Map.of("setReportsTo", Map.of("stakeholder", REAL + "/svp", "manager", REAL + "/ops"))),
                "input.changes[0].setReportsTo.manager", "BAD_REQUEST");
        refused(REAL + "/" + DEAL, List.of(Map.of()), "input.changes[0]", "BAD_REQUEST");
        // A change that needs an earlier one: the line to a person who joins in the same scenario is fine.
        create(REAL, List.of(
                Map.of("personJoins", Map.of("key", "nina", "name", "Nina Brandt")),
                Map.of("addInfluence", Map.of("from", REAL + "/nina", "to", REAL + "/svp"))));
    }

    private void refused(String opportunity, List<Map<String, Object>> changes, String field, String classification) {
        long version = version(REAL);
        long scenarios = count("MATCH (s:Scenario) RETURN count(s)");
        graphQl.documentName("createScenario")
                .variable("input", Map.of("opportunity", opportunity, "name", "bad", "changes", changes))
                .execute().errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    ResponseError e = errors.get(0);
                    assertThat(e.getExtensions()).containsEntry("classification", classification)
                            .containsEntry("field", field);
                });
        assertThat(version(REAL)).isEqualTo(version);
        assertThat(count("MATCH (s:Scenario) RETURN count(s)")).isEqualTo(scenarios);
    }

    private static long version(String account) {
        return Neo4jHarness.cypher("MATCH (a:Account {key: $a}) RETURN a.version AS v", Map.of("a", account))
                .get(0).get("v").asLong();
    }

    private static long count(String cypher) {
        return Neo4jHarness.cypher(cypher, Map.of("a", REAL)).get(0).get(0).asLong();
    }

    /** Every node and relationship of the real account's map, as text, to compare before and after. */
    private static String facts() {
        return Neo4jHarness.cypher("""
                MATCH (n {account: $a}) WHERE NOT n:Scenario AND NOT n:ChangeSet AND NOT n:HistoryFact AND NOT n:HistorySnapshot
                OPTIONAL MATCH (n)-[r]->(m)
                WITH n, r, m ORDER BY n.key, type(r), m.key
                RETURN collect([labels(n), properties(n), type(r), properties(r), m.key]) AS all""",
                Map.of("a", REAL)).get(0).get("all").toString();
    }
}
