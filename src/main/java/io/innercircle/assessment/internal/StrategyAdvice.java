package io.innercircle.assessment.internal;
import io.innercircle.vocabulary.CompetitiveStrategy;



import java.util.List;
import java.util.stream.Collectors;

/**
 * The strategy the decision tree recommends and the path that led there.
 *
 * @param provisional true when an unknown answer was taken as "no" on the way: finding it out may change the advice
 */
public record StrategyAdvice(CompetitiveStrategy recommended, List<Step> path, boolean provisional) {

    /**
     * One question of the tree as it was answered.
     *
     * @param step     the course's step number, 1 to 6
     * @param question the course's wording
     * @param answer   YES, NO or UNKNOWN
     * @param basis    where the answer comes from: the assessment's ratings or the rep's answer
     * @param outcome  where the answer leads: "go to 6" or the strategy
     */
    public record Step(int step, String question, Answer answer, String basis, String outcome) {
    }

    public StrategyAdvice {
        path = List.copyOf(path);
    }

    /** The path in words: "1. ... yes → 2. ... no → ... → Flanking". */
    public String summary() {
        String steps = path.stream()
                .map(s -> s.step() + ". " + s.question() + " " + s.answer().word()
                        + (s.answer() == Answer.UNKNOWN ? " (taken as no)" : ""))
                .collect(Collectors.joining(" → "));
        return steps + " → " + recommended.title() + (provisional ? " (provisional: answer the unknowns)" : "");
    }
}
