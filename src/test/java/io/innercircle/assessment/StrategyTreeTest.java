package io.innercircle.assessment;
import io.innercircle.assessment.internal.Answer;
import io.innercircle.assessment.internal.RatingCounts;
import io.innercircle.assessment.internal.StrategyAdvice;
import io.innercircle.assessment.internal.StrategyQuestions;
import io.innercircle.assessment.internal.StrategyTree;
import io.innercircle.vocabulary.CompetitiveStrategy;



import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.innercircle.assessment.internal.Answer.NO;
import static io.innercircle.assessment.internal.Answer.UNKNOWN;
import static io.innercircle.assessment.internal.Answer.YES;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per branch of the decision tree of TAS module 2. */
class StrategyTreeTest {

    /** Compelling event and can compete: #5 + and #6–#10 mostly +. */
    private static final Map<Integer, Rating> CAN_COMPETE = Map.of(5, Rating.PLUS, 6, Rating.PLUS, 7, Rating.PLUS,
            8, Rating.PLUS, 9, Rating.MINUS, 10, Rating.PLUS);

    private static Assessment assessment(Map<Integer, Rating> us) {
        Map<Criterion, Assessment.Entry> entries = new HashMap<>();
        us.forEach((n, r) -> entries.put(Criterion.of(n), new Assessment.Entry(r, Map.of(), null)));
        return new Assessment(List.of(), entries);
    }

