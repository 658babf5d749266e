package io.innercircle.plan;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import io.innercircle.support.TestBundles;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assessment, strategy, plan, stages, debrief, bundle and printable plan end to end, on the course example over
 * real HTTP and Neo4j. Today is 2027-01-10 (the test clock), so the example's tactic due 2026-12-16 is overdue.
 */
class OpportunityPlanTest extends IntegrationTest {

    static final String OPP = "national-manufacturing/customer-service-2027";

    @BeforeEach
    void courseExample() {
        clock.set(Instant.parse("2027-01-10T09:00:00Z"));
        TestBundles.importBundle(http, "course-example.json");
    }

    // ---- assessment

    @Test
    void theMapSuggestsRatingsForTheCriteriaAboutPeopleNextToTheRepsOwn() {
        var criteria = graphQl.document("""
                        query($o: ID!) { opportunity(id: $o) { assessment { questions { criteria {
                          number name us suggested { rating reasons differsFromRep } } } } } }""")
                .variable("o", OPP).execute()
                .path("opportunity.assessment.questions[*].criteria[*]").entityList(Map.class).get();
        Map<?, ?> c9 = byNumber(criteria, 9);
        Map<?, ?> c11 = byNumber(criteria, 11);
        Map<?, ?> c12 = byNumber(criteria, 12);
        Map<?, ?> c15 = byNumber(criteria, 15);
        // Key players: the Senior VP (approver), the Director of Engineering (decision maker), and the Inner
        // Circle, Dana Wells and Morgan Blake. Only Dana is covered in depth: 1 of 4.
        assertThat(suggested(c9)).containsEntry("rating", "MINUS");
        assertThat(reasons(c9).get(0)).contains("1 of 4");
        // Dana Wells is a supporter in the Inner Circle.
        assertThat(suggested(c11)).containsEntry("rating", "PLUS").containsEntry("differsFromRep", false);
        assertThat(reasons(c11)).anyMatch(r -> r.contains("Dana Wells") && r.contains("supporter"));
        // The decision maker is a non-supporter with brief contact; the rep says - too.
        assertThat(suggested(c12)).containsEntry("rating", "MINUS").containsEntry("differsFromRep", false);
        assertThat(reasons(c12)).anyMatch(r -> r.contains("Sam Ortiz") && r.contains("non-supporter"));
        // Dana supports us, our status with Morgan Blake is not recorded: undecided, as the rep's ?.
        assertThat(suggested(c15)).containsEntry("rating", "UNKNOWN");
        assertThat(reasons(c15)).anyMatch(r -> r.startsWith("Morgan Blake") && r.endsWith("our status is not recorded"));
        // The rep's ratings are untouched; the others have no suggestion.
        assertThat(c11.get("us")).isEqualTo("PLUS");
        assertThat(c15.get("us")).isEqualTo("UNKNOWN");
        assertThat(byNumber(criteria, 1).get("suggested")).isNull();
    }

