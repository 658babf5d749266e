package io.innercircle.analysis.internal.store;

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
    @Autowired
    StoredWarnings warnings;

    @Test
    void aStoreThatGivesWayToANewerAnalysisRollsBackAndLeavesTheStoredOneWhole() {
        String account = "gives-way";
        int people = 3 * AnalysisStore.ROWS_PER_SLICE - 100;
        assertThat(store.write(AnalysedAccount.of(chain(account, 1, people, 1)), LocalDate.now(clock))).isTrue();

        // Asked before each slice of people: yes at the third, with two slices written in its transaction.
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        AnalysedAccount newer = AnalysedAccount.of(chain(account, 2, people, 3));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> store.write(newer, LocalDate.now(clock), () -> asked.incrementAndGet() >= 3))
                .isInstanceOf(AnalysisStore.Superseded.class);
        assertThat(asked).hasValue(3);
        assertThat(store.state(account)).get().extracting(AnalysisStore.State::version).isEqualTo(1L);
        assertThat(storedVersions(account)).containsExactly(Map.entry(1L, (long) people));

        assertThat(store.write(newer, LocalDate.now(clock), () -> false)).isTrue();
        assertThat(store.state(account)).get().extracting(AnalysisStore.State::version).isEqualTo(2L);
        assertThat(storedVersions(account)).containsExactly(Map.entry(2L, (long) people));
    }

    /** A map of {@code n} people, each influencing the next with the given strength (no deals, no reports). */
    private static io.innercircle.analysis.MapSnapshot chain(String account, long version, int n, int strength) {
        List<io.innercircle.analysis.MapSnapshot.Person> people = java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new io.innercircle.analysis.MapSnapshot.Person("p" + i, "Person " + i, null, null,
                        null, null, null, false, false, null)).toList();
        List<io.innercircle.analysis.MapSnapshot.InfluenceLine> lines = java.util.stream.IntStream.range(1, n)
                .mapToObj(i -> new io.innercircle.analysis.MapSnapshot.InfluenceLine("p" + (i - 1), "p" + i,
                        strength)).toList();
        return new io.innercircle.analysis.MapSnapshot(account, version, people, List.of(), lines, List.of(),
                List.of(), List.of());
    }

    /** How many stored people carry each analysis version. */
    private static Map<Long, Long> storedVersions(String account) {
        return Neo4jHarness.database().executeTransactionally("""
                        MATCH (p:StakeholderAnalysis {account: $a})
                        RETURN p.analysisVersion AS version, count(*) AS people""", Map.of("a", account),
                r -> r.stream().collect(java.util.stream.Collectors.toMap(
                        row -> ((Number) row.get("version")).longValue(),
                        row -> ((Number) row.get("people")).longValue())));
    }

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
    void anotherInstanceKeepsItsInnerCircleThroughStatusContactAndPlanEditsButNotThroughALineOrAnImport(
            @Autowired org.springframework.core.env.Environment environment) {
        TestBundles.importBundle(http, "course-example.json");
        // Instance B: its own cache, told of no change, comparing the stored stamps as on a shared server.
        AnalysisCache cacheB = new AnalysisCache(new MapSnapshotReader(neo4jClient), environment, "true");
        AnalysedAccount analysed = cacheB.analysis(ACCOUNT).orElseThrow();
        long version = analysed.version();
        assertThat(cacheB.currentInnerCircle(ACCOUNT)).containsSame(analysed);

        graphQl.documentName("setInvolvement").variable("input", Map.of(
                        "opportunity", ACCOUNT + "/customer-service-2027", "stakeholder", ACCOUNT + "/mfg",
                        "roles", List.of("EVALUATOR"), "status", "MENTOR"))
                .execute().path("setInvolvement.involvement.status").entity(String.class).isEqualTo("MENTOR");
        graphQl.documentName("recordContact").variable("input", Map.of("teamMember", ACCOUNT + "/nicole",
                        "stakeholder", ACCOUNT + "/deng", "coverage", "IN_DEPTH"))
                .execute().path("recordContact.contact.coverage").entity(String.class).isEqualTo("IN_DEPTH");
        graphQl.documentName("setConflict").variable("input", Map.of("between", List.of(ACCOUNT + "/deng",
                        ACCOUNT + "/mfg"))).execute().path("setConflict").hasValue();
        assertThat(accountVersion(ACCOUNT)).isEqualTo(version + 3);
        assertThat(cacheB.currentInnerCircle(ACCOUNT)).as("three edits of no person and no line later")
                .containsSame(analysed);

        graphQl.documentName("setInfluence").variable("input", Map.of("from", ACCOUNT + "/deng",
                "to", ACCOUNT + "/mfg", "strength", 3)).execute().path("setInfluence.influence.strength")
                .entity(Integer.class).isEqualTo(3);
        assertThat(cacheB.currentInnerCircle(ACCOUNT)).as("after an influence edit").isEmpty();
        AnalysedAccount afterLine = cacheB.analysis(ACCOUNT).orElseThrow();
        assertThat(afterLine.version()).isEqualTo(version + 4);
        assertThat(afterLine.centralitiesReused()).isFalse();
        assertThat(cacheB.currentInnerCircle(ACCOUNT)).containsSame(afterLine);

        graphQl.documentName("updateStakeholder").variable("input", Map.of("id", ACCOUNT + "/deng",
                "title", "VP Engineering")).execute().path("updateStakeholder.stakeholder.title").hasValue();
        assertThat(cacheB.currentInnerCircle(ACCOUNT)).as("after a person's edit").isEmpty();
        AnalysedAccount afterPerson = cacheB.analysis(ACCOUNT).orElseThrow();

        // A write that knows nothing of structure stamps (a bundle import) voids them, then a status edit starts
        // a new run from the import's version: the analysis from before the import is not current.
        TestBundles.importBundle(http, "course-example.json");
        graphQl.documentName("setInvolvement").variable("input", Map.of(
                        "opportunity", ACCOUNT + "/customer-service-2027", "stakeholder", ACCOUNT + "/mfg",
                        "roles", List.of("USER"), "status", "SUPPORTER"))
                .execute().path("setInvolvement.involvement.status").entity(String.class).isEqualTo("SUPPORTER");
        assertThat(cacheB.currentInnerCircle(ACCOUNT)).as("after an import").isEmpty();
        assertThat(cacheB.analysis(ACCOUNT).orElseThrow().version()).isGreaterThan(afterPerson.version());
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

    @Test
    void theCountsOfWarningsStoredPerOpportunityEqualTheWarningsCountedOneByOne() throws Exception {
        TestBundles.importBundle(http, "course-example.json");
        TestBundles.importBundle(http, "krackhardt-hightech.json");
        int all = graphQl.documentName("coverageGaps").variable("first", 1).execute()
                .path("coverageGaps.totalCount").entity(Integer.class).get();
        assertThat(all).isPositive();
        assertStoredCountsEqualCountedOnes();
        assertThat(warnings.storedCount(warningFilter(null, 2))).isEqualTo(all);

        // Analyses stored before the counts existed get theirs from migration 021.
        Neo4jHarness.cypher("MATCH (c:WarningCount) DELETE c", Map.of());
        assertThat(warnings.storedCount(warningFilter(null, 2))).isZero();
        String migration = java.nio.file.Files.readString(
                java.nio.file.Path.of("cypher/schema/021-warning-counts.cypher"));
        Neo4jHarness.cypher(migration.substring(migration.indexOf("MATCH (w:HealthWarning)")), Map.of());
        assertThat(warnings.storedCount(warningFilter(null, 2))).isEqualTo(all);
        assertStoredCountsEqualCountedOnes();

        // An archived opportunity's warnings leave the totals; a purged one's counts go with it.
        String deal = ACCOUNT + "/customer-service-2027";
        int dealWarnings = count("MATCH (w:HealthWarning {account: $a, opportunity: 'customer-service-2027'}) "
                + "RETURN count(w)");
        assertThat(dealWarnings).isPositive();
        graphQl.documentName("archive").operationName("archiveOpportunity").variable("id", deal).execute();
        assertThat(warnings.storedCount(warningFilter(null, 2))).isEqualTo(all - dealWarnings);
        assertStoredCountsEqualCountedOnes();
        graphQl.documentName("archive").operationName("purgeOpportunity").variable("id", deal).execute()
                .path("purgeOpportunity.purged").entityList(String.class).containsExactly(deal);
        assertThat(count("MATCH (c:WarningCount {account: $a}) RETURN count(c)")).isZero();
    }

    private void assertStoredCountsEqualCountedOnes() {
        for (StoredWarnings.Filter filter : List.of(warningFilter(null, 2), warningFilter(List.of(ACCOUNT), 2),
                warningFilter(List.of("krackhardt-hightech"), 1), warningFilter(null, 0),
                warningFilter(List.of(), 2))) {
            assertThat(warnings.storedCount(filter)).as("%s", filter).isEqualTo(warnings.matching(filter));
            // The coach's roll-up per account, summed from the counts, equals the one counted warning by warning.
            assertThat(warnings.rollupsStored(filter)).as("%s", filter)
                    .isEqualTo(warnings.rollupsCounted(filter, false));
        }
    }

    private static StoredWarnings.Filter warningFilter(List<String> only, int maxSeverityRank) {
        return new StoredWarnings.Filter(only, null, null, null, maxSeverityRank, null);
    }

    private static int count(String query) {
        return Neo4jHarness.cypher(query, Map.of("a", ACCOUNT)).get(0).get(0).asInt();
    }

    @Test
    void aPageOfCoverageGapsIsReadInTheIndexOrderAndStopsAfterThePage() {
        TestBundles.importBundle(http, "course-example.json");
        graphQl.documentName("coverageGaps").variable("first", 5).execute().path("coverageGaps.totalCount")
                .entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
        Map<String, Object> p = new java.util.HashMap<>(new StoredWarnings.Filter(null, null, null, null, 2, null)
                .parameters());
        p.put("skip", 0);
        p.put("limit", 50);
        p.put("rankBelow", "3");
        String plan = Neo4jHarness.database().executeTransactionally("EXPLAIN " + StoredWarnings.PAGE, p,
                r -> r.getExecutionPlanDescription().toString());
        // No sort of every warning: the rank index gives the order, and the limit stops the read.
        assertThat(plan).contains("HealthWarning(rank)").doesNotContain("Sort").doesNotContain("Top");
    }

    @Test
    void theRankOfAWarningSortsAsTheCoachOrder() {
        // Most severe first, then largest amount (none as 0), then opportunity id, code, position.
        List<String> ordered = List.of(
                AnalysisStore.rank(0, 1e12, "a", "x", "NO_MENTOR", 0),
                AnalysisStore.rank(0, 2_000_000.5, "a", "x", "NO_MENTOR", 0),
                AnalysisStore.rank(0, 2_000_000.0, "a", "x", "NO_MENTOR", 0),
                AnalysisStore.rank(0, 35.0, "a", "x", "NO_MENTOR", 0),
                AnalysisStore.rank(0, 0.5, "a", "x", "NO_MENTOR", 0),
                AnalysisStore.rank(0, 0.0, "a-b", "a", "A_CODE", 0),
                AnalysisStore.rank(0, 0.0, "a.b", "a", "A_CODE", 0),
                AnalysisStore.rank(0, null, "a", "b", "NO_MENTOR", 0),
                AnalysisStore.rank(0, 0.0, "a", "b", "NO_MENTOR", 1),
                AnalysisStore.rank(0, 0.0, "a", "b-c", "A_CODE", 0),
                AnalysisStore.rank(0, 0.0, "ab", "a", "A_CODE", 2),
                AnalysisStore.rank(0, 0.0, "ab", "a", "A_CODE", 10),
                AnalysisStore.rank(0, 0.0, "ab", "a", "B", 0),
                AnalysisStore.rank(0, -5.0, "a", "a", "A_CODE", 0),
                AnalysisStore.rank(1, 1e15, "a", "a", "A_CODE", 0),
                AnalysisStore.rank(2, 1e15, "a", "a", "A_CODE", 0));
        assertThat(ordered.stream().sorted().toList()).isEqualTo(ordered);
    }

    @Test
    void stakeholdersOrderedByComputedInfluenceAndFilteredToTheInnerCircle() {
        TestBundles.importBundle(http, "course-example.json");
        AnalysedAccount computed = cache.analysis(ACCOUNT).orElseThrow();
        List<String> byInfluence = computed.innerCircle().people().stream()
                .sorted(java.util.Comparator.comparingDouble(PersonInfluence::computedInfluence).reversed()
                        .thenComparing(PersonInfluence::key))
                .map(PersonInfluence::key).toList();
        List<String> innerCircle = computed.innerCircle().people().stream()
                .sorted(java.util.Comparator.comparingDouble(PersonInfluence::computedInfluence).reversed()
                        .thenComparing(PersonInfluence::key))
                .filter(PersonInfluence::treatedAsInnerCircle).map(PersonInfluence::key).toList();
        assertThat(innerCircle).isNotEmpty().hasSizeLessThan(byInfluence.size());

        // Paged forward 4 at a time, the pages join up into the analysis' ranking.
        List<String> paged = new java.util.ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<?, ?> page = ranked(Map.of("orderBy", "COMPUTED_INFLUENCE", "first", 4), after);
            assertThat(((Number) page.get("totalCount")).intValue()).isEqualTo(byInfluence.size());
            List<?> edges = (List<?>) page.get("edges");
            edges.forEach(e -> paged.add((String) ((Map<?, ?>) ((Map<?, ?>) e).get("node")).get("key")));
            Map<?, ?> info = (Map<?, ?>) page.get("pageInfo");
            more = (Boolean) info.get("hasNextPage");
            after = (String) info.get("endCursor");
        }
        assertThat(paged).isEqualTo(byInfluence);

        // Backward from the end: the last three of the ranking.
        Map<?, ?> last = ranked(Map.of("orderBy", "COMPUTED_INFLUENCE", "last", 3), null);
        assertThat(keys(last)).isEqualTo(byInfluence.subList(byInfluence.size() - 3, byInfluence.size()));
        String firstOfLast = (String) ((Map<?, ?>) last.get("pageInfo")).get("startCursor");
        Map<?, ?> beforeThose = ranked(Map.of("orderBy", "COMPUTED_INFLUENCE", "last", 2, "before", firstOfLast), null);
        assertThat(keys(beforeThose)).isEqualTo(byInfluence.subList(byInfluence.size() - 5, byInfluence.size() - 3));

        Map<?, ?> inner = ranked(Map.of("orderBy", "COMPUTED_INFLUENCE", "innerCircleOnly", true, "first", 50), null);
        assertThat(keys(inner)).isEqualTo(innerCircle);
        assertThat(((Number) inner.get("totalCount")).intValue()).isEqualTo(innerCircle.size());
        // By key, Inner Circle only.
        Map<?, ?> innerByKey = ranked(Map.of("innerCircleOnly", true, "first", 50), null);
        assertThat(keys(innerByKey)).isEqualTo(innerCircle.stream().sorted().toList());

        // No stored analysis (e.g. a database restored without it): computed and stored first, then ranked.
        Neo4jHarness.database().executeTransactionally("""
                MATCH (n) WHERE n:AnalysisState OR n:StakeholderAnalysis OR n:HealthWarning OR n:WarningCount
                DETACH DELETE n""");
        assertThat(keys(ranked(Map.of("orderBy", "COMPUTED_INFLUENCE", "first", 50), null))).isEqualTo(byInfluence);
        assertThat(store.state(ACCOUNT)).get().extracting(AnalysisStore.State::version).isEqualTo(computed.version());

        graphQl.document("{ account(key: \"" + ACCOUNT + "\") { stakeholders(orderBy: COMPUTED_INFLUENCE, "
                        + "after: \"" + java.util.Base64.getUrlEncoder().encodeToString("k:svp".getBytes()) + "\") "
                        + "{ totalCount } } }")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("after")));
    }

    private Map<?, ?> ranked(Map<String, Object> variables, String after) {
        var request = graphQl.documentName("rankedStakeholders").variable("key", ACCOUNT);
        for (var v : variables.entrySet()) {
            request = request.variable(v.getKey(), v.getValue());
        }
        if (after != null) {
            request = request.variable("after", after);
        }
        return request.execute().path("account.stakeholders").entity(Map.class).get();
    }

    private static List<String> keys(Map<?, ?> connection) {
        return ((List<?>) connection.get("edges")).stream()
                .map(e -> (String) ((Map<?, ?>) ((Map<?, ?>) e).get("node")).get("key")).toList();
    }

    private long accountVersion(String account) {
        return ((Number) Neo4jHarness.database().executeTransactionally(
                "MATCH (a:Account {key: $a}) RETURN a.version AS v", Map.of("a", account),
                r -> r.next().get("v"))).longValue();
    }

    @Test
    void aSmallMapStoresItsAnalysisInTheWritesTransaction() {
        assertThat(refresher.syncMaxPeople()).isEqualTo(300);
        TestBundles.importBundle(http, "course-example.json");
        // No refreshNow: the import itself stored the analysis of the version it wrote.
        assertThat(store.state(ACCOUNT)).get().extracting(AnalysisStore.State::version)
                .isEqualTo(accountVersion(ACCOUNT));
        graphQl.documentName("setInfluence").variable("input", Map.of(
                        "from", ACCOUNT + "/mfg", "to", ACCOUNT + "/svp", "strength", 3))
                .execute().path("setInfluence.influence.strength").entity(Integer.class).isEqualTo(3);
        long version = accountVersion(ACCOUNT);
        assertThat(store.state(ACCOUNT)).get().extracting(AnalysisStore.State::version).isEqualTo(version);
        // The stored people are those of the edited map, equal to a fresh computation of it.
        AnalysedAccount fresh = AnalysedAccount.of(new MapSnapshotReader(neo4jClient).read(ACCOUNT).orElseThrow());
        Map<String, Object> svp = Neo4jHarness.database().executeTransactionally("""
                MATCH (p:StakeholderAnalysis {account: $a, key: 'svp'})
                RETURN p.computedInfluence AS influence, p.analysisVersion AS version""", Map.of("a", ACCOUNT),
                r -> r.next());
        assertThat((Double) svp.get("influence")).isEqualTo(fresh.innerCircle().require("svp").computedInfluence());
        var report = graphQl.document("query($a: ID!) { innerCircle(account: $a) { analysisVersion stale } }")
                .variable("a", ACCOUNT).execute();
        report.path("innerCircle.stale").entity(Boolean.class).isEqualTo(false);
        report.path("innerCircle.analysisVersion").entity(Long.class).isEqualTo(version);

        // A write refused as a whole stores no analysis either.
        graphQl.documentName("setInfluence").variable("input", Map.of(
                        "from", ACCOUNT + "/mfg", "to", ACCOUNT + "/nobody", "strength", 3))
                .execute().errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(accountVersion(ACCOUNT)).isEqualTo(version);
        assertThat(store.state(ACCOUNT)).get().extracting(AnalysisStore.State::version).isEqualTo(version);
    }

    @Test
    void theSameVersionIsStoredAgainOnALaterDayAndNeverForAnEarlierOne() {
        TestBundles.importBundle(http, "course-example.json");
        long version = accountVersion(ACCOUNT);
        AnalysisStore.State stored = store.state(ACCOUNT).orElseThrow();
        assertThat(stored.version()).isEqualTo(version);
        AnalysedAccount analysis = AnalysedAccount.of(new MapSnapshotReader(neo4jClient).read(ACCOUNT).orElseThrow());

        // The warnings count days: after midnight the same version is written again, once.
        assertThat(store.write(analysis, stored.asOf())).as("the same version and day").isFalse();
        assertThat(store.write(analysis, stored.asOf().plusDays(1))).as("the next day").isTrue();
        assertThat(store.state(ACCOUNT).orElseThrow().asOf()).isEqualTo(stored.asOf().plusDays(1));
        assertThat(store.write(analysis, stored.asOf().plusDays(1))).as("the next day again").isFalse();
        assertThat(store.write(analysis, stored.asOf())).as("an earlier day").isFalse();
        assertThat(store.state(ACCOUNT).orElseThrow())
                .isEqualTo(new AnalysisStore.State(ACCOUNT, version, stored.asOf().plusDays(1)));
    }

    @Test
    void aBigMapIsAnalysedAfterTheWriteCommitsNotInIt() throws Exception {
        String account = "big";
        http.post().uri("/api/bundles").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(io.innercircle.bundle.BundleGenerator.toJson(
                        io.innercircle.bundle.BundleGenerator.generate(account, 400, 42)))
                .exchange().expectStatus().isOk();
        awaitStored(account, accountVersion(account));
        long before = accountVersion(account);
        // Hold the analysis state's lock: an analysis stored in the write's transaction would wait for it.
        try (var holder = Neo4jHarness.database().beginTx()) {
            holder.execute("MATCH (s:AnalysisState {account: $a}) SET s.held = true", Map.of("a", account));
            graphQl.documentName("updateAccount").variable("input", Map.of("key", account, "notes", "edited"))
                    .execute().path("updateAccount.account.version").entity(Long.class).isEqualTo(before + 1);
            assertThat(store.state(account)).get().extracting(AnalysisStore.State::version).isEqualTo(before);
            holder.rollback();
        }
        awaitStored(account, before + 1);
    }

    private void awaitStored(String account, long version) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> storedVersion(account) >= version);
        assertThat(store.state(account)).get().extracting(AnalysisStore.State::version).isEqualTo(version);
    }

    private long storedVersion(String account) {
        return store.state(account).map(AnalysisStore.State::version).orElse(-1L);
    }

    @Autowired
    org.springframework.data.neo4j.core.Neo4jClient neo4jClient;

    @Test
    void twoHandWiredRefreshersRacingWhileTheMapChangesOnlyEverMoveTheStoredVersionForward(
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions,
            @Autowired org.springframework.core.env.Environment environment) throws Exception {
        // Over the in-transaction size, so the app's own refresher works in the background and races too.
        String account = "racing";
        http.post().uri("/api/bundles").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(io.innercircle.bundle.BundleGenerator.toJson(
                        io.innercircle.bundle.BundleGenerator.generate(account, 400, 42)))
                .exchange().expectStatus().isOk();
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        // Two instances on one database: each its own cache (checking versions), store and refresher.
        List<AnalysisRefresher> instances = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            MapSnapshotReader reader = new MapSnapshotReader(neo4jClient);
            AnalysisStore ownStore = new AnalysisStore(neo4jClient);
            // Not a Spring proxy, so not transactional: a store that gave way would leave half its rows.
            instances.add(new AnalysisRefresher(new AnalysisCache(reader, environment, "true"), ownStore, reader,
                    java.time.Clock.systemUTC(), 0, 1, java.time.Duration.ZERO));
        }
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Long> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        var watcher = java.util.concurrent.CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                store.state(account).ifPresent(st -> seen.add(st.version()));
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        });
        List<java.util.concurrent.CompletableFuture<Integer>> racers = instances.stream()
                .map(r -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    int stored = 0;
                    while (!stop.get()) {
                        if (Boolean.TRUE.equals(tx.execute(st -> r.refreshNow(account)))) {
                            stored++;
                        }
                    }
                    return stored;
                })).toList();
        for (int edit = 0; edit < 12; edit++) {
            long version = graphQl.documentName("updateAccount")
                    .variable("input", Map.of("key", account, "notes", "edit " + edit))
                    .execute().path("updateAccount.account.version").entity(Long.class).get();
            // The next edit once some refresher has stored this one: every version is raced for by both
            // instances (and the app's own refresher) while the edits go on.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> storedVersion(account) >= version);
        }
        long last = accountVersion(account);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> storedVersion(account) >= last);
        stop.set(true);
        int stored = 0;
        for (var racer : racers) {
            stored += racer.get();
        }
        watcher.get();
        for (AnalysisRefresher r : instances) {
            r.destroy();
        }
        assertThat(stored).as("the racers stored some results").isPositive();
        assertThat(seen).as("the stored version never goes back").isSorted();
        assertThat(store.state(account)).get().extracting(AnalysisStore.State::version).isEqualTo(last);
        // Another instance serves the analysis of this instance's last edit, from its own cache.
        AnalysisCache cacheB = new AnalysisCache(new MapSnapshotReader(neo4jClient), environment, "true");
        assertThat(cacheB.analysis(account).orElseThrow().version()).isEqualTo(last);
    }
}