    private static Map<Integer, Rating> with(Map<Integer, Rating> base, Object... more) {
        Map<Integer, Rating> all = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            all.put((Integer) more[i], (Rating) more[i + 1]);
        }
        return all;
    }

    private static StrategyQuestions asked(Answer create, Answer threeToOne, Answer change, Answer subset,
                                           Answer protect) {
        return new StrategyQuestions(create, threeToOne, change, subset, protect);
    }

    @Test
    void aThreeToOneAdvantageIsFrontal() {
        StrategyAdvice advice = StrategyTree.advise(assessment(CAN_COMPETE), asked(null, YES, null, null, null));
        assertThat(advice.recommended()).isEqualTo(CompetitiveStrategy.FRONTAL);
        assertThat(advice.path()).extracting(StrategyAdvice.Step::step).containsExactly(1, 2);
        assertThat(advice.path().get(0).answer()).isEqualTo(YES);
        assertThat(advice.path().get(0).basis()).contains("#5 rated +").contains("#6–#10: 4 +, 1 -, 0 ?");
        assertThat(advice.provisional()).isFalse();
        assertThat(advice.summary()).endsWith("→ Frontal");
    }

    @Test
    void changingTheBuyingCriteriaIsFlanking() {
        StrategyAdvice advice = StrategyTree.advise(assessment(CAN_COMPETE), asked(null, NO, YES, null, null));
        assertThat(advice.recommended()).isEqualTo(CompetitiveStrategy.FLANKING);
        assertThat(advice.path()).extracting(StrategyAdvice.Step::step).containsExactly(1, 2, 3);
        assertThat(advice.path().get(1).outcome()).isEqualTo("go to 3");
    }

    @Test
    void aProfitableSubsetIsFragment() {
        StrategyAdvice advice = StrategyTree.advise(assessment(CAN_COMPETE), asked(null, NO, NO, YES, null));
        assertThat(advice.recommended()).isEqualTo(CompetitiveStrategy.FRAGMENT);
        assertThat(advice.path()).extracting(StrategyAdvice.Step::step).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aPositionToProtectIsDefend() {
        StrategyAdvice advice = StrategyTree.advise(assessment(CAN_COMPETE), asked(null, NO, NO, NO, YES));
        assertThat(advice.recommended()).isEqualTo(CompetitiveStrategy.DEFEND);
        assertThat(advice.path()).extracting(StrategyAdvice.Step::step).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void nothingToProtectGoesToStepSixAndFutureRevenueIsDevelop() {
        StrategyAdvice advice = StrategyTree.advise(assessment(with(CAN_COMPETE, 17, Rating.PLUS)),
                asked(null, NO, NO, NO, NO));
        assertThat(advice.recommended()).isEqualTo(CompetitiveStrategy.DEVELOP);
        assertThat(advice.path()).extracting(StrategyAdvice.Step::step).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(advice.path().get(4).outcome()).isEqualTo("go to 6");
    }

    @Test
    void noCompellingEventGoesStraightToStepSixAndStrategicValueIsDevelop() {
        StrategyAdvice advice = StrategyTree.advise(assessment(with(CAN_COMPETE, 5, Rating.MINUS, 20, Rating.PLUS)),
                asked(NO, YES, YES, YES, YES));
        assertThat(advice.recommended()).isEqualTo(CompetitiveStrategy.DEVELOP);
        assertThat(advice.path()).extracting(StrategyAdvice.Step::step).containsExactly(1, 6);
        assertThat(advice.path().get(0).answer()).isEqualTo(NO);
        assertThat(advice.path().get(0).outcome()).isEqualTo("go to 6");
    }

    @Test
    void aCompellingEventWeCanCreateCounts() {
        StrategyAdvice advice = StrategyTree.advise(assessment(with(CAN_COMPETE, 5, Rating.MINUS)),
                asked(YES, YES, null, null, null));
        assertThat(advice.recommended()).isEqualTo(CompetitiveStrategy.FRONTAL);
        assertThat(advice.path().get(0).basis()).contains("can create one: yes");
    }

    @Test
    void whenWeCannotCompeteTheTreeGoesToStepSix() {
        Map<Integer, Rating> weak = Map.of(5, Rating.PLUS, 6, Rating.MINUS, 7, Rating.MINUS, 8, Rating.PLUS,
                9, Rating.MINUS, 10, Rating.UNKNOWN, 17, Rating.PLUS);
        StrategyAdvice advice = StrategyTree.advise(assessment(weak), asked(null, YES, YES, YES, YES));
        assertThat(advice.path()).extracting(StrategyAdvice.Step::step).containsExactly(1, 6);
        assertThat(advice.path().get(0).basis()).contains("can compete: no");
        assertThat(advice.recommended()).isEqualTo(CompetitiveStrategy.DEVELOP);
    }

    @Test
    void noFutureRevenueAndNoStrategicValueIsDisengage() {
        StrategyAdvice advice = StrategyTree.advise(assessment(Map.of(5, Rating.MINUS, 17, Rating.MINUS,
                20, Rating.MINUS)), asked(NO, null, null, null, null));
        assertThat(advice.recommended()).isEqualTo(CompetitiveStrategy.DISENGAGE);
        assertThat(advice.provisional()).isFalse();
        assertThat(advice.path().get(1).basis()).isEqualTo("future revenue: #17 rated -; strategic value: #20 rated -");
    }

    @Test
    void unknownsAreTakenAsNoAndMakeTheAdviceProvisional() {
        // Nothing rated, nothing answered: step 1 is unknown, step 6 too, so the cautious end of the tree.
        StrategyAdvice advice = StrategyTree.advise(assessment(Map.of()), StrategyQuestions.NONE);
        assertThat(advice.recommended()).isEqualTo(CompetitiveStrategy.DISENGAGE);
        assertThat(advice.provisional()).isTrue();
        assertThat(advice.path()).extracting(StrategyAdvice.Step::answer).containsExactly(UNKNOWN, UNKNOWN);
        assertThat(advice.summary()).contains("(taken as no)").endsWith("(provisional: answer the unknowns)");

        // An unanswered 3:1 question goes on to the next step.
        StrategyAdvice flanking = StrategyTree.advise(assessment(CAN_COMPETE), asked(null, null, YES, null, null));
        assertThat(flanking.recommended()).isEqualTo(CompetitiveStrategy.FLANKING);
        assertThat(flanking.provisional()).isTrue();
    }

    @Test
    void canCompeteIsUnknownWhileTheUnknownsCouldTipIt() {
        assertThat(RatingCounts.of(java.util.Arrays.asList(Rating.PLUS, Rating.PLUS, null, null, Rating.MINUS))
                .verdict()).isEqualTo(UNKNOWN);
        assertThat(RatingCounts.of(java.util.Arrays.asList(Rating.PLUS, Rating.PLUS, Rating.PLUS, null,
                Rating.MINUS)).verdict()).isEqualTo(YES);
        assertThat(RatingCounts.of(java.util.Arrays.asList(Rating.MINUS, Rating.MINUS, Rating.PLUS, null,
                Rating.MINUS)).verdict()).isEqualTo(NO);
    }

    @Test
    void aShiftIsMaterialWhenTheAdviceChangesOrATreeInputMoves() {
        Assessment then = assessment(with(CAN_COMPETE, 17, Rating.PLUS));
        StrategyQuestions asked = asked(null, NO, YES, null, null);
        StrategyAdvice adviceThen = StrategyTree.advise(then, asked);

        StrategyShift none = StrategyShift.between(then.usSymbols(), then.competitorSymbols(null),
                adviceThen.recommended(), then, adviceThen);
        assertThat(none.material()).isFalse();
        assertThat(none.changedCriteria()).isEmpty();

        // #13 is not read by the tree: one change there is not material.
        Assessment small = assessment(with(CAN_COMPETE, 17, Rating.PLUS, 13, Rating.MINUS));
        StrategyShift minor = StrategyShift.between(then.usSymbols(), then.competitorSymbols(null),
                adviceThen.recommended(), small, StrategyTree.advise(small, asked));
        assertThat(minor.material()).isFalse();
        assertThat(minor.changedCriteria()).containsExactly(13);

        // #5 turning - sends the tree to step 6: Develop instead of Flanking.
        Assessment moved = assessment(with(CAN_COMPETE, 17, Rating.PLUS, 5, Rating.MINUS));
        StrategyShift shift = StrategyShift.between(then.usSymbols(), then.competitorSymbols(null),
                adviceThen.recommended(), moved, StrategyTree.advise(moved, asked));
        assertThat(shift.material()).isTrue();
        assertThat(shift.recommendedNow()).isEqualTo(CompetitiveStrategy.DEVELOP);
        assertThat(shift.recommendedThen()).isEqualTo(CompetitiveStrategy.FLANKING);
        assertThat(shift.changedCriteria()).containsExactly(5);
        // One reason for the new advice, one for the tree input that moved.
        assertThat(shift.reasons()).hasSize(2);

        // Four changes anywhere are material even when the advice stands.
        Assessment many = assessment(with(CAN_COMPETE, 17, Rating.PLUS, 1, Rating.PLUS, 2, Rating.PLUS,
                3, Rating.PLUS, 4, Rating.PLUS));
        StrategyShift broad = StrategyShift.between(then.usSymbols(), then.competitorSymbols(null),
                adviceThen.recommended(), many, StrategyTree.advise(many, asked));
        assertThat(broad.material()).isTrue();
        assertThat(broad.recommendedNow()).isEqualTo(broad.recommendedThen());
        assertThat(broad.changedCriteria()).containsExactly(1, 2, 3, 4);
        assertThat(broad.reasons()).hasSize(1);
    }

    @Test
    void theReasonsOfAShiftAreWordedForTheRep() {
        // The one test that pins the wording of the shift's reasons; the others check criteria and strategies.
        Assessment then = assessment(with(CAN_COMPETE, 17, Rating.PLUS));
        StrategyQuestions asked = asked(null, NO, YES, null, null);
        StrategyAdvice adviceThen = StrategyTree.advise(then, asked);
        Assessment moved = assessment(with(CAN_COMPETE, 17, Rating.PLUS, 5, Rating.MINUS, 1, Rating.PLUS,
                2, Rating.PLUS, 3, Rating.PLUS));
        StrategyShift shift = StrategyShift.between(then.usSymbols(), then.competitorSymbols(null),
                adviceThen.recommended(), moved, StrategyTree.advise(moved, asked));
        assertThat(shift.reasons()).containsExactly(
                "the decision tree now recommends Develop (it recommended Flanking when the strategy was chosen)",
                "#5 Compelling event changed for us from + to -, and the decision tree reads it",
                "4 of the 20 criteria have changed since the strategy was chosen");
    }
}
