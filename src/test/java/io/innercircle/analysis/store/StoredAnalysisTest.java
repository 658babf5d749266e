package io.innercircle.analysis.store;

import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.innercircle.PersonInfluence;
import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysis written next to the map: equal to the computation, version-checked, incremental, queried. */
class StoredAnalysisTest extends IntegrationTest {

    static final String ACCOUNT = "national-manufacturing";

    @Autowired
    AnalysisCache cache;
    @Autowired
    AnalysisStore store;
    @Autowired
    AnalysisRefresher refresher;

    @Test
    void theStoredAnalysisEqualsTheComputationAndFollowsEdits() {
        TestBundles.importBundle(http, "course-example.json");
        refresher.refreshNow(ACCOUNT);
        AnalysedAccount computed = cache.analysis(ACCOUNT).orElseThrow();
        long version = computed.version();
        assertThat(store.state(ACCOUNT)).get().extracting(AnalysisStore.State::version).isEqualTo(version);

        List<Map<String, Object>> stored = Neo4jHarness.database().executeTransactionally("""
                MATCH (p:StakeholderAnalysis {account: $a})
                RETURN p.key AS key, p.computedInfluence AS influence, p.computedLevel AS level, p.band AS band,
                       p.candidate AS candidate ORDER BY key""", Map.of("a", ACCOUNT),
                r -> r.stream().toList());
        assertThat(stored).hasSize(computed.innerCircle().people().size());
        for (Map<String, Object> row : stored) {
            PersonInfluence p = computed.innerCircle().require((String) row.get("key"));
            assertThat((Double) row.get("influence")).as(p.key()).isEqualTo(p.computedInfluence());
            assertThat(((Number) row.get("level")).intValue()).as(p.key()).isEqualTo(p.computedLevel());
            assertThat(row.get("band")).as(p.key()).isEqualTo(p.band().name());
            assertThat(row.get("candidate")).as(p.key()).isEqualTo(p.candidate());
        }

        // A status edit moves no line: health is recomputed, centralities are not.
        graphQl.documentName("setInvolvement").variable("input", Map.of(
                        "opportunity", ACCOUNT + "/customer-service-2027", "stakeholder", ACCOUNT + "/mfg",
                        "roles", List.of("EVALUATOR", "USER"), "status", "MENTOR"))
                .execute().path("setInvolvement.involvement.status").entity(String.class).isEqualTo("MENTOR");
        refresher.refreshNow(ACCOUNT);
        AnalysedAccount after = cache.analysis(ACCOUNT).orElseThrow();
        assertThat(after.version()).isGreaterThan(version);
        assertThat(after.centralitiesReused()).isTrue();
        assertThat(store.state(ACCOUNT)).get().extracting(AnalysisStore.State::version).isEqualTo(after.version());

        // An older result never replaces a newer one.
        assertThat(store.write(computed, LocalDate.now())).isFalse();
        assertThat(store.state(ACCOUNT)).get().extracting(AnalysisStore.State::version).isEqualTo(after.version());
    }

