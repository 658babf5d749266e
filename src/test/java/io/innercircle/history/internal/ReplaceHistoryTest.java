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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.neo4j.core.Neo4jClient;
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

    @Autowired
    private MirrorSnapshots snapshots;

    @Autowired
    private Neo4jClient neo4j;

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
        // An edited fact has an entry of its own over the snapshot.
        graphQl.documentName("updateStakeholder")
                .variable("input", Map.of("id", "generated/" + person, "title", "Head of Staff")).execute()
                .path("updateStakeholder.stakeholder.title").entity(String.class).isEqualTo("Head of Staff");
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

    @Test
    void aBigImportIsOneSnapshotAndTheEditsSinceAreEntriesOverIt() {
        Instant imported = Instant.parse("2026-03-02T09:00:00Z");
        clock.set(imported);
        post(BundleGenerator.toJson(BundleGenerator.generate("generated", 300, 5)));
        Map<String, String> firstMap = json(facts.read("generated"));
        assertThat(firstMap.size()).isGreaterThan(HistoryRecorder.SNAPSHOT_FROM);
        assertThat(count("HistorySnapshot", "generated")).isEqualTo(1);
        assertThat(count("HistoryFact", "generated")).isZero();
        List<String> people = firstMap.keySet().stream().filter(id -> id.startsWith("Stakeholder:"))
                .map(Fact::keyOf).toList();
        String line = firstMap.keySet().stream().filter(id -> id.startsWith("INFLUENCES|")).findFirst().orElseThrow();
        String from = Fact.keyOf(line.split("\\|")[1]);
        String to = Fact.keyOf(line.split("\\|")[2]);

        // Edits: a changed person, a removed line, a removed person (their lines with them), a new line.
        clock.advance(Duration.ofHours(1));
        graphQl.documentName("updateStakeholder")
                .variable("input", Map.of("id", "generated/" + people.get(0), "title", "Chief of Staff")).execute()
                .path("updateStakeholder.stakeholder.title").entity(String.class).isEqualTo("Chief of Staff");
        assertThat(recorder.last().changes()).isEqualTo(1);
        graphQl.documentName("removeInfluence").variable("from", "generated/" + from)
                .variable("to", "generated/" + to).execute()
                .path("removeInfluence.removed[0]").entity(String.class)
                .isEqualTo("generated/" + from + " -> generated/" + to);
        assertThat(recorder.last().changes()).isEqualTo(1);
        // Another instance, or this one after a restart, reads the snapshot from the database.
        snapshots.forgetAll();
        String removedPerson = people.get(1);
        long linesAtRemoved = firstMap.keySet().stream()
                .filter(id -> id.contains("|Stakeholder:" + removedPerson + "|") || id.endsWith("|Stakeholder:"
                        + removedPerson)).count();
        graphQl.documentName("removeStakeholder").variable("id", "generated/" + removedPerson).execute()
                .path("removeStakeholder.removed").entityList(String.class).contains("generated/" + removedPerson);
        assertThat(recorder.last().changes()).as("the person and every line at them")
                .isEqualTo(1 + linesAtRemoved - (from.equals(removedPerson) || to.equals(removedPerson) ? 1 : 0));
        graphQl.documentName("setInfluence").variable("input", Map.of("from", "generated/" + from,
                        "to", "generated/" + to, "strength", 2)).execute()
                .path("setInfluence.influence.strength").entity(Integer.class).isEqualTo(2);

        assertThat(count("HistorySnapshot", "generated")).isEqualTo(1);
        assertThat(count("HistoryFact", "generated")).as("entries for what the edits touched, not the map")
                .isBetween(3L, 3L + linesAtRemoved);
        assertThat(json(history.current("generated"))).isEqualTo(json(facts.read("generated")));
        snapshots.forgetAll();
        assertThat(json(history.current("generated"))).isEqualTo(json(facts.read("generated")));
        // The map before the edits, replayed from the snapshot, the entries and the change sets.
        assertThat(json(history.at("generated", OffsetDateTime.ofInstant(imported.plusSeconds(60), ZoneOffset.UTC))))
                .isEqualTo(firstMap);

        // The first bundle again: the edits undone, each compared with its entry or with the snapshot.
        clock.advance(Duration.ofHours(1));
        post(BundleGenerator.toJson(BundleGenerator.generate("generated", 300, 5)));
        assertThat(recorder.last().changes()).isPositive()
                .isLessThan(HistoryRecorder.SNAPSHOT_FROM);
        assertThat(json(history.current("generated"))).isEqualTo(firstMap);
        // Another map: a new snapshot, and the entries go.
        String oldSnapshot = snapshotId("generated");
        post(BundleGenerator.toJson(BundleGenerator.generate("generated", 300, 6)));
        assertThat(count("HistorySnapshot", "generated")).isEqualTo(1);
        assertThat(count("HistoryFact", "generated")).isZero();
        assertThat(snapshotId("generated")).isNotEqualTo(oldSnapshot);
        assertThat(json(history.current("generated"))).isEqualTo(json(facts.read("generated")));
        assertThat(json(history.at("generated", OffsetDateTime.ofInstant(imported.plusSeconds(60), ZoneOffset.UTC))))
                .isEqualTo(firstMap);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    @ResourceLock(Resources.SYSTEM_OUT)
    void aSnapshotLargerThanTheCacheIsReadAgainEachTimeAndSaysSo(CapturedOutput output) {
        post(BundleGenerator.toJson(BundleGenerator.generate("generated", 300, 5)));
        MirrorSnapshots tiny = new MirrorSnapshots(neo4j, 10);
        MirrorSnapshot first = tiny.of("generated");
        MirrorSnapshot again = tiny.of("generated");
        assertThat(again).as("not kept").isNotSameAs(first);
        assertThat(again.size()).isEqualTo(first.size()).isEqualTo(facts.read("generated").size());
        assertThat(again.id()).isEqualTo(snapshotId("generated"));
        assertThat(output).contains("innercircle.history.mirror-cache-chars = 10");
    }

    private static long count(String label, String account) {
        // Labels are the two fixed names above.
        return (long) Neo4jHarness.database().executeTransactionally(
                "MATCH (n:" + label + " {account: $account}) RETURN count(n) AS n", Map.of("account", account),
                r -> r.next().get("n"));
    }

    private static String snapshotId(String account) {
        return (String) Neo4jHarness.database().executeTransactionally(
                "MATCH (s:HistorySnapshot {account: $account}) RETURN s.id AS id", Map.of("account", account),
                r -> r.next().get("id"));
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
