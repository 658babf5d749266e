package io.innercircle.assessment;

import io.innercircle.assessment.internal.StrategyAdvice;
import io.innercircle.assessment.internal.StrategyTree;
import io.innercircle.vocabulary.CompetitiveStrategy;



import java.util.ArrayList;
import java.util.List;

/**
 * Has the assessment moved since the strategy was chosen? TAS keeps a strategy fixed "unless the profile (the 20
 * criteria) shifts significantly". Material here means any of: the decision tree now recommends another
 * strategy; our rating of a criterion the tree reads (#5–#10, #17, #20) changed; or at least
 * {@value #MANY} of the 20 criteria changed for us or for the primary competitor.
 *
 * @param changedCriteria numbers of the criteria whose rating (ours or the primary competitor's) changed
 * @param reasons         plain English, empty when nothing material changed
 */
public record StrategyShift(boolean material, CompetitiveStrategy recommendedThen,
                            CompetitiveStrategy recommendedNow, List<Integer> changedCriteria,
                            List<String> reasons) {

    static final int MANY = 4;

    public StrategyShift {
        changedCriteria = List.copyOf(changedCriteria);
        reasons = List.copyOf(reasons);
    }

    /**
     * @param usThen   our 20 ratings when the strategy was chosen ("" for not rated)
     * @param themThen the primary competitor's 20 ratings then
     */
    public static StrategyShift between(List<String> usThen, List<String> themThen,
                                        CompetitiveStrategy recommendedThen, Assessment now,
                                        StrategyAdvice adviceNow) {
        List<String> usNow = now.usSymbols();
        List<String> themNow = now.competitorSymbols(now.primaryCompetitor());
        List<Integer> changed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            int i = c.number() - 1;
            boolean usChanged = !at(usThen, i).equals(usNow.get(i));
            boolean themChanged = !at(themThen, i).equals(themNow.get(i));
            if (usChanged || themChanged) {
                changed.add(c.number());
            }
            if (usChanged && StrategyTree.INPUTS.contains(c)) {
                reasons.add(c.label() + " changed for us from " + shown(at(usThen, i)) + " to "
                        + shown(usNow.get(i)) + ", and the decision tree reads it");
            }
        }
        if (recommendedThen != adviceNow.recommended()) {
            reasons.add(0, "the decision tree now recommends " + adviceNow.recommended().title() + " (it recommended "
                    + recommendedThen.title() + " when the strategy was chosen)");
        }
        if (changed.size() >= MANY) {
            reasons.add(changed.size() + " of the 20 criteria have changed since the strategy was chosen");
        }
        return new StrategyShift(!reasons.isEmpty(), recommendedThen, adviceNow.recommended(), changed, reasons);
    }

    private static String at(List<String> symbols, int i) {
        return symbols == null || i >= symbols.size() || symbols.get(i) == null ? "" : symbols.get(i);
    }

    private static String shown(String symbol) {
        return symbol.isEmpty() ? "not rated" : symbol;
    }
}