    @Test
    void twoInstancesRacingToRefreshNeverStoreAnOlderResultOverANewerOne(
            @Autowired org.springframework.data.neo4j.core.Neo4jClient neo4j,
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions,
            @Autowired org.springframework.core.env.Environment environment) throws Exception {
        TestBundles.importBundle(http, "course-example.json");
        // Instance B: its own cache (checking versions, as with an external database) and store, same database.
        AnalysisCache cacheB = new AnalysisCache(new MapSnapshotReader(neo4j), environment, "true");
        AnalysisStore storeB = new AnalysisStore(neo4j);
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        AnalysedAccount older = cacheB.analysis(ACCOUNT).orElseThrow();

        // Instance A edits the map; B must serve the analysis of A's edit.
        graphQl.documentName("setInvolvement").variable("input", Map.of(
                        "opportunity", ACCOUNT + "/customer-service-2027", "stakeholder", ACCOUNT + "/mfg",
                        "roles", List.of("EVALUATOR", "USER"), "status", "SUPPORTER"))
                .execute().path("setInvolvement.involvement.status").entity(String.class).isEqualTo("SUPPORTER");
        AnalysedAccount newer = cacheB.analysis(ACCOUNT).orElseThrow();
        assertThat(newer.version()).isGreaterThan(older.version());
        assertThat(newer.network().deal("customer-service-2027").involvements())
                .anySatisfy(i -> assertThat(i.stakeholder() + "=" + i.status()).isEqualTo("mfg=SUPPORTER"));

        // Both instances write at once, the older result from B and the newer from A's refresher, many times.
        for (int round = 0; round < 5; round++) {
            var a = java.util.concurrent.CompletableFuture.supplyAsync(() -> refresher.refreshNow(ACCOUNT));
            var b = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> tx.execute(s -> storeB.write(older, LocalDate.now())));
            a.get();
            assertThat(b.get()).as("an older result is refused").isFalse();
            assertThat(store.state(ACCOUNT)).get().extracting(AnalysisStore.State::version)
                    .isEqualTo(newer.version());
        }
        List<Map<String, Object>> states = Neo4jHarness.database().executeTransactionally(
                "MATCH (s:AnalysisState {account: $a}) RETURN s.version AS v", Map.of("a", ACCOUNT),
                r -> r.stream().toList());
        assertThat(states).hasSize(1);
    }

    @Test
    void coverageGapsOverStoredWarningsEqualTheComputedOnes() {
        TestBundles.importBundle(http, "course-example.json");
        TestBundles.importBundle(http, "krackhardt-hightech.json");
        var stored = graphQl.documentName("coverageGaps").variable("first", 500).execute()
                .path("coverageGaps").entity(Map.class).get();
        // staleAfterDays other than the default is computed in memory, the old way; 60 is the default.
        var computed = graphQl.documentName("coverageGaps").variable("first", 500)
                .variable("filter", Map.of("staleAfterDays", 61)).execute()
                .path("coverageGaps").entity(Map.class).get();
        var computed60 = graphQl.documentName("coverageGaps").variable("first", 500)
                .variable("filter", Map.of("staleAfterDays", 60)).execute()
                .path("coverageGaps").entity(Map.class).get();
        assertThat(((Number) stored.get("totalCount")).intValue()).isPositive();
        assertThat(stored).isEqualTo(computed60);
        assertThat(stored.get("totalCount")).isNotNull();
        assertThat(((List<?>) stored.get("edges")).size()).isEqualTo(((Number) stored.get("totalCount")).intValue());
        // Same gaps in the same order as the computation (61 days: no contact there is between 60 and 61 days).
        assertThat(stored.get("edges").toString().replaceAll("cursor=[^,}]*", ""))
                .isEqualTo(computed.get("edges").toString().replaceAll("cursor=[^,}]*", ""));

        // Paging through the stored ranking gives the same gaps.
        var first = graphQl.documentName("coverageGaps").variable("first", 2).execute()
                .path("coverageGaps").entity(Map.class).get();
        String cursor = (String) ((Map<?, ?>) first.get("pageInfo")).get("endCursor");
        var second = graphQl.documentName("coverageGaps").variable("first", 2).variable("after", cursor).execute()
                .path("coverageGaps").entity(Map.class).get();
        assertThat(((List<?>) second.get("edges")).get(0))
                .isEqualTo(((List<?>) stored.get("edges")).get(2));

        var rollups = graphQl.document("""
                        { coverageGapRollups(groupBy: ACCOUNT) { key label high medium low total } }""")
                .execute().path("coverageGapRollups").entityList(Map.class).get();
        int total = rollups.stream().mapToInt(r -> ((Number) r.get("total")).intValue()).sum();
        assertThat(total).isEqualTo(((Number) stored.get("totalCount")).intValue());
        assertThat(rollups).extracting(r -> r.get("key")).contains(ACCOUNT);
        var byMember = graphQl.document("""
                        { coverageGapRollups(groupBy: TEAM_MEMBER, filter: {minSeverity: HIGH}) { key label high total } }""")
                .execute().path("coverageGapRollups").entityList(Map.class).get();
        assertThat(byMember).extracting(r -> r.get("key")).contains("randy");
        assertThat(byMember).allSatisfy(r -> assertThat(r.get("total")).isEqualTo(r.get("high")));
    }
}
