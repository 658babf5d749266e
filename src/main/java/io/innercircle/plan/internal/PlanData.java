package io.innercircle.plan.internal;
import io.innercircle.vocabulary.SalesStage;



import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What is stored about one opportunity's plan and sales process besides the map's own fields. */
public record PlanData(String offering, List<Tactic> tactics, List<ReviewComment> reviews,
                       Map<StageOutcome, OutcomeRecord> outcomes, List<StageTransition> transitions) {

    public PlanData {
        tactics = List.copyOf(tactics);
        reviews = List.copyOf(reviews);
        outcomes = Map.copyOf(outcomes);
        transitions = List.copyOf(transitions);
    }

    /**
     * One tactic of the plan.
     *
     * @param position order in the plan (the rep's sequence)
     * @param criteria assessment criteria the tactic addresses (besides those its text names as "#N")
     */
    public record Tactic(String account, String key, int position, Prime prime, String what, String ownerKey,
                         String ownerName, LocalDate due, String resources, Double cost, boolean done,
                         List<Integer> criteria) {

        public Tactic {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
        }

        public String id() {
            return account + "/" + key;
        }

        public boolean overdue(LocalDate today) {
            return !done && due != null && due.isBefore(today);
        }
    }

    /** A reviewer's challenge or recommendation and the presenters' answer (TAS module 6). */
    public record ReviewComment(String account, String key, String reviewer, ReviewKind kind, String text,
                                LocalDate raisedOn, String answer, String presenter, LocalDate answeredOn) {

        public String id() {
            return account + "/" + key;
        }
    }

    public enum ReviewKind { CHALLENGE, RECOMMENDATION }

    /** Whether an outcome is met, with the evidence the rep recorded. */
    public record OutcomeRecord(StageOutcome outcome, boolean met, String evidence, LocalDate recordedOn) {
    }

    /** A change of stage; {@code override} when it went past outcomes not met, which {@code unmet} lists. */
    public record StageTransition(SalesStage from, SalesStage to, LocalDate on, boolean override, String reason,
                                  List<String> unmet) {

        public StageTransition {
            unmet = List.copyOf(unmet);
        }
    }
}
