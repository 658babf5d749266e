package io.innercircle.analysis.internal.graphql;

import io.innercircle.analysis.internal.store.MapSnapshotReader;
import io.innercircle.analysis.internal.store.AnalysisCache;
import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysis of the course's worked example, asked the way a rep or coach asks it: through GraphQL. */
class AnalysisGraphQlTest extends IntegrationTest {

    static final String ACCOUNT = "national-manufacturing";
    static final String DEAL = ACCOUNT + "/customer-service-2027";

    @Autowired
    AnalysisCache cache;

    @BeforeEach
    void loadCourseExample() {
        TestBundles.importBundle(http, "course-example.json");
    }

    @Test
    void theDirectorOfInformationServicesIsAnInnerCircleCandidateWithCheckableReasons() {
        var report = graphQl.documentName("innerCircle").variable("account", ACCOUNT).execute();
        report.path("innerCircle.candidates[*].person.id").entityList(String.class).contains(ACCOUNT + "/dis");
        report.path("innerCircle.candidates[?(@.person.id == '" + ACCOUNT + "/dis')].band").entityList(String.class)
                .containsExactly("INNER_CIRCLE");
        report.path("innerCircle.candidates[?(@.person.id == '" + ACCOUNT + "/dis')].listeners[*].person.name")
                .entityList(String.class).contains("Pat Morgan", "Sam Ortiz", "Lee Chen");
        report.path("innerCircle.candidates[?(@.person.id == '" + ACCOUNT + "/dis')].departmentsBridged[*]")
                .entityList(String.class).contains("Executive", "Engineering", "Sales & Marketing");
        report.path("innerCircle.candidates[?(@.person.id == '" + ACCOUNT + "/dis')].reasons[*]")
                .entityList(String.class).satisfies(reasons -> assertThat(reasons).anySatisfy(r -> assertThat(r).contains("Pat Morgan")));
        // High rank with nobody taking their lead is formal structure, not Inner Circle.
        report.path("innerCircle.candidates[*].person.id").entityList(String.class)
                .doesNotContain(ACCOUNT + "/svp", ACCOUNT + "/deng");
        report.path("innerCircle.chart").entityList(Map.class).hasSize(11);
        report.path("innerCircle.chart[?(@.person.key == 'svp')].band").entityList(String.class)
                .containsExactly("FORMAL_STRUCTURE");
        report.path("innerCircle.disagreements[*].kind").entityList(String.class)
                .contains("GRAPH_CANDIDATE_NOT_JUDGED", "JUDGED_INFLUENCE_DIFFERS");
    }

    @Test
    void candidateCountAndThresholdAreTheUsersToChoose() {
        graphQl.documentName("innerCircle").variable("account", ACCOUNT).variable("maxCandidates", 1).execute()
                .path("innerCircle.candidates").entityList(Map.class).hasSize(1);
        graphQl.documentName("innerCircle").variable("account", ACCOUNT).variable("minScore", 1.0).execute()
                .path("innerCircle.settings.minScore").entity(Double.class).isEqualTo(1.0);
        graphQl.documentName("innerCircle").variable("account", ACCOUNT).variable("maxCandidates", 0).execute()
                .errors().satisfy(e -> assertThat(e.get(0).getExtensions()).containsEntry("field", "maxCandidates"));
    }

    @Test
    void strategiesFollowStatusAndRouteAroundConflictsAndEnemies() {
        var plan = graphQl.documentName("relationshipStrategies").variable("opportunity", DEAL).execute();
        plan.path("relationshipStrategies.stakeholders[?(@.person.key == 'dis')].strategy").entityList(String.class)
                .containsExactly("LEVERAGE");
        plan.path("relationshipStrategies.stakeholders[?(@.person.key == 'deng')].strategy").entityList(String.class)
                .containsExactly("NEUTRALIZE");
        plan.path("relationshipStrategies.stakeholders[?(@.person.key == 'deng')].posture").entityList(String.class)
                .containsExactly("DEFENSIVE");
        plan.path("relationshipStrategies.stakeholders[?(@.person.key == 'svp')].strategy").entityList(String.class)
                .containsExactly("MOTIVATE");
        // Dana's line to Sam runs along their conflict, and Chris (the enemy) must not be the messenger:
        // the best route to the decision maker is Kim Novak's.
        plan.path("relationshipStrategies.stakeholders[?(@.person.key == 'deng')].approach.people[*].key")
                .entityList(String.class).containsExactly("rnd", "deng");
        plan.path("relationshipStrategies.stakeholders[?(@.person.key == 'svp')].approach.people[*].key")
                .entityList(String.class).containsExactly("dis", "svp");
        plan.path("relationshipStrategies.allies[*].person.key").entityList(String.class).contains("dis");
    }

