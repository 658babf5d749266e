package io.innercircle.assessment.internal;
import io.innercircle.vocabulary.CompetitiveStrategy;



import java.time.LocalDate;
import java.util.List;

/**
 * A strategy the rep chose for an opportunity, why, when, what the decision tree recommended then and the
 * assessment at that moment (our and the primary competitor's 20 ratings), to tell later whether it has shifted.
 */
public record StrategyChoice(CompetitiveStrategy strategy, String rationale, LocalDate chosenOn,
                             CompetitiveStrategy recommended, List<String> usThen, List<String> themThen) {

    public StrategyChoice {
        usThen = List.copyOf(usThen);
        themThen = List.copyOf(themThen);
    }

    public boolean followedAdvice() {
        return strategy == recommended;
    }
}
