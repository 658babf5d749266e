package io.innercircle.analysis.internal.store;

import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.health.HealthParameters;
import io.innercircle.analysis.health.HealthWarning;
import io.innercircle.analysis.innercircle.PersonInfluence;
import io.innercircle.bundle.BundleGenerator;
import io.innercircle.bundle.internal.Bundle;
import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.Subscriptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored analysis of a 2,000-person map (refreshed in the background: it is over the in-transaction size)
 * equals the analysis computed in memory from the same map: every person's results, every warning, and the
 * coverage gaps a coach pages through.
 */
@Tag("slow")
class StoredAnalysisLargeMapTest extends IntegrationTest {

    static final String ACCOUNT = "large-2000";

    @Autowired
    AnalysisStore store;
    @Autowired
    AnalysisRefresher refresher;
    @Autowired
    org.springframework.data.neo4j.core.Neo4jClient neo4j;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void theStoredAnalysisOfTwoThousandPeopleEqualsTheComputation() throws Exception {
        Bundle bundle = BundleGenerator.generate(ACCOUNT, 2_000, 7);
        http.post().uri("/api/bundles").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(BundleGenerator.toJson(bundle))
                .exchange().expectStatus().isOk();
        long version = ((Number) Neo4jHarness.database().executeTransactionally(
                "MATCH (a:Account {key: $a}) RETURN a.version AS v", Map.of("a", ACCOUNT),
                r -> r.next().get("v"))).longValue();
        refresher.refreshLater(ACCOUNT).get();
        assertThat(store.state(ACCOUNT)).get().extracting(AnalysisStore.State::version).isEqualTo(version);

        // Computed here from scratch, not taken from the app's cache.
        AnalysedAccount computed = AnalysedAccount.of(new MapSnapshotReader(neo4j).read(ACCOUNT).orElseThrow());
        assertThat(computed.version()).isEqualTo(version);
        List<Map<String, Object>> people = Neo4jHarness.database().executeTransactionally("""
                MATCH (p:StakeholderAnalysis {account: $a})
                RETURN p.key AS key, p.computedInfluence AS influence, p.computedLevel AS level, p.band AS band,
                       p.candidate AS candidate, p.innerCircle AS innerCircle ORDER BY key""", Map.of("a", ACCOUNT),
                r -> r.stream().toList());
        assertThat(people).hasSize(2_000);
        for (Map<String, Object> row : people) {
            PersonInfluence p = computed.innerCircle().require((String) row.get("key"));
            assertThat((Double) row.get("influence")).as(p.key()).isEqualTo(p.computedInfluence());
            assertThat(((Number) row.get("level")).intValue()).as(p.key()).isEqualTo(p.computedLevel());
            assertThat(row.get("band")).as(p.key()).isEqualTo(p.band().name());
            assertThat(row.get("candidate")).as(p.key()).isEqualTo(p.candidate());
            assertThat(row.get("innerCircle")).as(p.key()).isEqualTo(p.treatedAsInnerCircle());
        }

        // Every warning of every opportunity, in the order the health check gives them.
        HealthParameters today = HealthParameters.asOf(LocalDate.now(clock));
        List<String> expected = new ArrayList<>();
        computed.network().deals().values().stream().sorted(Comparator.comparing(d -> d.key())).forEach(deal -> {
            int position = 0;
            for (HealthWarning w : computed.health(deal.key(), today).warnings()) {
                expected.add(deal.key() + "#" + position++ + " " + w.severity() + " " + w.code() + " " + w.people());
            }
        });
        List<String> stored = Neo4jHarness.database().executeTransactionally("""
                MATCH (w:HealthWarning {account: $a})
                WITH w ORDER BY w.opportunity, w.position
                RETURN w.opportunity + '#' + w.position + ' ' + w.severity + ' ' + w.code + ' ['
                       + reduce(s = '', k IN w.people | s + CASE s WHEN '' THEN '' ELSE ', ' END + k) + ']' AS line""",
                Map.of("a", ACCOUNT), r -> r.stream().map(m -> (String) m.get("line")).toList());
        assertThat(expected).isNotEmpty();
        assertThat(stored).isEqualTo(expected);

        // coverageGaps over the stored warnings: the same gaps in the same order as the in-memory computation.
        List<String> ranked = new ArrayList<>();
        computed.network().deals().values().forEach(deal -> computed.health(deal.key(), today).warnings()
                .forEach(w -> ranked.add(w.severity().ordinal() + "|" + String.format("%020.2f", 1e15
                        - (deal.amount() == null ? 0.0 : deal.amount())) + "|" + ACCOUNT + "/" + deal.key() + "|"
                        + w.code() + "|" + w.people())));
        // Stable sort: warnings of one opportunity with the same code keep the health check's order.
        List<String> expectedGaps = ranked.stream().sorted(Comparator.comparing(
                (String g) -> g.substring(0, g.lastIndexOf('|')))).map(g -> {
                    String[] f = g.split("\\|");
                    return f[2] + " " + f[3] + " " + f[4];
                }).toList();
        List<String> served = new ArrayList<>();
        String after = null;
        int total;
        do {
            var request = graphQl.documentName("coverageGaps").variable("first", 500);
            if (after != null) {
                request = request.variable("after", after);
            }
            Map<?, ?> page = request.execute().path("coverageGaps").entity(Map.class).get();
            total = ((Number) page.get("totalCount")).intValue();
            for (Object e : (List<?>) page.get("edges")) {
                Map<?, ?> node = (Map<?, ?>) ((Map<?, ?>) e).get("node");
                served.add(((Map<?, ?>) node.get("opportunity")).get("id") + " " + node.get("code") + " "
                        + ((List<?>) node.get("people")).stream().map(p -> ((Map<?, ?>) p).get("key")).toList());
            }
            after = (String) ((Map<?, ?>) page.get("pageInfo")).get("endCursor");
        } while (served.size() < total);
        assertThat(total).isEqualTo(expected.size());
        assertThat(served).isEqualTo(expectedGaps);

        // A status edit moves no person and no line: the next Inner Circle is current at once (not stale, and
        // the same candidates), although a map this big is re-analysed only after its writes commit.
        List<String> candidates = computed.innerCircle().candidates().stream().map(PersonInfluence::key).toList();
        Bundle.Opportunity deal = bundle.opportunities().get(0);
        Bundle.Roles roles = deal.roles().get(0);
        graphQl.documentName("setInvolvement").variable("input", Map.of(
                        "opportunity", ACCOUNT + "/" + deal.key(), "stakeholder", ACCOUNT + "/" + roles.stakeholder(),
                        "roles", roles.roles(), "status", "MENTOR"))
                .execute().path("setInvolvement.involvement.status").entity(String.class).isEqualTo("MENTOR");
        var afterStatus = graphQl.documentName("innerCircleState").variable("account", ACCOUNT).execute();
        afterStatus.path("innerCircle.stale").entity(Boolean.class).isEqualTo(false);
        afterStatus.path("innerCircle.analysisVersion").entity(Long.class)
                .satisfies(v -> assertThat(v).isBetween(version, version + 1));
        afterStatus.path("innerCircle.candidates[*].person.key").entityList(String.class).isEqualTo(candidates);

        // An influence edit does move them: never answered as current from the analysis before it. A client told
        // by the analysisUpdates subscription that the edit's version is analysed reads it current, without polling.
        java.util.concurrent.BlockingQueue<Map<String, Object>> updates =
                new java.util.concurrent.LinkedBlockingQueue<>();
        var socket = Subscriptions.socket(port, "admin");
        var subscription = Subscriptions.subscribe(socket, "analysisUpdates", ACCOUNT, updates);
        Bundle.Influence line = bundle.influences().get(0);
        int strength = Integer.valueOf(3).equals(line.strength()) ? 1 : 3;
        graphQl.documentName("setInfluence").variable("input", Map.of("from", ACCOUNT + "/" + line.from(),
                        "to", ACCOUNT + "/" + line.to(), "strength", strength))
                .execute().path("setInfluence.influence.strength").entity(Integer.class).isEqualTo(strength);
        var afterLine = graphQl.documentName("innerCircleState").variable("account", ACCOUNT).execute();
        boolean stale = afterLine.path("innerCircle.stale").entity(Boolean.class).get();
        long analysed = afterLine.path("innerCircle.analysisVersion").entity(Long.class).get();
        assertThat(stale || analysed == version + 2).as("stale, or analysed at the edit's version").isTrue();
        try {
            long pushed = -1;
            while (pushed < version + 2) {
                Map<String, Object> update = updates.poll(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(update).as("an analysis update up to version %s", version + 2).isNotNull();
                pushed = ((Number) update.get("analysisVersion")).longValue();
            }
            assertThat(pushed).isEqualTo(version + 2);
        } finally {
            subscription.dispose();
            socket.stop().block(java.time.Duration.ofSeconds(10));
        }
        var refreshed = graphQl.documentName("innerCircleState").variable("account", ACCOUNT).execute();
        refreshed.path("innerCircle.stale").entity(Boolean.class).isEqualTo(false);
        refreshed.path("innerCircle.analysisVersion").entity(Long.class).isEqualTo(version + 2);

        // That analysis kept its sweep; after the next line edit the app brings it up to date, searching again
        // only from the people on whose shortest paths the line was or is, and stores what a fresh analysis of
        // the edited map gives, to the last bit.
        double skippedBefore = skippedSources();
        int back = line.strength() == null ? 2 : line.strength();
        graphQl.documentName("setInfluence").variable("input", Map.of("from", ACCOUNT + "/" + line.from(),
                        "to", ACCOUNT + "/" + line.to(), "strength", back))
                .execute().path("setInfluence.influence.strength").entity(Integer.class).isEqualTo(back);
        refresher.refreshLater(ACCOUNT).get();
        assertThat(skippedSources()).isGreaterThan(skippedBefore);
        AnalysedAccount fresh = AnalysedAccount.of(new MapSnapshotReader(neo4j).read(ACCOUNT).orElseThrow());
        assertThat(fresh.version()).isEqualTo(version + 3);
        assertThat(store.state(ACCOUNT)).get().extracting(AnalysisStore.State::version).isEqualTo(version + 3);
        Map<String, Object> storedInfluence = Neo4jHarness.database().executeTransactionally("""
                MATCH (p:StakeholderAnalysis {account: $a}) RETURN p.key AS key, p.computedInfluence AS influence""",
                Map.of("a", ACCOUNT), r -> {
                    Map<String, Object> byKey = new java.util.HashMap<>();
                    r.forEachRemaining(row -> byKey.put((String) row.get("key"), row.get("influence")));
                    return byKey;
                });
        assertThat(storedInfluence).hasSize(2_000);
        fresh.innerCircle().people().forEach(p ->
                assertThat(storedInfluence.get(p.key())).as(p.key()).isEqualTo(p.computedInfluence()));
    }

    private double skippedSources() {
        return meters.get("innercircle.analysis.sweep.sources").tag("search", "skipped").functionCounter().count();
    }
}
