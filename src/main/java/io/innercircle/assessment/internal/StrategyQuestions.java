package io.innercircle.assessment.internal;

/**
 * The rep's answers to the questions of the decision tree that the assessment cannot answer. Null means not
 * answered yet (treated as unknown).
 */
public record StrategyQuestions(Answer canCreateCompellingEvent, Answer threeToOneAdvantage,
                                Answer canChangeBuyingCriteria, Answer profitableSubset,
                                Answer positionToProtect) {

    public static final StrategyQuestions NONE = new StrategyQuestions(null, null, null, null, null);

    public StrategyQuestions {
        canCreateCompellingEvent = orUnknown(canCreateCompellingEvent);
        threeToOneAdvantage = orUnknown(threeToOneAdvantage);
        canChangeBuyingCriteria = orUnknown(canChangeBuyingCriteria);
        profitableSubset = orUnknown(profitableSubset);
        positionToProtect = orUnknown(positionToProtect);
    }

    private static Answer orUnknown(Answer a) {
        return a == null ? Answer.UNKNOWN : a;
    }
}
