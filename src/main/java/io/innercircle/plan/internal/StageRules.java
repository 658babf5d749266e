package io.innercircle.plan.internal;

import io.innercircle.plan.internal.PlanData.OutcomeRecord;
import io.innercircle.vocabulary.SalesStage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a change of stage needs an override: moving forward past a stage (Qualify to Close) whose verifiable
 * outcomes are not all met. Moving from stage S to a later stage T goes past S and every stage between them;
 * to WON goes past every stage up to and including Close. Moving back, to LOST, or out of WON or LOST (reopening)
 * goes past nothing. An opportunity with no stage yet starts before Qualify.
 */
public final class StageRules {

    private StageRules() {
    }

    public static List<StageOutcome> unmetPassed(SalesStage from, SalesStage to,
                                                 Map<StageOutcome, OutcomeRecord> outcomes) {
        List<StageOutcome> unmet = new ArrayList<>();
        if (to == SalesStage.LOST || (from != null && !from.isStep())) {
            return unmet;
        }
        int start = from == null ? 0 : from.ordinal();
        int end = to == SalesStage.WON ? SalesStage.CLOSE.ordinal() + 1 : to.ordinal();
        for (SalesStage s : SalesStage.steps()) {
            if (s.ordinal() >= start && s.ordinal() < end) {
                StageOutcome.of(s).stream().filter(o -> !met(outcomes, o)).forEach(unmet::add);
            }
        }
        return unmet;
    }

    public static boolean met(Map<StageOutcome, OutcomeRecord> outcomes, StageOutcome outcome) {
        OutcomeRecord r = outcomes.get(outcome);
        return r != null && r.met();
    }

    public static boolean complete(SalesStage stage, Map<StageOutcome, OutcomeRecord> outcomes) {
        return StageOutcome.of(stage).stream().allMatch(o -> met(outcomes, o));
    }

    /** The last step completed successfully: the last of the stages from Qualify on that are all complete. */
    public static SalesStage lastCompleted(Map<StageOutcome, OutcomeRecord> outcomes) {
        SalesStage last = null;
        for (SalesStage s : SalesStage.steps()) {
            if (!complete(s, outcomes)) {
                break;
            }
            last = s;
        }
        return last;
    }
}
