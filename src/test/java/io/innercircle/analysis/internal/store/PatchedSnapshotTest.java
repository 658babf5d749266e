package io.innercircle.analysis.internal.store;

import io.innercircle.analysis.MapSnapshot;
import io.innercircle.bundle.BundleGenerator;
import io.innercircle.bundle.internal.Bundle;
import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A map too big to analyse in the write's transaction is refreshed after each edit from the map it had plus what
 * the edit changed at its people. That map must be exactly the one a whole read gives, in the same order (the
 * order of the influence lines decides how betweenness is added up), for every kind of edit at people; and a
 * change the app was not told of makes it read the whole map.
 */
class PatchedSnapshotTest extends IntegrationTest {

    static final String ACCOUNT = "patched";

    @Autowired
    AnalysisRefresher refresher;
    @Autowired
    AnalysisCache cache;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    MeterRegistry metrics;

    @Test
    void everyEditAtPeopleGivesTheMapAWholeReadGives() throws Exception {
        // Over the in-transaction size (300 people), so edits are analysed in the background from the cached map.
        Bundle bundle = BundleGenerator.generate(ACCOUNT, 320, 11);
        http.post().uri("/api/bundles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(BundleGenerator.toJson(bundle)).exchange().expectStatus().isOk();
        refresher.refreshLater(ACCOUNT).get();

        Bundle.Influence line = bundle.influences().get(0);
        Bundle.Opportunity deal = bundle.opportunities().get(0);
        Bundle.Roles roles = deal.roles().get(0);
        String a = id(bundle.stakeholders().get(10).key());
        String b = id(bundle.stakeholders().get(20).key());
        String member = id(bundle.team().get(0).key());
        List<Runnable> edits = List.of(
                () -> mutate("setInfluence", "input", Map.of("from", id(line.from()), "to", id(line.to()),
                        "strength", Integer.valueOf(3).equals(line.strength()) ? 1 : 3)),
                () -> mutate("setInfluence", "input", Map.of("from", a, "to", b, "strength", 2)),
                () -> graphQl.documentName("removeInfluence").variable("from", id(line.from()))
                        .variable("to", id(line.to())).execute().path("removeInfluence.removed").hasValue(),
                () -> mutate("createStakeholder", "input", Map.of("account", ACCOUNT, "key", "newcomer",
                        "name", "Newcomer", "department", "Finance", "reportsTo", a)),
                () -> mutate("setInfluence", "input", Map.of("from", id("newcomer"), "to", b, "strength", 3)),
                () -> mutate("updateStakeholder", "input", Map.of("id", b, "title", "Chief of Staff", "rank", 4)),
                () -> graphQl.documentName("setReportsTo").variable("stakeholder", b).variable("manager", a)
                        .execute().path("setReportsTo.stakeholder.id").hasValue(),
                () -> mutate("setConflict", "input", Map.of("between", List.of(a, id("newcomer")))),
                () -> mutate("recordContact", "input", Map.of("teamMember", member, "stakeholder", b,
                        "coverage", "IN_DEPTH", "lastContact", "2026-11-02")),
                () -> mutate("setInvolvement", "input", Map.of("opportunity", ACCOUNT + "/" + deal.key(),
                        "stakeholder", id(roles.stakeholder()), "roles", roles.roles(), "status", "MENTOR")),
                () -> mutate("setRelationshipPlan", "input", Map.of("opportunity", ACCOUNT + "/" + deal.key(),
                        "stakeholder", id(roles.stakeholder()), "nextStep", "Lunch", "due", "2026-12-20")),
                () -> graphQl.documentName("removeStakeholder").variable("id", a).execute()
                        .path("removeStakeholder.removed").hasValue());

        int patched = 0;
        for (Runnable edit : edits) {
            double before = reads("patched");
            edit.run();
            refresher.refreshLater(ACCOUNT).get();
            MapSnapshot analysed = cache.peek(ACCOUNT).orElseThrow().analysis().network().source();
            MapSnapshot whole = new MapSnapshotReader(neo4j).read(ACCOUNT).orElseThrow();
            assertThat(analysed.version()).isEqualTo(whole.version());
            assertThat(analysed).isEqualTo(whole);
            patched += (int) (reads("patched") - before);
        }
        // All but the relationship plan (a plan node, not a person: the whole map is read) were patched.
        assertThat(patched).isEqualTo(edits.size() - 1);

        // A write the app is not told of (here straight into the database) is never patched over.
        Neo4jHarness.database().executeTransactionally("""
                MATCH (a:Account {key: $a}) SET a.version = a.version + 1
                WITH a MATCH (s:Stakeholder {account: $a, key: $k}) SET s.title = 'Changed behind the app'""",
                Map.of("a", ACCOUNT, "k", bundle.stakeholders().get(30).key()));
        double patchedBefore = reads("patched");
        double wholeBefore = reads("whole");
        mutate("updateStakeholder", "input", Map.of("id", b, "title", "Head of Operations"));
        refresher.refreshLater(ACCOUNT).get();
        MapSnapshot analysed = cache.peek(ACCOUNT).orElseThrow().analysis().network().source();
        assertThat(analysed).isEqualTo(new MapSnapshotReader(neo4j).read(ACCOUNT).orElseThrow());
        assertThat(analysed.people()).filteredOn(p -> p.key().equals(bundle.stakeholders().get(30).key()))
                .extracting(MapSnapshot.Person::title).containsExactly("Changed behind the app");
        assertThat(reads("patched")).isEqualTo(patchedBefore);
        assertThat(reads("whole")).isEqualTo(wholeBefore + 1);
    }

    /** innercircle_analysis_map_reads_total{read=...}, as operators scrape it. */
    private double reads(String read) {
        var counter = metrics.find("innercircle.analysis.map.reads").tag("read", read).counter();
        return counter == null ? 0 : counter.count();
    }

    private void mutate(String document, String variable, Map<String, Object> value) {
        graphQl.documentName(document).variable(variable, value).execute().path(document).hasValue();
    }

    private static String id(String key) {
        return ACCOUNT + "/" + key;
    }
}