    @Test
    void ratingsCompetitorsSummariesAndRefusedInput() {
        graphQl.document("mutation { createCompetitor(input: {account: \"national-manufacturing\", key: \"acme\", name: \"Acme Soft\"}) { competitor { id } } }")
                .execute().path("createCompetitor.competitor.id").entity(String.class).isEqualTo("national-manufacturing/acme");
        graphQl.document("mutation($o: ID!) { addDealCompetitor(opportunity: $o, competitor: \"national-manufacturing/acme\") { assessment { competitors { name } } } }")
                .variable("o", OPP).execute()
                .path("addDealCompetitor.assessment.competitors[*].name").entityList(String.class).containsExactly("X-Sys", "Acme Soft");
        long before = version();
        var summary = graphQl.document("""
                        mutation($o: ID!) { rateCriteria(input: {opportunity: $o, ratings: [
                          {criterion: 6, us: PLUS, competitors: [{competitor: "national-manufacturing/x-sys", rating: MINUS},
                                                                 {competitor: "national-manufacturing/acme", rating: UNKNOWN}],
                           note: "the RFP lists our criteria"},
                          {criterion: 8, us: PLUS}, {criterion: 9, us: MINUS}, {criterion: 10, us: PLUS}]}) {
                          assessment { questions { question summary { answer ahead behind text us { plus minus unknown unrated } }
                                                   criteria { number us note competitors { competitor { name } rating } } }
                                       unknowns { number missingFor } } } }""")
                .variable("o", OPP).execute();
        summary.path("rateCriteria.assessment.questions[1].question").entity(String.class).isEqualTo("CAN_WE_COMPETE");
        // #6 to #10: + + + - + (7 came with the example): can compete.
        summary.path("rateCriteria.assessment.questions[1].summary.answer").entity(String.class).isEqualTo("YES");
        summary.path("rateCriteria.assessment.questions[1].summary.ahead").entity(Integer.class).isEqualTo(2);
        summary.path("rateCriteria.assessment.questions[1].summary.text").entity(String.class)
                .isEqualTo("Can we compete? yes — us 4 +, 1 -, 0 ?; ahead of X-Sys on 2, behind on 0");
        summary.path("rateCriteria.assessment.questions[1].criteria[0].note").entity(String.class).isEqualTo("the RFP lists our criteria");
        summary.path("rateCriteria.assessment.questions[1].criteria[0].competitors[*].rating").entityList(String.class)
                .containsExactly("MINUS", "UNKNOWN");
        summary.path("rateCriteria.assessment.unknowns[?(@.number == 6)].missingFor[*]").entityList(String.class)
                .containsExactly("Acme Soft");
        assertThat(version()).isEqualTo(before + 1);

        // Refused: nothing written.
        graphQl.document("mutation($o: ID!) { rateCriteria(input: {opportunity: $o, ratings: [{criterion: 7, us: MINUS}, {criterion: 21, us: PLUS}]}) { assessment { overall { text } } } }")
                .variable("o", OPP).execute().errors().satisfy(expect("input.ratings[1].criterion", "BAD_REQUEST", "between 1 and 20"));
        graphQl.document("mutation($o: ID!) { rateCriteria(input: {opportunity: $o, ratings: [{criterion: 7, competitors: [{competitor: \"national-manufacturing/nobody\", rating: PLUS}]}]}) { assessment { overall { text } } } }")
                .variable("o", OPP).execute().errors().satisfy(expect("input.ratings[0].competitors", "BAD_REQUEST", "not a competitor in this deal"));
        graphQl.document("mutation { rateCriteria(input: {opportunity: \"national-manufacturing/nope\", ratings: [{criterion: 7, us: MINUS}]}) { assessment { overall { text } } } }")
                .execute().errors().satisfy(expect("input.opportunity", "NOT_FOUND", "no opportunity"));
        assertThat(version()).isEqualTo(before + 1);
        graphQl.document("query($o: ID!) { assessment(opportunity: $o) { questions { criteria { number us } } } }")
                .variable("o", OPP).execute().path("assessment.questions[1].criteria[1].us").entity(String.class).isEqualTo("PLUS");

        // Acme becomes the primary competitor: every rating stays with its competitor, X-Sys stays in the deal.
        var swapped = graphQl.document("""
                        mutation($o: ID!) { updateOpportunity(input: {id: $o, competitor: "national-manufacturing/acme"}) {
                          opportunity { assessment { competitors { name } questions { criteria { number competitors { competitor { name } rating } } } } } } }""")
                .variable("o", OPP).execute();
        swapped.path("updateOpportunity.opportunity.assessment.competitors[*].name").entityList(String.class)
                .containsExactly("Acme Soft", "X-Sys");
        swapped.path("updateOpportunity.opportunity.assessment.questions[1].criteria[0].competitors[*].rating")
                .entityList(String.class).containsExactly("UNKNOWN", "MINUS");
        swapped.path("updateOpportunity.opportunity.assessment.questions[0].criteria[0].competitors[1].rating")
                .entity(String.class).isEqualTo("PLUS");
        swapped.path("updateOpportunity.opportunity.assessment.questions[0].criteria[0].competitors[0].rating")
                .valueIsNull();
    }

