package io.innercircle.assessment.internal;

import org.springframework.graphql.data.ArgumentValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GraphQL {@code StrategyQuestionsInput}: answers to the decision tree's questions, a patch (a question left out
 * keeps its answer, an explicit null clears it).
 */
public record StrategyQuestionsInput(String opportunity, ArgumentValue<Answer> canCreateCompellingEvent,
                              ArgumentValue<Answer> threeToOneAdvantage,
                              ArgumentValue<Answer> canChangeBuyingCriteria,
                              ArgumentValue<Answer> profitableSubset, ArgumentValue<Answer> positionToProtect) {

    /** The questions given, by their property name on the opportunity (null: cleared). */
    public Map<String, Answer> given() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        put(answers, "canCreateCompellingEvent", canCreateCompellingEvent);
        put(answers, "threeToOneAdvantage", threeToOneAdvantage);
        put(answers, "canChangeBuyingCriteria", canChangeBuyingCriteria);
        put(answers, "profitableSubset", profitableSubset);
        put(answers, "positionToProtect", positionToProtect);
        return answers;
    }

    private static void put(Map<String, Answer> answers, String question, ArgumentValue<Answer> answer) {
        if (answer != null && !answer.isOmitted()) {
            answers.put(question, answer.value());
        }
    }
}
