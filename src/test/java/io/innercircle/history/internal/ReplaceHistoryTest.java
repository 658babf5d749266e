package io.innercircle.history.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.innercircle.bundle.BundleGenerator;
import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.QueryCounter;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bundle import that replaces the map tells the history what it wrote, and the history records that instead of
 * reading the map back: one read of the map (the import's own statements), not two. What it records must be exactly
 * what reading the map gives, or a later edit or import would see changes that did not happen.
 */
class ReplaceHistoryTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "national-manufacturing";

    @Autowired
    private HistoryRecorder recorder;

    @Autowired
    private FactReader facts;

    @Autowired
    private History history;

    @Test
    void theRecordedFactsAreWhatReadingTheMapGivesAndTheMapIsNotReadBack() throws Exception {
        ObjectNode bundle = (ObjectNode) JSON.readTree(TestBundles.read("course-example.json"));
        ObjectNode deal = (ObjectNode) bundle.path("opportunities").get(0);
        // Everything a bundle can hold: tactic targets, relationship plans (with dates) and box positions too.
        ((ObjectNode) deal.path("tactics").get(0)).set("targets", JSON.valueToTree(List.of("deng", "svp")));
        ArrayNode plans = deal.putArray("relationshipPlans");
        plans.addObject().put("stakeholder", "deng").put("strategy", "LEVERAGE").put("owner", "randy")
                .put("nextStep", "Lunch").put("due", "2027-01-15");
        plans.addObject().put("stakeholder", "svp");
        deal.putArray("positions").addObject().put("stakeholder", "svp").put("x", 10.5).put("y", -3);

        QueryCounter queries = QueryCounter.get();
        queries.reset();
        post(bundle);
        HistoryRecorder.Timing first = recorder.last();
        assertThat(first.told()).as("the replace told the history what it wrote").isTrue();
        assertThat(queries.queries()).as("no query reads the people back")
                .noneMatch(q -> q.contains("Stakeholder") && q.contains("properties(n)"));
        assertThat(json(history.current(ACCOUNT))).isEqualTo(json(facts.read(ACCOUNT)));

        // The same bundle again: nothing changed, so no change set; then a different map of the same account.
        post(bundle);
        assertThat(changeSets()).isEqualTo(1);
        deal.remove("relationshipPlans");
        ((ObjectNode) bundle.path("stakeholders").get(0)).put("title", "Senior Vice President, Operations");
        post(bundle);
        assertThat(recorder.last().told()).isTrue();
        assertThat(recorder.last().changes()).isGreaterThanOrEqualTo(2);
        assertThat(changeSets()).isEqualTo(2);
        assertThat(json(history.current(ACCOUNT))).isEqualTo(json(facts.read(ACCOUNT)));
    }

    @Test
    void aGeneratedMapIsRecordedAsReadingItWouldGive() {
        String generated = BundleGenerator.toJson(BundleGenerator.generate("generated", 300, 5));
        post(generated);
        assertThat(recorder.last().told()).isTrue();
        assertThat(recorder.last().facts()).isGreaterThan(300);
        assertThat(json(history.current("generated"))).isEqualTo(json(facts.read("generated")));
    }

    @Test
    void aMapReplacedByAnotherIsRecordedWholeAndTheMirrorHoldsEachFactOnce() {
        post(BundleGenerator.toJson(BundleGenerator.generate("generated", 300, 5)));
        int before = recorder.last().facts();
        post(BundleGenerator.toJson(BundleGenerator.generate("generated", 300, 6)));
        // Different lines between the same keys: lines removed, lines added, people changed.
        assertThat(recorder.last().changes()).isGreaterThan(before / 2);
        assertThat(json(history.current("generated"))).isEqualTo(json(facts.read("generated")));
        assertThat(factsHeldTwice("generated")).isZero();
    }

    @Test
    void aLargeChangeSetIsStoredPackedAndTheHistoryReadsItBackEntryForEntry() {
        Instant imported = Instant.parse("2026-03-02T09:00:00Z");
        clock.set(imported);
        post(BundleGenerator.toJson(BundleGenerator.generate("generated", 150, 5)));
        Map<String, String> firstMap = json(facts.read("generated"));
        clock.advance(Duration.ofHours(1));
        post(BundleGenerator.toJson(BundleGenerator.generate("generated", 150, 6)));
        String person = facts.read("generated").values().stream().filter(f -> f.type().equals("Stakeholder"))
                .map(Fact::key).findFirst().orElseThrow();
        clock.advance(Duration.ofHours(1));
        graphQl.documentName("updateStakeholder")
                .variable("input", Map.of("id", "generated/" + person, "title", "Chief of Staff")).execute()
                .path("updateStakeholder.stakeholder.title").entity(String.class).isEqualTo("Chief of Staff");

        List<Map<String, Object>> stored = Neo4jHarness.cypher("""
                MATCH (c:ChangeSet {account: 'generated'})
                RETURN c.size AS size, c.changes IS NULL AS unlisted, c.packed IS NULL AS unpacked
                ORDER BY c.version""", Map.of()).stream().map(r -> r.asMap()).toList();
        assertThat(stored).hasSize(3);
        assertThat(stored.get(0)).containsEntry("size", (long) firstMap.size()).containsEntry("unlisted", true)
                .containsEntry("unpacked", false);
        assertThat(stored.get(1)).containsEntry("unlisted", true).containsEntry("unpacked", false);
        assertThat(stored.get(2)).containsEntry("size", 1L).containsEntry("unlisted", false)
                .containsEntry("unpacked", true);

        List<History.StoredChangeSet> sets = history.changeSets("generated", null, null, false);
        assertThat(sets).extracting(set -> (long) set.entries().size())
                .containsExactlyElementsOf(stored.stream().map(row -> (Long) row.get("size")).toList());
        assertThat(sets.get(0).entries()).allMatch(e -> e.before() == null && e.after() != null);
        // Replayed back through both packed change sets and the listed one: the first map, fact for fact.
        assertThat(json(history.at("generated", OffsetDateTime.ofInstant(imported.plusSeconds(60), ZoneOffset.UTC))))
                .isEqualTo(firstMap);
    }

    @Test
    void aFactHeldTwiceInTheMirrorIsRemovedWithTheNextChange() {
        post(BundleGenerator.toJson(BundleGenerator.generate("generated", 50, 5)));
        String person = facts.read("generated").values().stream().filter(f -> f.type().equals("Stakeholder"))
                .map(Fact::key).findFirst().orElseThrow();
        // What a write that skipped its account's lock could leave: a second entry for one fact.
        Neo4jHarness.cypher("""
                MATCH (h:HistoryFact {account: 'generated', fact: $fact})
                CREATE (copy:HistoryFact) SET copy = properties(h)""", Map.of("fact", "Stakeholder:" + person));
        assertThat(factsHeldTwice("generated")).isEqualTo(1);

        graphQl.documentName("updateStakeholder")
                .variable("input", Map.of("id", "generated/" + person, "title", "Chief of Staff")).execute()
                .path("updateStakeholder.stakeholder.title").entity(String.class).isEqualTo("Chief of Staff");

        assertThat(factsHeldTwice("generated")).isZero();
        assertThat(json(history.current("generated"))).isEqualTo(json(facts.read("generated")));
        assertThat(recorder.last().changes()).isEqualTo(1);
    }

    private static long factsHeldTwice(String account) {
        return (long) Neo4jHarness.database().executeTransactionally("""
                MATCH (h:HistoryFact {account: $account})
                WITH h.fact AS fact, count(*) AS entries WHERE entries > 1
                RETURN count(fact) AS n""", Map.of("account", account), r -> r.next().get("n"));
    }

    private void post(Object bundle) {
        http.post().uri("/api/bundles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bundle instanceof String s ? s : bundle.toString()).exchange().expectStatus().isOk();
    }

    private static long changeSets() {
        return (long) Neo4jHarness.database().executeTransactionally(
                "MATCH (c:ChangeSet {account: $account}) RETURN count(c) AS n", Map.of("account", ACCOUNT),
                r -> r.next().get("n"));
    }

    /** Facts as their stored text, by id: equal text is what the history compares. */
    private static Map<String, String> json(Map<String, Fact> facts) {
        Map<String, String> out = new TreeMap<>();
        facts.forEach((id, f) -> out.put(id, FactCodec.write(f)));
        return out;
    }
}
