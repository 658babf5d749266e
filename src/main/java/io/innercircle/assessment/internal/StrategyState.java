package io.innercircle.assessment.internal;
import io.innercircle.vocabulary.CompetitiveStrategy;



import java.util.List;

/**
 * What is stored about an opportunity's competitive strategy: the strategy on the opportunity (which a map edit
 * or a bundle import can also set), the rep's answers to the tree's questions, and every choice, latest first.
 */
public record StrategyState(CompetitiveStrategy current, StrategyQuestions questions, List<StrategyChoice> choices) {

    public StrategyState {
        choices = List.copyOf(choices);
    }

    public StrategyChoice latest() {
        return choices.isEmpty() ? null : choices.get(0);
    }
}
