package io.innercircle.plan;

import io.innercircle.plan.internal.StageOutcome;
import io.innercircle.plan.internal.StageRules;
import io.innercircle.plan.internal.PlanData.OutcomeRecord;
import io.innercircle.vocabulary.SalesStage;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StageRulesTest {

    private static Map<StageOutcome, OutcomeRecord> met(StageOutcome... outcomes) {
        Map<StageOutcome, OutcomeRecord> map = new EnumMap<>(StageOutcome.class);
        for (StageOutcome o : outcomes) {
            map.put(o, new OutcomeRecord(o, true, "evidence", null));
        }
        return map;
    }

    @Test
    void movingForwardGoesPastTheCurrentStageAndEveryOneBetween() {
        assertThat(StageRules.unmetPassed(SalesStage.DEVELOP, SalesStage.PROOF,
                met(StageOutcome.KEY_SPONSOR_NAMED, StageOutcome.WINNING_STRATEGY)))
                .containsExactly(StageOutcome.EXECUTIVE_CREDIBILITY, StageOutcome.DIFFERENTIATED_SOLUTION_COMMUNICATED,
                        StageOutcome.CAPABILITIES_EMBRACED_BY_DECISION_MAKER);
        assertThat(StageRules.unmetPassed(SalesStage.DEVELOP, SalesStage.SOLUTION, met(StageOutcome.KEY_SPONSOR_NAMED,
                StageOutcome.WINNING_STRATEGY, StageOutcome.EXECUTIVE_CREDIBILITY))).isEmpty();
    }

    @Test
    void noStageYetStartsBeforeQualifyAndWonGoesPastClose() {
        assertThat(StageRules.unmetPassed(null, SalesStage.QUALIFY, met())).isEmpty();
        assertThat(StageRules.unmetPassed(null, SalesStage.DEVELOP, met())).hasSize(3);
        assertThat(StageRules.unmetPassed(SalesStage.CLOSE, SalesStage.WON, met(StageOutcome.FORMAL_APPROVALS)))
                .containsExactly(StageOutcome.SIGNED_AGREEMENT, StageOutcome.DEPLOYMENT_ASSURANCE);
    }

    @Test
    void goingBackLosingAndReopeningPassNothing() {
        assertThat(StageRules.unmetPassed(SalesStage.PROOF, SalesStage.QUALIFY, met())).isEmpty();
        assertThat(StageRules.unmetPassed(SalesStage.QUALIFY, SalesStage.LOST, met())).isEmpty();
        assertThat(StageRules.unmetPassed(SalesStage.LOST, SalesStage.CLOSE, met())).isEmpty();
    }

    @Test
    void theLastCompletedStepCountsStagesInOrder() {
        assertThat(StageRules.lastCompleted(met(StageOutcome.KEY_SPONSOR_NAMED, StageOutcome.WINNING_STRATEGY,
                StageOutcome.EXECUTIVE_CREDIBILITY))).isNull();
        assertThat(StageRules.lastCompleted(met(StageOutcome.OPPORTUNITY_CONFIRMED_AND_SIZED,
                StageOutcome.BURNING_ISSUE_IDENTIFIED, StageOutcome.INITIAL_CUSTOMER_CONTACTS_NAMED)))
                .isEqualTo(SalesStage.QUALIFY);
    }
}
