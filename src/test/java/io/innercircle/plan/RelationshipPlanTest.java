package io.innercircle.plan;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relationship plans recorded per person and opportunity, tactics aimed at people, and the coach's plan review,
 * over real HTTP and Neo4j on the course example, each as the user who does it.
 */
class RelationshipPlanTest extends IntegrationTest {

    static final String OPP = "national-manufacturing/customer-service-2027";
    static final String SAM = "national-manufacturing/deng";

    @BeforeEach
    void courseExample() {
        TestBundles.importBundle(http, "course-example.json");
    }

    @Test
    void aRepRecordsARelationshipPlanThatStartsFromTheComputedStrategy() {
        var nicole = as("nicole").graphQl();
        // Before anything is recorded: the computed strategy for the non-supporting decision maker.
        nicole.documentName("relationshipPlan").variable("o", OPP).variable("s", SAM).execute()
                .path("relationshipPlan.person.name").entity(String.class).isEqualTo("Sam Ortiz")
                .path("relationshipPlan.strategy").entity(String.class).isEqualTo("NEUTRALIZE")
                .path("relationshipPlan.recorded").entity(Boolean.class).isEqualTo(false)
                .path("relationshipPlans").entityList(Object.class).hasSize(0);

        nicole.documentName("setRelationshipPlan").variable("input", Map.of("opportunity", OPP, "stakeholder", SAM,
                        "strategy", "MOTIVATE", "owner", "national-manufacturing/nicole",
                        "nextStep", "Lunch with Sam about the finance issues", "due", "2020-01-15"))
                .execute()
                .path("setRelationshipPlan.plan.strategy").entity(String.class).isEqualTo("MOTIVATE")
                .path("setRelationshipPlan.plan.computed").entity(String.class).isEqualTo("NEUTRALIZE")
                .path("setRelationshipPlan.plan.owner.name").entity(String.class).isEqualTo("Nicole")
                .path("setRelationshipPlan.plan.overdue").entity(Boolean.class).isEqualTo(true);

        // A patch: the outcome is added, the rest stays.
        nicole.documentName("setRelationshipPlan").variable("input", Map.of("opportunity", OPP, "stakeholder", SAM,
                        "outcome", "Sam agreed to a second meeting"))
                .execute()
                .path("setRelationshipPlan.plan.nextStep").entity(String.class).isEqualTo("Lunch with Sam about the finance issues")
                .path("setRelationshipPlan.plan.outcome").entity(String.class).isEqualTo("Sam agreed to a second meeting");

        nicole.documentName("relationshipPlan").variable("o", OPP).variable("s", SAM).execute()
                .path("relationshipPlans[0].person.name").entity(String.class).isEqualTo("Sam Ortiz")
                .path("relationshipPlans[0].overdue").entity(Boolean.class).isEqualTo(true);

        // The overdue next step is a map-health warning naming the person.
        nicole.document("query($o: ID!) { mapHealth(opportunity: $o) { warnings { code message people { name } } } }")
                .variable("o", OPP).execute()
                .path("mapHealth.warnings[?(@.code == 'NEXT_STEP_OVERDUE')].people[*].name").entityList(String.class)
                .containsExactly("Sam Ortiz");

        // The history has it, with who did it.
        List<String> described = graphQl.document("""
                        query($a: ID!) { changes(account: $a, first: 5) { edges { node { by changes { description } } } } }""")
                .variable("a", "national-manufacturing").execute()
                .path("changes.edges[*].node.changes[*].description").entityList(String.class).get();
        assertThat(described).anyMatch(d -> d.contains("relationship plan") && d.contains("Sam Ortiz"));
    }

    @Test
    void refusedInputChangesNothingAndNamesTheField() {
        var nicole = as("nicole").graphQl();
        nicole.documentName("setRelationshipPlan").variable("input", Map.of("opportunity", OPP,
                        "stakeholder", "national-manufacturing/nobody", "nextStep", "x"))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "NOT_FOUND")));
        nicole.documentName("setRelationshipPlan").variable("input", Map.of("opportunity", OPP, "stakeholder", SAM,
                        "owner", "national-manufacturing/ghost"))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("owner")));
        nicole.documentName("relationshipPlan").variable("o", OPP).variable("s", SAM).execute()
                .path("relationshipPlans").entityList(Object.class).hasSize(0);
    }

    @Test
    void aTacticIsAimedAtTwoPeopleOfTheMap() {
        var nicole = as("nicole").graphQl();
        String tactic = nicole.document("""
                        mutation($o: ID!) { addTactic(input: {opportunity: $o, prime: PROVE_VALUE,
                          what: "Meet John to discuss finance issues"}) { tactic { id } } }""")
                .variable("o", OPP).execute().path("addTactic.tactic.id").entity(String.class).get();
        nicole.documentName("setTacticTargets").variable("tactic", tactic)
                .variable("people", List.of(SAM, "national-manufacturing/svp")).execute()
                .path("setTacticTargets.tactic.targets[*].name").entityList(String.class)
                .containsExactly("Pat Morgan", "Sam Ortiz");
        // An unknown person: refused whole, the earlier targets stay.
        nicole.documentName("setTacticTargets").variable("tactic", tactic)
                .variable("people", List.of(SAM, "national-manufacturing/nobody")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("classification", "NOT_FOUND");
                    assertThat(e.getMessage()).contains("people[1]");
                }));
        List<String> targets = nicole.document("query($o: ID!) { plan(opportunity: $o) { tactics(filter: {prime: [PROVE_VALUE]}) { edges { node { what targets { name } } } } } }")
                .variable("o", OPP).execute()
                .path("plan.tactics.edges[?(@.node.what == 'Meet John to discuss finance issues')].node.targets[*].name")
                .entityList(String.class).get();
        assertThat(targets).containsExactly("Pat Morgan", "Sam Ortiz");
    }

    @Test
    void theCoachReviewsThePlanButMayNotChangeIt() {
        var coach = as("coach").graphQl();
        coach.document("""
                        mutation($o: ID!) { addReviewComment(input: {opportunity: $o, reviewer: "coach", kind: CHALLENGE,
                          text: "Who covers the Senior VP?"}) { comment { reviewer text } plan { reviews { text } } } }""")
                .variable("o", OPP).execute()
                .path("addReviewComment.comment.reviewer").entity(String.class).isEqualTo("coach")
                .path("addReviewComment.plan.reviews[*].text").entityList(String.class).contains("Who covers the Senior VP?");
        coach.documentName("setRelationshipPlan").variable("input", Map.of("opportunity", OPP, "stakeholder", SAM, "nextStep", "x"))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        coach.document("mutation($o: ID!) { setPlan(input: {opportunity: $o, goal: \"g\"}) { plan { goal } } }")
                .variable("o", OPP).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
    }
}
