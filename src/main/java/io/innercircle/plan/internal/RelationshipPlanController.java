package io.innercircle.plan.internal;

import io.innercircle.analysis.AnalysisService;
import io.innercircle.analysis.strategy.StakeholderStrategy;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.ItemId;
import io.innercircle.map.OpportunityReads;
import io.innercircle.map.PeopleReads;
import io.innercircle.map.AccountReads;
import io.innercircle.map.Opportunity;
import io.innercircle.map.Stakeholder;
import io.innercircle.map.TeamMember;
import io.innercircle.plan.internal.PlanController.TacticPayload;
import io.innercircle.plan.internal.PlanData.Tactic;
import io.innercircle.plan.internal.RelationshipPlanStore.PersonRef;
import io.innercircle.plan.internal.RelationshipPlanStore.Stored;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** GraphQL entry points of the recorded relationship plans and of tactic targets (relationship-plan.graphqls). */
@Controller
class RelationshipPlanController {

    record RelationshipPlanView(PersonRef person, String strategy, String computed, boolean recorded,
                                TeamMember owner, String nextStep, LocalDate due, boolean overdue, String outcome) {}

    record RelationshipPlanPayload(RelationshipPlanView plan) {}

    private final RelationshipPlanStore store;
    private final PlanStore plans;
    private final PlanViews views;
    private final OpportunityReads opportunityReads;
    private final PeopleReads peopleReads;
    private final AccountReads accountReads;
    private final AnalysisService analyses;

    RelationshipPlanController(RelationshipPlanStore store, PlanStore plans, PlanViews views,
                               OpportunityReads opportunityReads, PeopleReads peopleReads, AccountReads accountReads,
                               AnalysisService analyses) {
        this.store = store;
        this.plans = plans;
        this.views = views;
        this.opportunityReads = opportunityReads;
        this.peopleReads = peopleReads;
        this.accountReads = accountReads;
        this.analyses = analyses;
    }

    @QueryMapping
    RelationshipPlanView relationshipPlan(@Argument String opportunity, @Argument String stakeholder) {
        ItemId o = ItemId.parse("opportunity", opportunity);
        ItemId s = ItemId.parse("stakeholder", stakeholder);
        Optional<Stakeholder> person = peopleReads.stakeholder(s);
        if (opportunityReads.opportunity(o).isEmpty() || person.isEmpty()) {
            return null;
        }
        Map<String, String> computed = computed(o);
        Map<String, TeamMember> team = team(o.account());
        return store.find(o, s).map(r -> view(r, person.get().name(), computed, team))
                .orElseGet(() -> new RelationshipPlanView(new PersonRef(s.toString(), s.key(), person.get().name()),
                        computed.get(s.key()), computed.get(s.key()), false, null, null, null, false, null));
    }

    @QueryMapping
    List<RelationshipPlanView> relationshipPlans(@Argument String opportunity) {
        ItemId o = ItemId.parse("opportunity", opportunity);
        if (opportunityReads.opportunity(o).isEmpty()) {
            throw new NotFoundException("opportunity", "opportunity", opportunity);
        }
        Map<String, String> computed = computed(o);
        Map<String, TeamMember> team = team(o.account());
        List<Stored> stored = store.all(o);
        Map<ItemId, Stakeholder> people = peopleReads.stakeholders(stored.stream()
                .map(r -> new ItemId(r.account(), r.stakeholder())).toList());
        return stored.stream()
                .map(r -> view(r, Optional.ofNullable(people.get(new ItemId(r.account(), r.stakeholder())))
                        .map(Stakeholder::name).orElse(r.stakeholder()), computed, team))
                .sorted(Comparator.comparing((RelationshipPlanView v) -> !v.overdue()))
                .toList();
    }

    @MutationMapping
    RelationshipPlanPayload setRelationshipPlan(@Argument RelationshipPlanInput input) {
        ItemId o = ItemId.parse("input.opportunity", input.opportunity());
        ItemId s = ItemId.parse("input.stakeholder", input.stakeholder());
        store.set(o, s, new RelationshipPlanStore.Patch(input.strategy(), input.owner(), input.nextStep(),
                input.due(), input.outcome()));
        return new RelationshipPlanPayload(relationshipPlan(o.toString(), s.toString()));
    }

    @MutationMapping
    TacticPayload setTacticTargets(@Argument String tactic, @Argument List<String> people) {
        ItemId id = ItemId.parse("tactic", tactic);
        ItemId opportunity = store.setTargets(id, people);
        Opportunity o = opportunityReads.opportunity(opportunity).orElseThrow();
        PlanViews.PlanView plan = views.plan(o);
        Tactic t = plan.data().tactics().stream().filter(x -> x.key().equals(id.key())).findFirst().orElseThrow();
        return new TacticPayload(t, plan);
    }

    @BatchMapping(typeName = "Tactic")
    Map<Tactic, List<PersonRef>> targets(List<Tactic> tactics) {
        Map<ItemId, List<PersonRef>> byId = store.targets(tactics.stream()
                .map(t -> new ItemId(t.account(), t.key())).distinct().toList());
        Map<Tactic, List<PersonRef>> result = new LinkedHashMap<>();
        tactics.forEach(t -> result.put(t, byId.getOrDefault(new ItemId(t.account(), t.key()), List.of())));
        return result;
    }

    private RelationshipPlanView view(Stored r, String name, Map<String, String> computed, Map<String, TeamMember> team) {
        String strategy = r.strategy() != null ? r.strategy() : computed.get(r.stakeholder());
        boolean overdue = r.due() != null && r.nextStep() != null && r.due().isBefore(plans.today());
        return new RelationshipPlanView(new PersonRef(ItemId.of(r.account(), r.stakeholder()), r.stakeholder(), name),
                strategy, computed.get(r.stakeholder()), true, r.owner() == null ? null : team.get(r.owner()),
                r.nextStep(), r.due(), overdue, r.outcome());
    }

    /** The strategy the analysis computes for each person involved in the opportunity, by stakeholder key. */
    private Map<String, String> computed(ItemId opportunity) {
        return analyses.analysis(opportunity.account())
                .filter(a -> a.network().deals().containsKey(opportunity.key()))
                .map(a -> a.strategy(opportunity.key()).stakeholders().stream()
                        .collect(Collectors.toMap(StakeholderStrategy::key, s -> s.strategy().name(), (x, y) -> x)))
                .orElse(Map.of());
    }

    private Map<String, TeamMember> team(String account) {
        return accountReads.teamMembers(List.of(account)).getOrDefault(account, List.of()).stream()
                .collect(Collectors.toMap(TeamMember::key, Function.identity(), (x, y) -> x));
    }
}
