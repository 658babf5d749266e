package io.innercircle.plan.internal;

import io.innercircle.plan.internal.PlanData.OutcomeRecord;
import io.innercircle.plan.internal.PlanData.Tactic;
import io.innercircle.vocabulary.SalesStage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The opportunity debrief of TAS module 7: the course's four questions, answered from what is recorded (the stage,
 * the outcomes and their evidence, the tactics, the review and the plan checks).
 */
public final class Debrief {

    static final String LAST_STEP = "What is the last TAS step completed successfully?";
    static final String ITS_OUTCOMES = "Show me its verifiable outcomes.";
    static final String CURRENT_ACTIVITY = "Which activity in the current step are you working on?";
    static final String PREPARATION = "Show me your preparation.";

    /** One question with a short answer and the items behind it. */
    public record Answer(String question, String answer, List<String> details) {

        public Answer {
            details = List.copyOf(details);
        }
    }

    private Debrief() {
    }

    public static List<Answer> answer(SalesStage current, PlanData plan, List<PlanChecks.Check> checks,
                                      LocalDate today) {
        SalesStage last = StageRules.lastCompleted(plan.outcomes());
        List<Answer> answers = new ArrayList<>();
        answers.add(new Answer(LAST_STEP, last == null
                ? "None yet: not every outcome of Qualify is met"
                : last.title() + " (" + last.probability() + "%)", List.of()));

        List<String> evidence = new ArrayList<>();
        if (last != null) {
            for (StageOutcome o : StageOutcome.of(last)) {
                OutcomeRecord r = plan.outcomes().get(o);
                evidence.add(o.text() + ": " + r.evidence() + (r.recordedOn() == null ? "" : " (" + r.recordedOn() + ")"));
            }
        }
        answers.add(new Answer(ITS_OUTCOMES, last == null ? "No step is complete, so there is nothing to show yet"
                : evidence.size() + " outcomes with evidence", evidence));

        List<String> working = new ArrayList<>();
        String step;
        if (current == null || !current.isStep()) {
            step = current == null ? "No stage is set" : "The opportunity is " + current.title().toLowerCase();
        } else {
            List<StageOutcome> open = StageOutcome.of(current).stream()
                    .filter(o -> !StageRules.met(plan.outcomes(), o)).toList();
            step = current.title() + " (" + current.probability() + "%): " + current.purpose() + "; "
                    + (open.isEmpty() ? "every outcome is met" : open.size() + " outcome(s) still to reach");
            open.forEach(o -> working.add("outcome to reach: " + o.text()));
        }
        plan.tactics().stream().filter(t -> !t.done())
                .sorted(Comparator.comparing(Tactic::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(t -> working.add("open tactic: " + t.what()
                        + (t.ownerName() == null ? "" : " — " + t.ownerName())
                        + (t.due() == null ? "" : " — due " + t.due() + (t.overdue(today) ? " (overdue)" : ""))));
        answers.add(new Answer(CURRENT_ACTIVITY, step, working));

        long done = plan.tactics().stream().filter(Tactic::done).count();
        long unanswered = plan.reviews().stream().filter(r -> r.answer() == null).count();
        List<String> preparation = new ArrayList<>();
        checks.forEach(c -> preparation.add(c.severity() + ": " + c.message()));
        plan.reviews().stream().filter(r -> r.answer() == null)
                .forEach(r -> preparation.add("unanswered " + r.kind().name().toLowerCase() + " from " + r.reviewer()
                        + ": " + r.text()));
        answers.add(new Answer(PREPARATION, plan.tactics().size() + " tactics (" + done + " done), "
                + plan.reviews().size() + " review comments (" + unanswered + " unanswered), " + checks.size()
                + " plan check(s) open", preparation));
        return answers;
    }
}