    @Test
    void theTreeRecommendsAStrategyTheRepChoosesItAndIsWarnedWhenTheAssessmentShifts() {
        rate("{criterion: 6, us: PLUS}, {criterion: 8, us: PLUS}, {criterion: 10, us: PLUS}, {criterion: 17, us: PLUS}");
        var advice = graphQl.document("""
                        mutation($o: ID!) { answerStrategyQuestions(input: {opportunity: $o, threeToOneAdvantage: NO,
                                                                           canChangeBuyingCriteria: YES}) {
                          opportunity { strategyAdvice { recommended provisional summary questions { threeToOneAdvantage profitableSubset }
                                                         path { step answer basis outcome } } } } }""")
                .variable("o", OPP).execute();
        advice.path("answerStrategyQuestions.opportunity.strategyAdvice.recommended").entity(String.class).isEqualTo("FLANKING");
        advice.path("answerStrategyQuestions.opportunity.strategyAdvice.provisional").entity(Boolean.class).isEqualTo(false);
        advice.path("answerStrategyQuestions.opportunity.strategyAdvice.path[*].step").entityList(Integer.class).containsExactly(1, 2, 3);
        advice.path("answerStrategyQuestions.opportunity.strategyAdvice.summary").entity(String.class).satisfies(s ->
                assertThat(s).startsWith("1. Is there a compelling event (#5), or can you create one? and can you compete (#6–#10)? yes → 2. Do you have a 3:1 advantage? no")
                        .endsWith("→ Flanking"));
        advice.path("answerStrategyQuestions.opportunity.strategyAdvice.questions.profitableSubset").entity(String.class).isEqualTo("UNKNOWN");

        graphQl.document("mutation($o: ID!) { chooseStrategy(input: {opportunity: $o, strategy: FLANKING, rationale: \" \"}) { opportunity { id } } }")
                .variable("o", OPP).execute().errors().satisfy(expect("input.rationale", "BAD_REQUEST", "why"));
        var chosen = graphQl.document("""
                        mutation($o: ID!) { chooseStrategy(input: {opportunity: $o, strategy: FLANKING,
                                                                   rationale: "Shift the criteria to service quality, where X-Sys is weak"}) {
                          opportunity { strategy strategyChoice { strategy rationale chosenOn recommended followedAdvice shift { material } } } } }""")
                .variable("o", OPP).execute();
        chosen.path("chooseStrategy.opportunity.strategy").entity(String.class).isEqualTo("FLANKING");
        chosen.path("chooseStrategy.opportunity.strategyChoice.chosenOn").entity(String.class).isEqualTo("2027-01-10");
        chosen.path("chooseStrategy.opportunity.strategyChoice.followedAdvice").entity(Boolean.class).isEqualTo(true);
        chosen.path("chooseStrategy.opportunity.strategyChoice.shift.material").entity(Boolean.class).isEqualTo(false);

        // The compelling event turns out to be undefined: the tree now goes to step 6.
        rate("{criterion: 5, us: MINUS}");
        var shifted = graphQl.document("query($o: ID!) { opportunity(id: $o) { strategyHistory { strategy } strategyChoice { shift { material recommendedNow changedCriteria reasons } } } }")
                .variable("o", OPP).execute();
        shifted.path("opportunity.strategyChoice.shift.material").entity(Boolean.class).isEqualTo(true);
        shifted.path("opportunity.strategyChoice.shift.recommendedNow").entity(String.class).isEqualTo("DEVELOP");
        shifted.path("opportunity.strategyChoice.shift.changedCriteria").entityList(Integer.class).containsExactly(5);
        // The new advice and the tree input that moved (their wording: StrategyTreeTest).
        shifted.path("opportunity.strategyChoice.shift.reasons").entityList(String.class).hasSize(2);
        shifted.path("opportunity.strategyHistory[*].strategy").entityList(String.class).containsExactly("FLANKING");
    }

    // ---- plan

