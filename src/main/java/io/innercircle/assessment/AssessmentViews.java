package io.innercircle.assessment;

import io.innercircle.assessment.internal.Answer;
import io.innercircle.assessment.internal.Question;
import io.innercircle.assessment.internal.RatingCounts;
import io.innercircle.assessment.internal.StrategyAdvice;
import io.innercircle.assessment.internal.StrategyChoice;
import io.innercircle.assessment.internal.StrategyQuestions;
import io.innercircle.assessment.internal.StrategyState;
import io.innercircle.assessment.internal.StrategyTree;
import io.innercircle.assessment.internal.SuggestedRating;
import io.innercircle.assessment.internal.SuggestedRatings;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.AnalysisService;
import io.innercircle.map.Competitor;
import io.innercircle.map.ItemId;
import io.innercircle.map.AccountReads;
import io.innercircle.map.Opportunity;
import io.innercircle.vocabulary.CompetitiveStrategy;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Assembles what the GraphQL schema and the printable plan show of assessments and strategies, for many
 * opportunities at once: one query for the assessments, one for the competitors' names, one for the strategies,
 * and the political map's analysis from the cache (one per account).
 */
@Component
public class AssessmentViews {

    public record View(Opportunity opportunity, List<Competitor> competitors, List<QuestionView> questions,
                       SummaryView overall, List<UnknownView> unknowns) {
    }

    public record QuestionView(Question question, String text, List<CriterionView> criteria, SummaryView summary) {
    }

    public record CriterionView(int number, String name, String low, String high, Rating us,
                               List<CompetitorRatingView> competitors, String note, SuggestedView suggested) {
    }

    public record CompetitorRatingView(Competitor competitor, Rating rating) {
    }

    public record SuggestedView(Rating rating, List<String> reasons, boolean differsFromRep) {
    }

    public record CompetitorSummary(Competitor competitor, RatingCounts counts) {
    }

    public record SummaryView(RatingCounts us, Answer answer, List<CompetitorSummary> competitors, int ahead,
                              int behind, String text) {
    }

    public record UnknownView(int number, String name, List<String> missingFor) {
    }

    public record AdviceView(CompetitiveStrategy recommended, String description, boolean provisional,
                             List<StrategyAdvice.Step> path, String summary, StrategyQuestions questions) {
    }

    public record ChoiceView(CompetitiveStrategy strategy, String rationale, java.time.LocalDate chosenOn,
                             CompetitiveStrategy recommended, boolean followedAdvice, StrategyShift shift) {
    }

    /** Everything about one opportunity's strategy, ready to show. */
    public record StrategyView(AdviceView advice, ChoiceView choice, List<ChoiceView> history) {
    }

    private final AssessmentStore store;
    private final AccountReads accountReads;
    private final AnalysisService analyses;

    AssessmentViews(AssessmentStore store, AccountReads accountReads, AnalysisService analyses) {
        this.store = store;
        this.accountReads = accountReads;
        this.analyses = analyses;
    }

    public Map<Opportunity, View> assessments(List<Opportunity> opportunities) {
        Map<ItemId, Assessment> found = store.assessments(ids(opportunities));
        Map<ItemId, Competitor> competitors = competitors(opportunities, found);
        Map<String, Optional<AnalysedAccount>> analysis = analyses(opportunities);
        Map<Opportunity, View> result = new LinkedHashMap<>();
        for (Opportunity o : opportunities) {
            Assessment a = found.get(id(o));
            if (a != null) {
                result.put(o, view(o, a, competitors, suggestions(analysis.get(o.account()), o)));
            }
        }
        return result;
    }

    public Map<Opportunity, StrategyView> strategies(List<Opportunity> opportunities) {
        Map<ItemId, Assessment> assessments = store.assessments(ids(opportunities));
        Map<ItemId, StrategyState> states = store.strategies(ids(opportunities));
        Map<Opportunity, StrategyView> result = new LinkedHashMap<>();
        for (Opportunity o : opportunities) {
            Assessment a = assessments.get(id(o));
            StrategyState state = states.get(id(o));
            if (a == null || state == null) {
                continue;
            }
            StrategyAdvice advice = StrategyTree.advise(a, state.questions());
            AdviceView adviceView = new AdviceView(advice.recommended(), advice.recommended().description(),
                    advice.provisional(), advice.path(), advice.summary(), state.questions());
            List<ChoiceView> history = new ArrayList<>();
            for (int i = 0; i < state.choices().size(); i++) {
                StrategyChoice c = state.choices().get(i);
                StrategyShift shift = i == 0 ? shift(c, a, advice, state.current()) : null;
                history.add(new ChoiceView(c.strategy(), c.rationale(), c.chosenOn(), c.recommended(),
                        c.followedAdvice(), shift));
            }
            result.put(o, new StrategyView(adviceView, history.isEmpty() ? null : history.get(0), history));
        }
        return result;
    }