    @Test
    void healthNamesThePeopleBehindEachWarning() {
        var health = graphQl.documentName("mapHealth").variable("opportunity", DEAL).variable("asOf", "2026-11-15")
                .execute();
        health.path("mapHealth.warnings[*].code").entityList(String.class)
                .contains("NO_SPONSOR", "NO_MENTOR", "STALE_CONTACT", "KEY_PLAYER_BRIEF_COVERAGE")
                .doesNotContain("NO_DECISION_MAKER", "NO_APPROVER");
        health.path("mapHealth.warnings[?(@.code == 'STALE_CONTACT')].people[*].key").entityList(String.class)
                .contains("deng");
        graphQl.documentName("mapHealth").variable("opportunity", DEAL).variable("asOf", "2026-11-15")
                .variable("staleAfterDays", 365).execute()
                .path("mapHealth.warnings[*].code").entityList(String.class).doesNotContain("STALE_CONTACT");
    }

    @Test
    void pathsAnswerWhoCanGetMeToTheDecisionMaker() {
        graphQl.documentName("influencePaths").variable("from", ACCOUNT + "/sys").variable("to", ACCOUNT + "/svp")
                .execute().path("influencePaths[0].people[*].key").entityList(String.class)
                .containsExactly("sys", "dis", "svp");
        graphQl.documentName("influencePaths").variable("from", ACCOUNT + "/dis").variable("to", ACCOUNT + "/deng")
                .execute().path("influencePaths").entityList(Map.class).hasSize(0);
        graphQl.documentName("whoCanReach").variable("stakeholder", ACCOUNT + "/deng").execute()
                .path("whoCanReach[*].people[0].key").entityList(String.class).contains("rnd", "mfg");
        var around = graphQl.documentName("influenceNeighbourhood").variable("stakeholder", ACCOUNT + "/dis")
                .variable("hops", 1).execute();
        around.path("influenceNeighbourhood[?(@.direction == 'SHAPES')].person.key").entityList(String.class)
                .satisfies(keys -> assertThat(keys).containsExactlyInAnyOrder("svp", "dsm"));
        around.path("influenceNeighbourhood[?(@.direction == 'SHAPED_BY')].person.key").entityList(String.class)
                .satisfies(keys -> assertThat(keys).containsExactlyInAnyOrder("sys", "cons"));
    }

    @Test
    void badPathQuestionsNameTheArgument() {
        graphQl.documentName("influencePaths").variable("from", ACCOUNT + "/dis").variable("to", ACCOUNT + "/ghost")
                .execute().errors().satisfy(e -> assertThat(e.get(0).getExtensions())
                        .containsEntry("field", "to").containsEntry("classification", "NOT_FOUND"));
        graphQl.documentName("influenceNeighbourhood").variable("stakeholder", ACCOUNT + "/dis").variable("hops", 9)
                .execute().errors().satisfy(e -> assertThat(e.get(0).getExtensions())
                        .containsEntry("field", "hops").containsEntry("classification", "BAD_REQUEST"));
    }

    @Test
    void analysisFieldsHangOnPeopleAndOpportunities() {
        graphQl.documentName("stakeholderAnalysis").variable("id", ACCOUNT + "/dis").execute()
                .path("stakeholder.influenceAnalysis.candidate").entity(Boolean.class).isEqualTo(true);
        var opp = graphQl.documentName("opportunityAnalysis").variable("id", DEAL).execute();
        opp.path("opportunity.health.warnings[*].code").entityList(String.class).contains("NO_SPONSOR");
        opp.path("opportunity.strategies.stakeholders[?(@.person.key == 'mfg')].strategy").entityList(String.class)
                .containsExactly("NEUTRALIZE");
    }

    @Autowired
    InnerCircleResponses responses;

