package io.innercircle.assessment;

import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.assessment.internal.StrategyAdvice;
import io.innercircle.assessment.internal.StrategyQuestions;
import io.innercircle.assessment.internal.StrategyState;
import io.innercircle.assessment.internal.StrategyTree;
import io.innercircle.assessment.internal.SuggestedRatings;
import io.innercircle.map.ItemId;
import io.innercircle.vocabulary.CompetitiveStrategy;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the assessment reads off any analysed map, for features that analyse a map that is not (yet) the real one
 * (what-if scenarios): the suggested ratings of the criteria about people, and the decision tree's advice when
 * those criteria are rated as suggested.
 */
@Component
public class MapSuggestions {

    /** A rating the map suggests for #9, #11, #12 or #15, with the reasons a rep can check. */
    public record Suggestion(Criterion criterion, Rating rating, List<String> reasons) {
    }

    /** The strategy the tree recommends, whether an unknown answer decided it, and its path in words. */
    public record Advice(CompetitiveStrategy recommended, boolean provisional, String summary) {
    }

    private final AssessmentStore store;

    MapSuggestions(AssessmentStore store) {
        this.store = store;
    }

    /** The four suggestions for one opportunity of the analysed map (empty when the map has no such deal). */
    public List<Suggestion> suggest(AnalysedAccount analysis, String opportunityKey) {
        if (!analysis.network().deals().containsKey(opportunityKey)) {
            return List.of();
        }
        return SuggestedRatings.of(analysis.deal(opportunityKey)).stream()
                .map(s -> new Suggestion(s.criterion(), s.rating(), s.reasons())).toList();
    }

    /**
     * The tree's advice on the opportunity's stored assessment and answers (none stored: nothing rated, nothing
     * answered), with the criteria of {@code suggestions} rated as suggested instead of as the rep rated them.
     */
    public Advice advice(ItemId opportunity, List<Suggestion> suggestions) {
        Assessment stored = store.assessment(opportunity);
        Assessment base = stored == null ? new Assessment(List.of(), Map.of()) : stored;
        Map<Criterion, Assessment.Entry> entries = new EnumMap<>(base.entries());
        for (Suggestion s : suggestions) {
            Assessment.Entry e = base.entry(s.criterion());
            entries.put(s.criterion(), new Assessment.Entry(s.rating(), e.competitors(), e.note()));
        }
        StrategyState state = store.strategy(opportunity);
        StrategyQuestions questions = state == null ? StrategyQuestions.NONE : state.questions();
        StrategyAdvice advice = StrategyTree.advise(new Assessment(base.competitors(), entries), questions);
        return new Advice(advice.recommended(), advice.provisional(), advice.summary());
    }
}