    @Test
    void planChecksFireAndClearAndTacticsSortAndFilter() {
        var checks = checks();
        // The example's only tactic is overdue; four PRIME categories have no tactic; #5, #11 and #15 are rated ?
        // (for us or X-Sys) with no retrieve tactic naming them; the objective names no offering.
        assertThat(codes(checks)).containsExactlyInAnyOrder("TACTIC_OVERDUE", "PRIME_CATEGORY_EMPTY",
                "PRIME_CATEGORY_EMPTY", "PRIME_CATEGORY_EMPTY", "PRIME_CATEGORY_EMPTY",
                "UNKNOWN_WITHOUT_RETRIEVE_TACTIC", "UNKNOWN_WITHOUT_RETRIEVE_TACTIC",
                "UNKNOWN_WITHOUT_RETRIEVE_TACTIC", "OBJECTIVE_INCOMPLETE");
        assertThat(checks.get(0)).containsEntry("code", "TACTIC_OVERDUE").containsEntry("severity", "HIGH");
        assertThat(checks).filteredOn(c -> "UNKNOWN_WITHOUT_RETRIEVE_TACTIC".equals(c.get("code")))
                .extracting(c -> c.get("criterion")).containsExactly(5, 11, 15);

        // Judged on another day, the tactic is not overdue yet.
        graphQl.document("query($o: ID!) { plan(opportunity: $o) { checks(asOf: \"2026-12-01\") { code } } }").variable("o", OPP)
                .execute().path("plan.checks[*].code").entityList(String.class).doesNotContain("TACTIC_OVERDUE");

        String oldTactic = graphQl.document("query($o: ID!) { plan(opportunity: $o) { tactics { edges { node { id overdue owner { name role } } } } } }")
                .variable("o", OPP).execute().path("plan.tactics.edges[0].node.id").entity(String.class).get();
        graphQl.document("mutation($id: ID!) { updateTactic(input: {id: $id, done: true}) { tactic { done overdue } } }")
                .variable("id", oldTactic).execute().path("updateTactic.tactic.overdue").entity(Boolean.class).isEqualTo(false);
        addTactic("PROVE_VALUE", "Reference visit at United Telecom", "2027-02-01", "[]");
        addTactic("RETRIEVE_INFORMATION", "Ask Dana how the Senior VP sees the project", "2027-01-20", "[5, 11]");
        addTactic("RETRIEVE_INFORMATION", "Find out who else Morgan Blake advises (#15)", "2027-01-25", "[]");
        addTactic("INSULATE", "Propose a joint service-quality pilot", "2027-02-15", "[]");
        addTactic("MINIMIZE_WEAKNESSES", "Executive sponsor call with the Senior VP", "2027-01-30", "[12]");
        addTactic("EMPHASIZE_STRENGTHS", "Show the call-center metrics scorecard", "2027-02-05", "[]");
        graphQl.document("mutation($o: ID!) { setPlan(input: {opportunity: $o, offering: \"Customer service suite\"}) { plan { objectiveCheck { complete problems } } } }")
                .variable("o", OPP).execute().path("setPlan.plan.objectiveCheck.complete").entity(Boolean.class).isEqualTo(true);
        assertThat(checks()).isEmpty();

        // A tactic with no owner and no date.
        graphQl.document("mutation($o: ID!) { addTactic(input: {opportunity: $o, prime: INSULATE, what: \"Brief the partner\", position: 0}) { tactic { position owner { name } due } } }")
                .variable("o", OPP).execute().path("addTactic.tactic.position").entity(Integer.class).isEqualTo(0);
        assertThat(codes(checks())).containsExactly("TACTIC_WITHOUT_OWNER", "TACTIC_WITHOUT_DATE");

        var tactics = graphQl.document("""
                        query($o: ID!) { plan(opportunity: $o) {
                          all: tactics { totalCount edges { node { what position } } }
                          retrieve: tactics(filter: {prime: [RETRIEVE_INFORMATION], done: false}, orderBy: DUE) { edges { node { what due } } }
                          byRandy: tactics(filter: {owner: "national-manufacturing/randy", dueBefore: "2027-02-02"}) { totalCount }
                          page: tactics(first: 2) { pageInfo { hasNextPage } edges { node { position } } } } }""")
                .variable("o", OPP).execute();
        tactics.path("plan.all.totalCount").entity(Integer.class).isEqualTo(8);
        tactics.path("plan.all.edges[*].node.position").entityList(Integer.class).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        tactics.path("plan.all.edges[0].node.what").entity(String.class).isEqualTo("Brief the partner");
        tactics.path("plan.retrieve.edges[*].node.due").entityList(String.class).containsExactly("2027-01-20", "2027-01-25");
        tactics.path("plan.byRandy.totalCount").entity(Integer.class).isEqualTo(5);
        tactics.path("plan.page.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);

        // Refused: an owner from no team, an empty "what"; nothing written.
        long before = version();
        graphQl.document("mutation($o: ID!) { addTactic(input: {opportunity: $o, what: \"x\", owner: \"national-manufacturing/nobody\"}) { tactic { id } } }")
                .variable("o", OPP).execute().errors().satisfy(expect("input.owner", "NOT_FOUND", "no team member"));
        graphQl.document("mutation($o: ID!) { addTactic(input: {opportunity: $o, what: \" \"}) { tactic { id } } }")
                .variable("o", OPP).execute().errors().satisfy(expect("input.what", "BAD_REQUEST", "must not be empty"));
        graphQl.document("mutation { removeTactic(id: \"national-manufacturing/no-such-tactic\") { plan { goal } } }")
                .execute().errors().satisfy(expect("input.id", "NOT_FOUND", "no tactic"));
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void patchesKeepFieldsLeftOutAndClearExplicitNulls() {
        graphQl.document("mutation($o: ID!) { setPlan(input: {opportunity: $o, goal: \"Win the service desk\", offering: \"Suite\"}) { plan { goal } } }")
                .variable("o", OPP).execute().path("setPlan.plan.goal").entity(String.class).isEqualTo("Win the service desk");
        var plan = graphQl.document("mutation($o: ID!) { setPlan(input: {opportunity: $o, goal: null}) { plan { goal offering } } }")
                .variable("o", OPP).execute();
        plan.path("setPlan.plan.goal").valueIsNull();
        plan.path("setPlan.plan.offering").entity(String.class).isEqualTo("Suite");

        String tactic = graphQl.document("query($o: ID!) { plan(opportunity: $o) { tactics { edges { node { id due } } } } }")
                .variable("o", OPP).execute().path("plan.tactics.edges[0].node.id").entity(String.class).get();
        var kept = graphQl.document("mutation($id: ID!) { updateTactic(input: {id: $id, resources: \"Two engineers\"}) { tactic { due resources } } }")
                .variable("id", tactic).execute();
        kept.path("updateTactic.tactic.due").entity(String.class).isEqualTo("2026-12-16");
        kept.path("updateTactic.tactic.resources").entity(String.class).isEqualTo("Two engineers");
        var cleared = graphQl.document("mutation($id: ID!) { updateTactic(input: {id: $id, due: null}) { tactic { due resources } } }")
                .variable("id", tactic).execute();
        cleared.path("updateTactic.tactic.due").valueIsNull();
        cleared.path("updateTactic.tactic.resources").entity(String.class).isEqualTo("Two engineers");

        rate("{criterion: 7, us: PLUS, note: \"from the RFP\"}");
        rate("{criterion: 7, us: MINUS}");
        String criterion7 = "assessment.questions[*].criteria[?(@.number == 7)]";
        var seven = graphQl.document("query($o: ID!) { assessment(opportunity: $o) { questions { criteria { number us note } } } }")
                .variable("o", OPP).execute();
        seven.path(criterion7 + ".note").entityList(String.class).containsExactly("from the RFP");
        seven.path(criterion7 + ".us").entityList(String.class).containsExactly("MINUS");
        rate("{criterion: 7, note: null}");
        graphQl.document("query($o: ID!) { assessment(opportunity: $o) { questions { criteria { number us note } } } }")
                .variable("o", OPP).execute().path(criterion7 + ".us").entityList(String.class).containsExactly("MINUS")
                .path(criterion7 + ".note").entityList(String.class).satisfies(notes -> assertThat(notes).containsOnlyNulls());
    }

    @Test
    void reviewersChallengeAndPresentersAnswer() {
        var added = graphQl.document("mutation($o: ID!) { addReviewComment(input: {opportunity: $o, reviewer: \"Nicole\", kind: CHALLENGE, text: \"Who will sponsor the pilot?\"}) { comment { id raisedOn answer } } }")
                .variable("o", OPP).execute();
        String id = added.path("addReviewComment.comment.id").entity(String.class).get();
        added.path("addReviewComment.comment.raisedOn").entity(String.class).isEqualTo("2027-01-10");
        graphQl.document("mutation($id: ID!) { answerReviewComment(input: {id: $id, presenter: \"Randy\", answer: \"Dana, once the Senior VP agrees\"}) { plan { reviews { kind reviewer text presenter answer answeredOn } } } }")
                .variable("id", id).execute()
                .path("answerReviewComment.plan.reviews[0]").entity(Map.class).satisfies(r -> assertThat(r)
                        .containsEntry("kind", "CHALLENGE").containsEntry("presenter", "Randy")
                        .containsEntry("answer", "Dana, once the Senior VP agrees").containsEntry("answeredOn", "2027-01-10"));
    }

    // ---- stages

    @Test
    @SuppressWarnings("unchecked")
    void advancingPastUnmetOutcomesNeedsARecordedOverride() {
        long before = version();
        graphQl.document("mutation($o: ID!) { advanceStage(input: {opportunity: $o, stage: SOLUTION}) { opportunity { stage } } }")
                .variable("o", OPP).execute().errors()
                .satisfy(expect("input.stage", "BAD_REQUEST", "Key sponsor named; Winning strategy; Executive credibility"));
        graphQl.document("mutation($o: ID!) { advanceStage(input: {opportunity: $o, stage: SOLUTION, override: true}) { opportunity { stage } } }")
                .variable("o", OPP).execute().errors().satisfy(expect("input.reason", "BAD_REQUEST", "needs a reason"));
        // The map edit of the opportunity is held to the same rule, and has no override.
        graphQl.document("mutation($o: ID!) { updateOpportunity(input: {id: $o, stage: CLOSE}) { opportunity { stage } } }")
                .variable("o", OPP).execute().errors()
                .satisfy(expect("input.stage", "BAD_REQUEST", "use advanceStage with override and a reason"));
        graphQl.document("mutation($o: ID!) { recordStageOutcome(input: {opportunity: $o, outcome: KEY_SPONSOR_NAMED, met: true}) { opportunity { stage } } }")
                .variable("o", OPP).execute().errors().satisfy(expect("input.evidence", "BAD_REQUEST", "verifiable"));
        assertThat(version()).isEqualTo(before);

        outcome("KEY_SPONSOR_NAMED", "Dana Wells sponsors the project in writing");
        outcome("WINNING_STRATEGY", "Flanking, reviewed with the team");
        outcome("EXECUTIVE_CREDIBILITY", "Meeting with the Senior VP on 2027-01-05");
        graphQl.document("mutation($o: ID!) { advanceStage(input: {opportunity: $o, stage: SOLUTION}) { opportunity { stage } stageProgress { probability transitions { from to override } } } }")
                .variable("o", OPP).execute().path("advanceStage.stageProgress").entity(Map.class).satisfies(p -> {
                    assertThat(p.get("probability")).isEqualTo(60);
                    assertThat((List<Object>) p.get("transitions")).containsExactly(Map.of("from", "DEVELOP", "to", "SOLUTION", "override", false));
                });
        var progress = graphQl.document("""
                        mutation($o: ID!) { advanceStage(input: {opportunity: $o, stage: PROOF, override: true, reason: "the pilot is the proof"}) {
                          stageProgress { stage lastCompleted transitions { to override reason unmetOutcomes on }
                                          stages { stage complete current outcomes { outcome met evidence } } } } }""")
                .variable("o", OPP).execute();
        progress.path("advanceStage.stageProgress.transitions[1]").entity(Map.class).isEqualTo(Map.of("to", "PROOF",
                "override", true, "reason", "the pilot is the proof", "on", "2027-01-10",
                "unmetOutcomes", List.of("Differentiated solution communicated", "Capabilities embraced by decision maker")));
        progress.path("advanceStage.stageProgress.stages[1].complete").entity(Boolean.class).isEqualTo(true);
        progress.path("advanceStage.stageProgress.stages[3].current").entity(Boolean.class).isEqualTo(true);
        // Qualify's outcomes were never recorded, so no step is complete in order yet.
        progress.path("advanceStage.stageProgress.lastCompleted").valueIsNull();

        outcome("OPPORTUNITY_CONFIRMED_AND_SIZED", "$3M budget confirmed by the CFO");
        outcome("BURNING_ISSUE_IDENTIFIED", "repeat service calls cost $3.4M a month");
        outcome("INITIAL_CUSTOMER_CONTACTS_NAMED", "Dana Wells, Alex Park");
        var debrief = graphQl.document("query($o: ID!) { opportunity(id: $o) { debrief { question answer details } } }")
                .variable("o", OPP).execute().path("opportunity.debrief").entityList(Map.class).get();
        assertThat(debrief).extracting(d -> d.get("question")).containsExactly(
                "What is the last TAS step completed successfully?", "Show me its verifiable outcomes.",
                "Which activity in the current step are you working on?", "Show me your preparation.");
        assertThat(debrief.get(0).get("answer")).isEqualTo("Develop (40%)");
        assertThat((List<Object>) debrief.get(1).get("details")).contains("Key sponsor named: Dana Wells sponsors the project in writing (2027-01-10)");
        assertThat((String) debrief.get(2).get("answer")).startsWith("Proof (80%): demonstrate capability to deliver; 2 outcome(s) still to reach");
        assertThat((List<Object>) debrief.get(2).get("details")).contains("open tactic: Meet the Director of Engineering to discuss finance issues "
                + "and obtain his endorsement before the senior-management presentation — Randy — due 2026-12-16 (overdue)");
        assertThat((String) debrief.get(3).get("answer")).startsWith("1 tactics (0 done), 0 review comments (0 unanswered)");

        // Back and to Lost need no override; a map edit going back is recorded too.
        graphQl.document("mutation($o: ID!) { updateOpportunity(input: {id: $o, stage: SOLUTION}) { opportunity { stageProgress { transitions { from to reason } } } } }")
                .variable("o", OPP).execute().path("updateOpportunity.opportunity.stageProgress.transitions[2]").entity(Map.class)
                .isEqualTo(Map.of("from", "PROOF", "to", "SOLUTION", "reason", "changed with updateOpportunity"));
        graphQl.document("mutation($o: ID!) { advanceStage(input: {opportunity: $o, stage: LOST, reason: \"budget frozen\"}) { stageProgress { stage probability } } }")
                .variable("o", OPP).execute().path("advanceStage.stageProgress.probability").entity(Integer.class).isEqualTo(0);
    }

    // ---- bundle and printable plan

    @Test
    void theBundleCarriesAssessmentStrategyGoalObjectiveAndTactics() {
        rate("{criterion: 20, us: PLUS, competitors: [{competitor: \"national-manufacturing/x-sys\", rating: MINUS}], note: \"a reference account\"}");
        graphQl.document("mutation($o: ID!) { chooseStrategy(input: {opportunity: $o, strategy: DEVELOP, rationale: \"invest now\"}) { opportunity { id } } }")
                .variable("o", OPP).execute();
        addTactic("PROVE_VALUE", "Reference visit at United Telecom", "2027-02-01", "[]");
        String exported = export();
        assertThat(exported).contains("\"criterion\":20,\"us\":\"+\",\"competitor\":\"-\",\"note\":\"a reference account\"")
                .contains("\"strategy\":\"DEVELOP\"")
                .contains("{\"prime\":\"PROVE_VALUE\",\"what\":\"Reference visit at United Telecom\",\"owner\":\"randy\",\"due\":\"2027-02-01\",\"done\":false}");
        http.post().uri("/api/bundles").contentType(MediaType.APPLICATION_JSON).bodyValue(exported).exchange().expectStatus().isOk();
        assertThat(export()).isEqualTo(exported);
        // Imported tactics get keys, so GraphQL can edit them.
        graphQl.document("query($o: ID!) { plan(opportunity: $o) { tactics { edges { node { id what } } } } }").variable("o", OPP)
                .execute().path("plan.tactics.edges[*].node.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).hasSize(2).allMatch(i -> i.startsWith("national-manufacturing/")));
    }

    @Test
    void thePrintablePlanIsOnePageOfHtmlAndPdf() throws IOException {
        addTactic("PROVE_VALUE", "Reference visit at United Telecom", "2027-02-01", "[]");
        String html = http.get().uri("/opportunities/national-manufacturing/customer-service-2027/plan").exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<h1>Worldwide customer service system</h1>").contains("Reference visit at United Telecom");
        byte[] pdf = http.get().uri("/opportunities/national-manufacturing/customer-service-2027/plan.pdf").exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("Worldwide customer service system").contains("Reference visit at United Telecom")
                    .contains("Meet the Director of Engineering").contains("Dana Wells").contains("Compelling event")
                    .contains("Retrieve missing information");
        }
        http.get().uri("/opportunities/national-manufacturing/nope/plan.pdf").exchange().expectStatus().isNotFound();
    }

    // ---- helpers

    private void rate(String ratings) {
        graphQl.document("mutation($o: ID!) { rateCriteria(input: {opportunity: $o, ratings: [" + ratings + "]}) { assessment { overall { text } } } }")
                .variable("o", OPP).execute().path("rateCriteria.assessment.overall.text").hasValue();
    }

    private void addTactic(String prime, String what, String due, String criteria) {
        graphQl.document("mutation($o: ID!, $what: String!, $due: Date) { addTactic(input: {opportunity: $o, prime: " + prime
                        + ", what: $what, owner: \"national-manufacturing/randy\", due: $due, criteria: " + criteria + "}) { tactic { id } } }")
                .variable("o", OPP).variable("what", what).variable("due", due).execute().path("addTactic.tactic.id").hasValue();
    }

    private void outcome(String outcome, String evidence) {
        graphQl.document("mutation($o: ID!, $e: String) { recordStageOutcome(input: {opportunity: $o, outcome: " + outcome
                        + ", met: true, evidence: $e}) { stageProgress { stage } } }")
                .variable("o", OPP).variable("e", evidence).execute().path("recordStageOutcome.stageProgress").hasValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> checks() {
        return (List<Map<String, Object>>) (List<?>) graphQl.document("query($o: ID!) { plan(opportunity: $o) { checks { code severity message criterion prime tactic } } }")
                .variable("o", OPP).execute().path("plan.checks").entityList(Map.class).get();
    }

    private static List<Object> codes(List<Map<String, Object>> checks) {
        return checks.stream().map(c -> c.get("code")).toList();
    }

    private String export() {
        return http.get().uri("/api/accounts/national-manufacturing/bundle").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static Map<?, ?> byNumber(List<Map> criteria, int number) {
        return criteria.stream().filter(c -> ((Number) c.get("number")).intValue() == number).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> suggested(Map<?, ?> criterion) {
        return (Map<String, Object>) criterion.get("suggested");
    }

    @SuppressWarnings("unchecked")
    private static List<String> reasons(Map<?, ?> criterion) {
        return (List<String>) suggested(criterion).get("reasons");
    }

    private static long version() {
        return Neo4jHarness.database().executeTransactionally(
                "MATCH (a:Account {key: 'national-manufacturing'}) RETURN a.version AS v",
                Map.of(), r -> ((Number) r.next().get("v")).longValue());
    }

    private static Consumer<List<ResponseError>> expect(String field, String classification, String reasonContains) {
        return errors -> {
            assertThat(errors).hasSize(1);
            ResponseError e = errors.get(0);
            assertThat(e.getExtensions()).containsEntry("classification", classification).containsEntry("field", field);
            assertThat((String) e.getExtensions().get("reason")).contains(reasonContains);
        };
    }
}
