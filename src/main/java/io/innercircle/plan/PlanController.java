package io.innercircle.plan;

import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.ItemId;
import io.innercircle.map.MapReads;
import io.innercircle.map.Opportunity;
import io.innercircle.map.Page;
import io.innercircle.map.TeamMember;
import io.innercircle.plan.PlanData.ReviewComment;
import io.innercircle.plan.PlanData.ReviewKind;
import io.innercircle.plan.PlanData.Tactic;
import io.innercircle.plan.PlanViews.PlanView;
import io.innercircle.vocabulary.SalesStage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** GraphQL entry points of the plan, the plan review, the sales stages and the debrief (plan.graphqls). */
@Controller
class PlanController {

    private final PlanStore store;
    private final PlanViews views;
    private final MapReads map;

    PlanController(PlanStore store, PlanViews views, MapReads map) {
        this.store = store;
        this.views = views;
        this.map = map;
    }

    @QueryMapping
    PlanView plan(@Argument String opportunity) {
        return map.opportunity(ItemId.parse("opportunity", opportunity)).map(views::plan).orElse(null);
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
    Page<Tactic> tactics(PlanView plan, @Argument Map<String, Object> filter, @Argument String orderBy,
                         @Argument Integer first, @Argument String after) {
        LocalDate today = store.today();
        List<Tactic> tactics = plan.data().tactics().stream().filter(matching(filter, today))
                .sorted(order(orderBy)).toList();
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
        Map<String, List<TeamMember>> teams = map.teamMembers(tactics.stream().filter(t -> t.ownerKey() != null)
                .map(Tactic::account).distinct().toList());
        Map<Tactic, TeamMember> result = new LinkedHashMap<>();
        for (Tactic t : tactics) {
            teams.getOrDefault(t.account(), List.of()).stream().filter(m -> m.key().equals(t.ownerKey())).findFirst()
                    .ifPresent(m -> result.put(t, m));
        }
        return result;
    }

    private static Predicate<Tactic> matching(Map<String, Object> filter, LocalDate today) {
        if (filter == null) {
            return t -> true;
        }
        Predicate<Tactic> p = t -> true;
        if (filter.get("prime") != null) {
            List<String> primes = ((List<?>) filter.get("prime")).stream().map(Object::toString).toList();
            p = p.and(t -> t.prime() != null && primes.contains(t.prime().name()));
        }
        if (filter.get("owner") != null) {
            ItemId owner = ItemId.parse("filter.owner", (String) filter.get("owner"));
            p = p.and(t -> owner.key().equals(t.ownerKey()) && owner.account().equals(t.account()));
        }
        if (filter.get("done") != null) {
            boolean done = (Boolean) filter.get("done");
            p = p.and(t -> t.done() == done);
        }
        if (filter.get("overdue") != null) {
            boolean overdue = (Boolean) filter.get("overdue");
            p = p.and(t -> t.overdue(today) == overdue);
        }
        LocalDate before = (LocalDate) filter.get("dueBefore");
        LocalDate after = (LocalDate) filter.get("dueAfter");
        if (before != null && after != null && after.isAfter(before)) {
            throw new InvalidInputException("filter.dueAfter", "is after dueBefore");
        }
        if (before != null) {
            p = p.and(t -> t.due() != null && t.due().isBefore(before));
        }
        if (after != null) {
            p = p.and(t -> t.due() != null && t.due().isAfter(after));
        }
        return p;
    }

    private static Comparator<Tactic> order(String orderBy) {
        Comparator<Tactic> plan = Comparator.comparingInt(Tactic::position);
        if (orderBy == null) {
            return plan;
        }
        return switch (orderBy) {
            case "DUE" -> Comparator.comparing(Tactic::due, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(plan);
            case "PRIME" -> Comparator.comparing(Tactic::prime, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(plan);
            case "OWNER" -> Comparator.comparing(Tactic::ownerName, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(plan);
            default -> plan;
        };
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
    PlanPayload setPlan(@Argument Map<String, Object> input) {
        ItemId id = ItemId.parse("input.opportunity", (String) input.get("opportunity"));
        store.setPlan(id, input);
        return new PlanPayload(plan(id));
    }

    @MutationMapping
    TacticPayload addTactic(@Argument Map<String, Object> input) {
        ItemId id = ItemId.parse("input.opportunity", (String) input.get("opportunity"));
        String key = store.addTactic(id, input);
        return tacticPayload(id, key);
    }

    @MutationMapping
    TacticPayload updateTactic(@Argument Map<String, Object> input) {
        ItemId tactic = ItemId.parse("input.id", (String) input.get("id"));
        ItemId opportunity = store.updateTactic(tactic, input);
        return tacticPayload(opportunity, tactic.key());
    }

    @MutationMapping
    PlanPayload removeTactic(@Argument String id) {
        ItemId opportunity = store.removeTactic(ItemId.parse("id", id));
        return new PlanPayload(plan(opportunity));
    }

    @MutationMapping
    ReviewCommentPayload addReviewComment(@Argument Map<String, Object> input) {
        ItemId id = ItemId.parse("input.opportunity", (String) input.get("opportunity"));
        String key = store.addReview(id, (String) input.get("reviewer"),
                ReviewKind.valueOf(input.get("kind").toString()), (String) input.get("text"));
        return reviewPayload(id, key);
    }

    @MutationMapping
    ReviewCommentPayload answerReviewComment(@Argument Map<String, Object> input) {
        ItemId comment = ItemId.parse("input.id", (String) input.get("id"));
        ItemId opportunity = store.answerReview(comment, (String) input.get("presenter"),
                (String) input.get("answer"));
        return reviewPayload(opportunity, comment.key());
    }

    @MutationMapping
    StageProgressPayload recordStageOutcome(@Argument Map<String, Object> input) {
        ItemId id = ItemId.parse("input.opportunity", (String) input.get("opportunity"));
        store.recordOutcome(id, StageOutcome.valueOf(input.get("outcome").toString()),
                Boolean.TRUE.equals(input.get("met")), (String) input.get("evidence"));
        return stagePayload(id);
    }

    @MutationMapping
    StageProgressPayload advanceStage(@Argument Map<String, Object> input) {
        ItemId id = ItemId.parse("input.opportunity", (String) input.get("opportunity"));
        store.moveStage(id, SalesStage.valueOf(input.get("stage").toString()),
                Boolean.TRUE.equals(input.get("override")), (String) input.get("reason"));
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
        return map.opportunity(id).orElseThrow(() -> new NotFoundException("opportunity", "opportunity", id.toString()));
    }
}