    private static StrategyShift shift(StrategyChoice choice, Assessment now, StrategyAdvice advice,
                                       CompetitiveStrategy current) {
        StrategyShift shift = StrategyShift.between(choice.usThen(), choice.themThen(), choice.recommended(), now,
                advice);
        if (current == choice.strategy()) {
            return shift;
        }
        // The strategy was changed since by a map edit or a bundle import, which record no rationale.
        List<String> reasons = new ArrayList<>(shift.reasons());
        reasons.add(0, "the opportunity's strategy is now " + (current == null ? "not set" : current.title())
                + ", changed without a recorded rationale after " + choice.strategy().title() + " was chosen");
        return new StrategyShift(true, shift.recommendedThen(), shift.recommendedNow(), shift.changedCriteria(),
                reasons);
    }

    private View view(Opportunity o, Assessment a, Map<ItemId, Competitor> names,
                      Map<Criterion, SuggestedRating> suggested) {
        List<Competitor> competitors = a.competitors().stream()
                .map(k -> names.getOrDefault(new ItemId(o.account(), k), new Competitor(o.account(), k, k)))
                .toList();
        List<QuestionView> questions = new ArrayList<>();
        for (Question q : Question.values()) {
            List<CriterionView> criteria = Criterion.of(q).stream()
                    .map(c -> criterion(a, c, competitors, suggested.get(c))).toList();
            questions.add(new QuestionView(q, q.text(), criteria, summary(q.text(), Criterion.of(q), a, competitors)));
        }
        List<UnknownView> unknowns = a.unknowns().stream().map(c -> unknown(a, c, competitors)).toList();
        return new View(o, competitors, questions, summary("Overall", List.of(Criterion.values()), a, competitors),
                unknowns);
    }

    private static CriterionView criterion(Assessment a, Criterion c, List<Competitor> competitors,
                                           SuggestedRating suggestion) {
        Assessment.Entry e = a.entry(c);
        SuggestedView suggested = suggestion == null ? null : new SuggestedView(suggestion.rating(),
                suggestion.reasons(), e.us() != null && e.us() != suggestion.rating());
        return new CriterionView(c.number(), c.title(), c.low(), c.high(), e.us(),
                competitors.stream().map(k -> new CompetitorRatingView(k, e.competitor(k.key()))).toList(),
                e.note(), suggested);
    }

    private static SummaryView summary(String title, List<Criterion> criteria, Assessment a,
                                       List<Competitor> competitors) {
        RatingCounts us = RatingCounts.of(criteria.stream().map(a::us).toList());
        List<CompetitorSummary> them = competitors.stream().map(k -> new CompetitorSummary(k,
                RatingCounts.of(criteria.stream().map(c -> a.entry(c).competitor(k.key())).toList()))).toList();
        int ahead = 0;
        int behind = 0;
        String primary = a.primaryCompetitor();
        if (primary != null) {
            for (Criterion c : criteria) {
                Rating mine = a.us(c);
                Rating theirs = a.entry(c).competitor(primary);
                ahead += mine == Rating.PLUS && theirs == Rating.MINUS ? 1 : 0;
                behind += mine == Rating.MINUS && theirs == Rating.PLUS ? 1 : 0;
            }
        }
        String text = title + " " + us.verdict().word() + " — us " + us.describe()
                + (competitors.isEmpty() ? "" : "; ahead of " + competitors.get(0).name() + " on " + ahead
                + ", behind on " + behind);
        return new SummaryView(us, us.verdict(), them, ahead, behind, text);
    }

    private static UnknownView unknown(Assessment a, Criterion c, List<Competitor> competitors) {
        Assessment.Entry e = a.entry(c);
        List<String> who = new ArrayList<>();
        if (e.us() == null || e.us() == Rating.UNKNOWN) {
            who.add("us" + (e.us() == null ? " (not rated)" : ""));
        }
        for (Competitor k : competitors) {
            Rating r = e.competitor(k.key());
            if (r == null || r == Rating.UNKNOWN) {
                who.add(k.name() + (r == null ? " (not rated)" : ""));
            }
        }
        return new UnknownView(c.number(), c.title(), who);
    }

    /** The map's suggestions for #9, #11, #12, #15; empty when the account has no analysable map. */
    public Map<Criterion, SuggestedRating> suggestions(Optional<AnalysedAccount> analysis, Opportunity o) {
        if (analysis.isEmpty() || !analysis.get().network().deals().containsKey(o.key())) {
            return Map.of();
        }
        return SuggestedRatings.of(analysis.get().deal(o.key())).stream()
                .collect(Collectors.toMap(SuggestedRating::criterion, s -> s));
    }

    private Map<ItemId, Competitor> competitors(List<Opportunity> opportunities, Map<ItemId, Assessment> found) {
        List<ItemId> ids = new ArrayList<>();
        for (Opportunity o : opportunities) {
            Assessment a = found.get(id(o));
            if (a != null) {
                a.competitors().forEach(k -> ids.add(new ItemId(o.account(), k)));
            }
        }
        return ids.isEmpty() ? Map.of() : accountReads.competitorsById(ids.stream().distinct().toList());
    }

    private Map<String, Optional<AnalysedAccount>> analyses(Collection<Opportunity> opportunities) {
        Map<String, Optional<AnalysedAccount>> result = new HashMap<>();
        opportunities.forEach(o -> result.computeIfAbsent(o.account(), analyses::analysis));
        return result;
    }

    static ItemId id(Opportunity o) {
        return new ItemId(o.account(), o.key());
    }

    private static List<ItemId> ids(List<Opportunity> opportunities) {
        return opportunities.stream().map(AssessmentViews::id).toList();
    }
}
