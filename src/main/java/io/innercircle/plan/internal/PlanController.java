package io.innercircle.plan.internal;

import io.innercircle.api.NotFoundException;
import io.innercircle.map.ItemId;
import io.innercircle.map.OpportunityReads;
import io.innercircle.map.AccountReads;
import io.innercircle.map.Opportunity;
import io.innercircle.map.Page;
import io.innercircle.map.TeamMember;
import io.innercircle.plan.internal.PlanData.ReviewComment;
import io.innercircle.plan.internal.PlanData.Tactic;
import io.innercircle.plan.internal.PlanViews.PlanView;
import io.innercircle.vocabulary.SalesStage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GraphQL entry points of the plan, the plan review, the sales stages and the debrief (plan.graphqls). */
@Controller
class PlanController {

    private final PlanStore store;
    private final PlanViews views;
    private final OpportunityReads opportunityReads;
    private final AccountReads accountReads;

    PlanController(PlanStore store, PlanViews views, OpportunityReads opportunityReads, AccountReads accountReads) {
        this.store = store;
        this.views = views;
        this.opportunityReads = opportunityReads;
        this.accountReads = accountReads;
    }

    @QueryMapping
    PlanView plan(@Argument String opportunity) {
        return opportunityReads.opportunity(ItemId.parse("opportunity", opportunity)).map(views::plan).orElse(null);
    }

    @BatchMapping(typeName = "Opportunity", field = "plan")
    Map<Opportunity, PlanView> opportunityPlan(List<Opportunity> opportunities) {
        return views.plans(opportunities);
    }

    @BatchMapping(typeName = "Opportunity")
    Map<Opportunity, PlanViews.StageProgress> stageProgress(List<Opportunity> opportunities) {
        Map<Opportunity, PlanViews.StageProgress> result = new LinkedHashMap<>();
        views.plans(opportunities).forEach((o, p) -> result.put(o, PlanViews.progress(o, p.data())));
        return result;
    }

    @BatchMapping(typeName = "Opportunity")
    Map<Opportunity, List<Debrief.Answer>> debrief(List<Opportunity> opportunities) {
        Map<Opportunity, List<Debrief.Answer>> result = new LinkedHashMap<>();
        views.plans(opportunities).forEach((o, p) -> result.put(o, views.debrief(p)));
        return result;
    }

    @SchemaMapping(typeName = "Plan")
    Page<Tactic> tactics(PlanView plan, @Argument TacticFilter filter, @Argument TacticOrder orderBy,
                         @Argument Integer first, @Argument String after) {
        LocalDate today = store.today();
        List<Tactic> tactics = plan.data().tactics().stream().filter(TacticFilter.matching(filter, today))
                .sorted((orderBy == null ? TacticOrder.PLAN : orderBy).comparator()).toList();
        return Page.ofPositions(tactics, first, after);
    }

    @SchemaMapping(typeName = "Plan")
    List<PlanChecks.Check> checks(PlanView plan, @Argument LocalDate asOf) {
        return plan.checks(asOf == null ? store.today() : asOf);
    }

    @SchemaMapping(typeName = "Tactic")
    boolean overdue(Tactic tactic) {
        return tactic.overdue(store.today());
    }

    @BatchMapping(typeName = "Tactic")
    Map<Tactic, TeamMember> owner(List<Tactic> tactics) {
        Map<String, List<TeamMember>> teams = accountReads.teamMembers(tactics.stream()
                .filter(t -> t.ownerKey() != null).map(Tactic::account).distinct().toList());
        Map<Tactic, TeamMember> result = new LinkedHashMap<>();
        for (Tactic t : tactics) {
            teams.getOrDefault(t.account(), List.of()).stream().filter(m -> m.key().equals(t.ownerKey())).findFirst()
                    .ifPresent(m -> result.put(t, m));
        }
        return result;
    }

    // ---- mutations

    record PlanPayload(PlanView plan) {
    }

    record TacticPayload(Tactic tactic, PlanView plan) {
    }

    record ReviewCommentPayload(ReviewComment comment, PlanView plan) {
    }

    record StageProgressPayload(Opportunity opportunity, PlanViews.StageProgress stageProgress) {
    }

    @MutationMapping
    PlanPayload setPlan(@Argument PlanInput input) {
        ItemId id = ItemId.parse("input.opportunity", input.opportunity());
        store.setPlan(id, input);
        return new PlanPayload(plan(id));
    }

    @MutationMapping
    TacticPayload addTactic(@Argument AddTacticInput input) {
        ItemId id = ItemId.parse("input.opportunity", input.opportunity());
        String key = store.addTactic(id, input);
        return tacticPayload(id, key);
    }

    @MutationMapping
    TacticPayload updateTactic(@Argument UpdateTacticInput input) {
        ItemId tactic = ItemId.parse("input.id", input.id());
        ItemId opportunity = store.updateTactic(tactic, input);
        return tacticPayload(opportunity, tactic.key());
    }

    @MutationMapping
    PlanPayload removeTactic(@Argument String id) {
        ItemId opportunity = store.removeTactic(ItemId.parse("id", id));
        return new PlanPayload(plan(opportunity));
    }

    @MutationMapping
    ReviewCommentPayload addReviewComment(@Argument ReviewCommentInput input) {
        ItemId id = ItemId.parse("input.opportunity", input.opportunity());
        String key = store.addReview(id, input.reviewer(), input.kind(), input.text());
        return reviewPayload(id, key);
    }

    @MutationMapping
    ReviewCommentPayload answerReviewComment(@Argument ReviewAnswerInput input) {
        ItemId comment = ItemId.parse("input.id", input.id());
        ItemId opportunity = store.answerReview(comment, input.presenter(), input.answer());
        return reviewPayload(opportunity, comment.key());
    }

    @MutationMapping
    StageProgressPayload recordStageOutcome(@Argument StageOutcomeInput input) {
        ItemId id = ItemId.parse("input.opportunity", input.opportunity());
        store.recordOutcome(id, input.outcome(), input.met(), input.evidence());
        return stagePayload(id);
    }

    @MutationMapping
    StageProgressPayload advanceStage(@Argument AdvanceStageInput input) {
        ItemId id = ItemId.parse("input.opportunity", input.opportunity());
        store.moveStage(id, input.stage(), input.overriding(), input.reason());
        return stagePayload(id);
    }

    private PlanView plan(ItemId opportunity) {
        return views.plan(opportunity(opportunity));
    }

    private TacticPayload tacticPayload(ItemId opportunity, String key) {
        PlanView plan = plan(opportunity);
        Tactic tactic = plan.data().tactics().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
        return new TacticPayload(tactic, plan);
    }

    private ReviewCommentPayload reviewPayload(ItemId opportunity, String key) {
        PlanView plan = plan(opportunity);
        ReviewComment comment = plan.reviews().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
        return new ReviewCommentPayload(comment, plan);
    }

    private StageProgressPayload stagePayload(ItemId id) {
        Opportunity o = opportunity(id);
        return new StageProgressPayload(o, PlanViews.progress(o, store.plan(id)));
    }

    private Opportunity opportunity(ItemId id) {
        return opportunityReads.opportunity(id)
                .orElseThrow(() -> new NotFoundException("opportunity", "opportunity", id.toString()));
    }
}
