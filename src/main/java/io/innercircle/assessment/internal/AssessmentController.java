package io.innercircle.assessment.internal;

import io.innercircle.assessment.Assessment;
import io.innercircle.assessment.AssessmentStore;
import io.innercircle.assessment.AssessmentViews;
import io.innercircle.assessment.Criterion;
import io.innercircle.assessment.Rating;
import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.ItemId;
import io.innercircle.map.OpportunityReads;
import io.innercircle.map.Opportunity;
import io.innercircle.vocabulary.CompetitiveStrategy;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GraphQL entry points of the assessment and the competitive strategy (graphql-schema/assessment.graphqls). */
@Controller
class AssessmentController {

    private final AssessmentStore store;
    private final AssessmentViews views;
    private final OpportunityReads opportunityReads;

    AssessmentController(AssessmentStore store, AssessmentViews views, OpportunityReads opportunityReads) {
        this.store = store;
        this.views = views;
        this.opportunityReads = opportunityReads;
    }

    @QueryMapping
    AssessmentViews.View assessment(@Argument String opportunity) {
        return opportunityReads.opportunity(ItemId.parse("opportunity", opportunity))
                .map(o -> views.assessments(List.of(o)).get(o)).orElse(null);
    }

    @BatchMapping(typeName = "Opportunity", field = "assessment")
    Map<Opportunity, AssessmentViews.View> opportunityAssessment(List<Opportunity> opportunities) {
        return views.assessments(opportunities);
    }

    @BatchMapping(typeName = "Opportunity")
    Map<Opportunity, AssessmentViews.AdviceView> strategyAdvice(List<Opportunity> opportunities) {
        Map<Opportunity, AssessmentViews.AdviceView> result = new LinkedHashMap<>();
        views.strategies(opportunities).forEach((o, s) -> result.put(o, s.advice()));
        return result;
    }

    @BatchMapping(typeName = "Opportunity")
    Map<Opportunity, AssessmentViews.ChoiceView> strategyChoice(List<Opportunity> opportunities) {
        Map<Opportunity, AssessmentViews.ChoiceView> result = new LinkedHashMap<>();
        views.strategies(opportunities).forEach((o, s) -> {
            if (s.choice() != null) {
                result.put(o, s.choice());
            }
        });
        return result;
    }

    @BatchMapping(typeName = "Opportunity")
    Map<Opportunity, List<AssessmentViews.ChoiceView>> strategyHistory(List<Opportunity> opportunities) {
        Map<Opportunity, List<AssessmentViews.ChoiceView>> result = new LinkedHashMap<>();
        views.strategies(opportunities).forEach((o, s) -> result.put(o, s.history()));
        return result;
    }

    @SchemaMapping(typeName = "Assessment")
    Opportunity opportunity(AssessmentViews.View view) {
        return view.opportunity();
    }

    // ---- mutations

    record AssessmentPayload(AssessmentViews.View assessment) {
    }

    record StrategyPayload(Opportunity opportunity) {
    }

    @MutationMapping
    AssessmentPayload rateCriteria(@Argument RateCriteriaInput input) {
        ItemId opportunity = ItemId.parse("input.opportunity", input.opportunity());
        List<CriterionRatingInput> ratings = input.ratings();
        if (ratings.isEmpty()) {
            throw new InvalidInputException("input.ratings", "must rate at least one criterion");
        }
        List<AssessmentStore.RatingPatch> patches = new ArrayList<>();
        for (int i = 0; i < ratings.size(); i++) {
            CriterionRatingInput r = ratings.get(i);
            String field = "input.ratings[" + i + "]";
            Criterion criterion = Criterion.of(field + ".criterion", r.criterion());
            Map<ItemId, Rating> competitors = new LinkedHashMap<>();
            for (CompetitorRatingInput c : r.competitors()) {
                ItemId id = ItemId.parse(field + ".competitors", c.competitor());
                if (competitors.containsKey(id)) {
                    throw new InvalidInputException(field + ".competitors", "'" + id + "' is listed twice");
                }
                competitors.put(id, c.rating());
            }
            patches.add(new AssessmentStore.RatingPatch(criterion, r.us(), competitors, r.note()));
        }
        store.rate(opportunity, patches);
        return payload(opportunity);
    }

    @MutationMapping
    AssessmentPayload addDealCompetitor(@Argument String opportunity, @Argument String competitor) {
        ItemId id = ItemId.parse("opportunity", opportunity);
        store.addCompetitor(id, ItemId.parse("competitor", competitor));
        return payload(id);
    }

    @MutationMapping
    AssessmentPayload removeDealCompetitor(@Argument String opportunity, @Argument String competitor) {
        ItemId id = ItemId.parse("opportunity", opportunity);
        store.removeCompetitor(id, ItemId.parse("competitor", competitor));
        return payload(id);
    }

    @MutationMapping
    StrategyPayload answerStrategyQuestions(@Argument StrategyQuestionsInput input) {
        ItemId id = ItemId.parse("input.opportunity", input.opportunity());
        store.answerQuestions(id, input);
        return new StrategyPayload(opportunity(id));
    }

    @MutationMapping
    StrategyPayload chooseStrategy(@Argument ChooseStrategyInput input) {
        ItemId id = ItemId.parse("input.opportunity", input.opportunity());
        store.choose(id, input.strategy(), input.rationale());
        return new StrategyPayload(opportunity(id));
    }

    private AssessmentPayload payload(ItemId opportunity) {
        Opportunity o = opportunity(opportunity);
        return new AssessmentPayload(views.assessments(List.of(o)).get(o));
    }

    private Opportunity opportunity(ItemId id) {
        return opportunityReads.opportunity(id)
                .orElseThrow(() -> new NotFoundException("opportunity", "opportunity", id.toString()));
    }
}
