package io.innercircle.analysis.strategy;

import io.innercircle.analysis.MapSnapshot.Person;
import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.Bundles;
import io.innercircle.analysis.MapBuilder;
import io.innercircle.analysis.innercircle.CandidateScoring;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RelationshipStrategiesTest {

    private static final String DEAL = "customer-service-2027";

    private static DealStrategy course() {
        AccountNetwork g = AccountNetwork.of(Bundles.courseExample());
        return RelationshipStrategies.plan(g, CandidateScoring.analyse(g), DEAL);
    }

    @Test
    void strategyFollowsStatus() {
        assertThat(RelationshipStrategy.forStatus(Status.MENTOR)).isEqualTo(RelationshipStrategy.LEVERAGE);
        assertThat(RelationshipStrategy.forStatus(Status.SUPPORTER)).isEqualTo(RelationshipStrategy.LEVERAGE);
        assertThat(RelationshipStrategy.forStatus(Status.NEUTRAL)).isEqualTo(RelationshipStrategy.MOTIVATE);
        assertThat(RelationshipStrategy.forStatus(null)).isEqualTo(RelationshipStrategy.MOTIVATE);
        assertThat(RelationshipStrategy.forStatus(Status.NON_SUPPORTER)).isEqualTo(RelationshipStrategy.NEUTRALIZE);
        assertThat(RelationshipStrategy.forStatus(Status.ENEMY)).isEqualTo(RelationshipStrategy.NEUTRALIZE);
        assertThat(RelationshipStrategy.NEUTRALIZE.posture()).isEqualTo(Posture.DEFENSIVE);
        assertThat(RelationshipStrategy.MOTIVATE.posture()).isEqualTo(Posture.OFFENSIVE);
    }

    @Test
    void courseExampleCoversEveryoneInvolvedPlusTheInnerCircleKeyPlayersFirst() {
        DealStrategy d = course();

        assertThat(d.stakeholders()).extracting(StakeholderStrategy::key)
                .containsExactly("dis", "deng", "cons", "svp", "sys", "mfg", "rnd", "ops", "dsm");
        assertThat(d.stakeholders()).extracting(StakeholderStrategy::key, StakeholderStrategy::strategy,
                StakeholderStrategy::priority).startsWith(
                org.assertj.core.groups.Tuple.tuple("dis", RelationshipStrategy.LEVERAGE, Priority.HIGH),
                org.assertj.core.groups.Tuple.tuple("deng", RelationshipStrategy.NEUTRALIZE, Priority.HIGH),
                org.assertj.core.groups.Tuple.tuple("cons", RelationshipStrategy.MOTIVATE, Priority.HIGH),
                org.assertj.core.groups.Tuple.tuple("svp", RelationshipStrategy.MOTIVATE, Priority.HIGH));
        // The consultant holds no role in the deal but is Inner Circle, so the plan covers them.
        StakeholderStrategy cons = d.require("cons");
        assertThat(cons.roles()).isEmpty();
        assertThat(cons.innerCircle()).isTrue();
        assertThat(cons.approach()).isNull();
        assertThat(cons.approachNote()).isEqualTo("Nobody on the map is recorded as shaping Morgan Blake's decisions.");
        assertThat(d.require("mfg").strategy()).isEqualTo(RelationshipStrategy.NEUTRALIZE);
        assertThat(d.require("ops").priority()).isEqualTo(Priority.LOW);
        assertThat(d.require("rnd").priority()).isEqualTo(Priority.MEDIUM);
    }

    @Test
    void alliesAreTheSupporterAndThePeopleNicoleKnowsWell() {
        assertThat(course().allies()).extracting(a -> a.key() + ": " + a.why()).containsExactly(
                "dis: supporter in this deal; Randy has in-depth contact",
                "rnd: neutral in this deal; Nicole has multiple contacts",
                "sys: neutral in this deal; Nicole has multiple contacts");
    }

    @Test
    void theDecisionMakerIsReachedThroughKimNovakNotThroughDanaWithWhomHeIsInConflict() {
        StakeholderStrategy deng = course().require("deng");

        assertThat(deng.approach().people()).containsExactly("rnd", "deng");
        assertThat(deng.approach().strength()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(deng.approachVia().key()).isEqualTo("rnd");
        assertThat(deng.approachNote()).isEqualTo("Kim Novak is not yet a supporter; motivate them before asking "
                + "for help.");
        assertThat(deng.actions()).containsExactly(
                "Minimize their influence on the decision: nobody on the map is recorded as taking Sam Ortiz's "
                        + "lead; keep it that way by giving them no platform in the evaluation.",
                "Work through allies: Randy has brief contact with Sam Ortiz already; to add weight, ask Kim Novak "
                        + "(neutral in this deal; Nicole has multiple contacts) to help: Kim Novak → Sam Ortiz "
                        + "(medium), route strength 0.67. Kim Novak is not yet a supporter, so motivate them first.",
                "Find out why Sam Ortiz does not support us, in their business and personal agenda, and answer what "
                        + "you can.",
                "Don't make Dana Wells your messenger: Dana Wells and Sam Ortiz are in conflict.");
        assertThat(deng.sellThem()).isEqualTo("guarantees");
        assertThat(deng.caveats()).isEmpty();
    }

    @Test
    void theSeniorVpIsReachedThroughDanaAndDanaIsAskedForThatHelp() {
        DealStrategy d = course();
        StakeholderStrategy svp = d.require("svp");
        assertThat(svp.approach().describe()).isEqualTo("Dana Wells → Pat Morgan (strong)");
        assertThat(svp.approach().strength()).isEqualTo(1.0);
        assertThat(svp.approachNote()).isNull();
        assertThat(svp.actions()).contains("Demonstrate: Sell Pat Morgan return on investment and proven expertise "
                + "solving similar problems: a pragmatist wants enhancements or extensions of existing systems and "
                + "total solutions, and buys evolution.");

        StakeholderStrategy dis = d.require("dis");
        assertThat(dis.approach()).isNull();
        assertThat(dis.approachNote()).isNull();
        assertThat(dis.actions()).contains(
                "Ask for help: Dana Wells is our strongest way in to Pat Morgan and Lee Chen (Dana Wells → Pat Morgan "
                        + "(strong); Dana Wells → Lee Chen (medium)); ask them to make our case.",
                "Don't send Dana Wells to Sam Ortiz: they are in conflict, and Dana Wells's support could turn Sam "
                        + "Ortiz against us.");
        assertThat(dis.caveats()).containsExactlyElementsOf(RelationshipStrategy.LEVERAGE.caveats());
    }

    @Test
    void theEnemysListenersAreNamedSoTheyHearUsFirst() {
        StakeholderStrategy mfg = course().require("mfg");
        assertThat(mfg.actions()).contains(
                "Minimize their influence on the decision: Chris Hale's opinion shapes the decisions of Sam Ortiz "
                        + "(strong line); make sure they hear our case from our allies first.",
                "Treat anything you share with Chris Hale as shared with the competitor.");
    }

    @Test
    void priorityWeighsDecidingRolesAndInfluence() {
        assertThat(RelationshipStrategies.priorityScore(List.of(BuyingRole.DECISION_MAKER), 0, false))
                .isEqualTo(0.5);
        assertThat(RelationshipStrategies.priorityScore(List.of(BuyingRole.USER, BuyingRole.APPROVER), 0.2, false))
                .isCloseTo(0.55, within(1e-12));
        assertThat(RelationshipStrategies.priorityScore(List.of(), 0.3, true)).isEqualTo(0.5);
        assertThat(RelationshipStrategies.priorityScore(List.of(BuyingRole.USER), 0, false)).isEqualTo(0.125);
    }

    @Test
    void aRouteNeverPassesThroughAnEnemyEvenWhenItWouldBeStronger() {
        AccountNetwork g = MapBuilder.map()
                .person("ally", "Architect", "IT", 3).person("foe", "Buyer", "Purchasing", 3)
                .person("bridge", "Analyst", "Finance", 2).person("boss", "CFO", "Finance", 5)
                .influences("ally", "foe", 3).influences("foe", "boss", 3)
                .influences("ally", "bridge", 2).influences("bridge", "boss", 1)
                .involved("d", "ally", "MENTOR").involved("d", "foe", "ENEMY")
                .involved("d", "boss", "NEUTRAL", "DECISION_MAKER")
                .network();
        DealStrategy d = RelationshipStrategies.plan(g, CandidateScoring.analyse(g), "d");

        StakeholderStrategy boss = d.require("boss");
        assertThat(boss.approach().people()).containsExactly("ally", "bridge", "boss");
        assertThat(boss.approach().strength()).isCloseTo(2 / 9.0, within(1e-12));
        assertThat(boss.approachVia().status()).isEqualTo(Status.MENTOR);
    }

    @Test
    void withoutAnAdaptabilityTheRepIsAskedToRecordIt() {
        AccountNetwork g = MapBuilder.map()
                .person(new Person("p", "Pat", "CIO", "IT", 5, null, null, false, false, null))
                .involved("d", "p", null, "APPROVER")
                .network();
        StakeholderStrategy p = RelationshipStrategies.plan(g, CandidateScoring.analyse(g), "d").require("p");
        assertThat(p.strategy()).isEqualTo(RelationshipStrategy.MOTIVATE);
        assertThat(p.adaptability()).isNull();
        assertThat(p.actions()).contains("Demonstrate: show Pat evidence of value that matters to them; record their "
                + "adaptability to know what to sell them.");
        assertThat(p.approachNote()).isEqualTo("Nobody on the map is recorded as shaping Pat's decisions.");
    }
}
