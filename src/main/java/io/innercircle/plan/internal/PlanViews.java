package io.innercircle.plan.internal;

import io.innercircle.assessment.Assessment;
import io.innercircle.assessment.AssessmentStore;
import io.innercircle.map.ItemId;
import io.innercircle.map.Opportunity;
import io.innercircle.plan.internal.PlanData.OutcomeRecord;
import io.innercircle.plan.internal.PlanData.StageTransition;
import io.innercircle.vocabulary.SalesStage;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles plans, stage progress and debriefs of many opportunities: two queries whatever their number. */
@Component
public class PlanViews {

    /** An opportunity's plan with what its checks need. */
    public record PlanView(Opportunity opportunity, PlanData data, Assessment assessment,
                           PlanChecks.ObjectiveCheck objectiveCheck) {

        public String goal() {
            return opportunity.goal();
        }

        public String objective() {
            return opportunity.objective();
        }

        public String offering() {
            return data.offering();
        }

        public String strategy() {
            return opportunity.strategy();
        }

        public List<PlanData.ReviewComment> reviews() {
            return data.reviews();
        }

        public List<PlanChecks.Check> checks(LocalDate today) {
            return PlanChecks.check(opportunity, data, assessment, today);
        }
    }

    public record OutcomeStatus(StageOutcome outcome, String text, boolean met, String evidence,
                                LocalDate recordedOn) {
    }

    public record StageStatus(SalesStage stage, int probability, int typicalDays, String purpose, boolean current,
                              boolean complete, List<OutcomeStatus> outcomes) {
    }

    public record TransitionView(SalesStage from, SalesStage to, LocalDate on, boolean override, String reason,
                                 List<String> unmetOutcomes) {
    }

    public record StageProgress(SalesStage stage, Integer probability, SalesStage lastCompleted,
                                List<StageStatus> stages, List<TransitionView> transitions) {
    }

    private final PlanStore store;
    private final AssessmentStore assessments;

    PlanViews(PlanStore store, AssessmentStore assessments) {
        this.store = store;
        this.assessments = assessments;
    }

    public Map<Opportunity, PlanView> plans(List<Opportunity> opportunities) {
        List<ItemId> ids = opportunities.stream().map(o -> new ItemId(o.account(), o.key())).toList();
        Map<ItemId, PlanData> plans = store.plans(ids);
        Map<ItemId, Assessment> found = assessments.assessments(ids);
        Map<Opportunity, PlanView> result = new LinkedHashMap<>();
        for (Opportunity o : opportunities) {
            ItemId id = new ItemId(o.account(), o.key());
            PlanData data = plans.get(id);
            if (data != null && found.containsKey(id)) {
                result.put(o, new PlanView(o, data, found.get(id), PlanChecks.objective(o, data.offering())));
            }
        }
        return result;
    }

    public PlanView plan(Opportunity opportunity) {
        return plans(List.of(opportunity)).get(opportunity);
    }

    public static StageProgress progress(Opportunity o, PlanData data) {
        SalesStage current = o.stage() == null ? null : SalesStage.valueOf(o.stage());
        List<StageStatus> stages = new ArrayList<>();
        for (SalesStage s : SalesStage.steps()) {
            List<OutcomeStatus> outcomes = StageOutcome.of(s).stream().map(out -> {
                OutcomeRecord r = data.outcomes().get(out);
                return new OutcomeStatus(out, out.text(), r != null && r.met(), r == null ? null : r.evidence(),
                        r == null ? null : r.recordedOn());
            }).toList();
            stages.add(new StageStatus(s, s.probability(), s.typicalDays(), s.purpose(), s == current,
                    StageRules.complete(s, data.outcomes()), outcomes));
        }
        List<TransitionView> moves = data.transitions().stream().map((StageTransition t) -> new TransitionView(
                t.from(), t.to(), t.on(), t.override(), t.reason(), t.unmet())).toList();
        return new StageProgress(current, current == null ? null : current.probability(),
                StageRules.lastCompleted(data.outcomes()), stages, moves);
    }

    public List<Debrief.Answer> debrief(PlanView plan) {
        Opportunity o = plan.opportunity();
        return Debrief.answer(o.stage() == null ? null : SalesStage.valueOf(o.stage()), plan.data(),
                plan.checks(store.today()), store.today());
    }
}