    @Test
    void innerCircleAnswersAreKeptPerAnalysisWhileAccessIsCheckedOnEveryRequest() {
        String query = """
                query($a: ID!) { innerCircle(account: $a) { analysisVersion stale candidates { person { key } }
                                 chart { person { key } band } } }""";
        graphQl.document(query).variable("a", ACCOUNT).execute().errors().verify();
        Map<?, ?> first = graphQl.document(query).variable("a", ACCOUNT).execute().path("innerCircle")
                .entity(Map.class).get();
        long kept = responses.size();
        assertThat(kept).isPositive();
        Map<?, ?> again = graphQl.document(query).variable("a", ACCOUNT).execute().path("innerCircle")
                .entity(Map.class).get();
        assertThat(again).isEqualTo(first);
        assertThat(responses.size()).isEqualTo(kept);

        // Nicole is not on the team of this account: an answer kept for the admin is not hers.
        TestBundles.importBundle(http, "krackhardt-hightech.json");
        graphQl.document(query).variable("a", "krackhardt-hightech").execute().path("innerCircle.stale")
                .entity(Boolean.class).isEqualTo(false);
        as("nicole").graphQl().document(query).variable("a", "krackhardt-hightech").execute().path("innerCircle")
                .valueIsNull();

        // A change to the map: the next answer is the new analysis's, not the kept one.
        for (String to : List.of("svp", "dsm", "deng")) {
            graphQl.document("mutation($f: ID!, $t: ID!) { removeInfluence(from: $f, to: $t) { removed } }")
                    .variable("f", ACCOUNT + "/dis").variable("t", ACCOUNT + "/" + to).execute().errors().verify();
        }
        Map<?, ?> after = graphQl.document(query).variable("a", ACCOUNT).execute().path("innerCircle")
                .entity(Map.class).get();
        assertThat(((Number) after.get("analysisVersion")).longValue())
                .isGreaterThan(((Number) first.get("analysisVersion")).longValue());
        assertThat(after.get("candidates").toString()).doesNotContain("key=dis");
        assertThat(first.get("candidates").toString()).contains("key=dis");
    }

    @Test
    void aWriteToTheMapDropsTheCachedAnalysis() {
        graphQl.documentName("stakeholderAnalysis").variable("id", ACCOUNT + "/dis").execute()
                .path("stakeholder.influenceAnalysis.candidate").entity(Boolean.class).isEqualTo(true);
        for (String to : List.of("svp", "dsm", "deng")) {
            graphQl.document("mutation($f: ID!, $t: ID!) { removeInfluence(from: $f, to: $t) { removed } }")
                    .variable("f", ACCOUNT + "/dis").variable("t", ACCOUNT + "/" + to).execute().errors().verify();
        }
        graphQl.documentName("stakeholderAnalysis").variable("id", ACCOUNT + "/dis").execute()
                .path("stakeholder.influenceAnalysis.candidate").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void withAnExternalDatabaseTheCacheNoticesWritesFromOtherAppInstances(
            @Autowired MapSnapshotReader reader, @Autowired Environment environment) {
        AnalysisCache verifying = new AnalysisCache(reader, environment, "true");
        assertThat(verifying.analysis(ACCOUNT).orElseThrow().innerCircle().isCandidate("dis")).isTrue();
        // Another instance removes Dana's influence lines and bumps the version; no event reaches this one.
        Neo4jHarness.database().executeTransactionally(
                "MATCH (:Stakeholder {account: $a, key: 'dis'})-[r:INFLUENCES]->() DELETE r "
                        + "WITH count(*) AS removed MATCH (a:Account {key: $a}) SET a.version = a.version + 1",
                Map.of("a", ACCOUNT));
        assertThat(verifying.analysis(ACCOUNT).orElseThrow().innerCircle().isCandidate("dis")).isFalse();
    }

    @Test
    void coachSeesTheGapsOfTheWholePortfolioMostSevereFirst() {
        var all = graphQl.documentName("coverageGaps").variable("filter", Map.of("staleAfterDays", 60)).execute();
        all.path("coverageGaps.edges[0].node.severity").entity(String.class).isEqualTo("HIGH");
        int total = all.path("coverageGaps.totalCount").entity(Integer.class).get();
        assertThat(total).isGreaterThan(3);
        var high = graphQl.documentName("coverageGaps").variable("filter", Map.of("minSeverity", "HIGH"))
                .variable("first", 1).execute();
        high.path("coverageGaps.edges[*].node.severity").entityList(String.class).satisfies(s -> assertThat(s).containsOnly("HIGH"));
        high.path("coverageGaps.pageInfo.hasNextPage").entity(Boolean.class)
                .isEqualTo(high.path("coverageGaps.totalCount").entity(Integer.class).get() > 1);
        graphQl.documentName("coverageGaps").variable("filter", Map.of("teamMember", "nobody")).execute()
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(0);
        graphQl.documentName("coverageGaps").variable("filter", Map.of("teamMember", "randy", "stages",
                        List.of("DEVELOP"), "minAmount", 1_000_000.0)).execute()
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(total);
        graphQl.documentName("coverageGaps").variable("filter", Map.of("minAmount", 5_000_000.0)).execute()
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(0);
    }
}
