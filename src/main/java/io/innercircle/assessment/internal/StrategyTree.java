package io.innercircle.assessment.internal;
import io.innercircle.assessment.Assessment;
import io.innercircle.assessment.Criterion;
import io.innercircle.assessment.Rating;
import io.innercircle.vocabulary.CompetitiveStrategy;



import java.util.ArrayList;
import java.util.List;

/**
 * The decision tree of competitive strategies (TAS module 2, the course's summary page), as explicit rules.
 *
 * <ol>
 *   <li>Is there a compelling event (#5), or can you create one? and can you compete (#6–#10)? No → go to 6.</li>
 *   <li>Do you have a 3:1 advantage? Yes → Frontal.</li>
 *   <li>Can you change or expand the buying criteria? Yes → Flanking.</li>
 *   <li>Can you find a profitable subset of the opportunity that you can win? Yes → Fragment.</li>
 *   <li>Do you have a position in the account that you must protect? Yes → Defend.</li>
 *   <li>Is there future revenue (#17) or strategic value (#20)? Yes → Develop. No → Disengage.</li>
 * </ol>
 *
 * <p>From the assessment (our ratings): a compelling event is #5 rated +; we can compete when the + ratings of
 * #6–#10 outnumber the - ratings even if every ? and unrated one turned out - ({@link Answer#majority});
 * future revenue is #17 rated +, strategic value #20 rated +. The rest is asked. An unknown answer is taken as
 * "no" (the cautious branch) and marks the advice provisional, so the rep sees what finding out could change.
 * Step 5 "no" leads to step 6, like step 1 "no".
 */
public final class StrategyTree {

    static final String Q1 = "Is there a compelling event (#5), or can you create one? and can you compete (#6–#10)?";
    static final String Q2 = "Do you have a 3:1 advantage?";
    static final String Q3 = "Can you change or expand the buying criteria?";
    static final String Q4 = "Can you find a profitable subset of the opportunity that you can win?";
    static final String Q5 = "Do you have a position in the account that you must protect?";
    static final String Q6 = "Is there future revenue (#17) or strategic value (#20)?";

    private static final List<Criterion> CAN_COMPETE = List.of(Criterion.FORMAL_DECISION_CRITERIA,
            Criterion.SOLUTION_FIT, Criterion.SALES_RESOURCE_REQUIREMENTS, Criterion.CURRENT_RELATIONSHIP,
            Criterion.UNIQUE_BUSINESS_VALUE);

    /** The criteria the tree reads: a change in our rating of one of them can change the advice. */
    public static final List<Criterion> INPUTS = List.of(Criterion.COMPELLING_EVENT,
            Criterion.FORMAL_DECISION_CRITERIA, Criterion.SOLUTION_FIT, Criterion.SALES_RESOURCE_REQUIREMENTS,
            Criterion.CURRENT_RELATIONSHIP, Criterion.UNIQUE_BUSINESS_VALUE, Criterion.FUTURE_REVENUE,
            Criterion.STRATEGIC_VALUE);

    private StrategyTree() {
    }

    public static StrategyAdvice advise(Assessment assessment, StrategyQuestions asked) {
        List<StrategyAdvice.Step> path = new ArrayList<>();

        Answer event = fromRating(assessment.us(Criterion.COMPELLING_EVENT));
        Answer eventOrCreate = or(event, asked.canCreateCompellingEvent());
        RatingCounts compete = RatingCounts.of(CAN_COMPETE.stream().map(assessment::us).toList());
        Answer canCompete = compete.verdict();
        Answer first = and(eventOrCreate, canCompete);
        String basis1 = "compelling event: #5 rated " + rated(assessment.us(Criterion.COMPELLING_EVENT))
                + ", can create one: " + asked.canCreateCompellingEvent().word()
                + "; can compete: " + canCompete.word() + " (#6–#10: " + compete.describe() + ")";
        if (!yes(first)) {
            path.add(new StrategyAdvice.Step(1, Q1, first, basis1, "go to 6"));
            return lastStep(path, assessment);
        }
        path.add(new StrategyAdvice.Step(1, Q1, first, basis1, "go to 2"));

        if (ask(path, 2, Q2, asked.threeToOneAdvantage(), CompetitiveStrategy.FRONTAL, "go to 3")) {
            return advice(CompetitiveStrategy.FRONTAL, path);
        }
        if (ask(path, 3, Q3, asked.canChangeBuyingCriteria(), CompetitiveStrategy.FLANKING, "go to 4")) {
            return advice(CompetitiveStrategy.FLANKING, path);
        }
        if (ask(path, 4, Q4, asked.profitableSubset(), CompetitiveStrategy.FRAGMENT, "go to 5")) {
            return advice(CompetitiveStrategy.FRAGMENT, path);
        }
        if (ask(path, 5, Q5, asked.positionToProtect(), CompetitiveStrategy.DEFEND, "go to 6")) {
            return advice(CompetitiveStrategy.DEFEND, path);
        }
        return lastStep(path, assessment);
    }

    private static StrategyAdvice lastStep(List<StrategyAdvice.Step> path, Assessment assessment) {
        Rating future = assessment.us(Criterion.FUTURE_REVENUE);
        Rating strategic = assessment.us(Criterion.STRATEGIC_VALUE);
        Answer answer = or(fromRating(future), fromRating(strategic));
        CompetitiveStrategy strategy = yes(answer) ? CompetitiveStrategy.DEVELOP : CompetitiveStrategy.DISENGAGE;
        path.add(new StrategyAdvice.Step(6, Q6, answer,
                "future revenue: #17 rated " + rated(future) + "; strategic value: #20 rated " + rated(strategic),
                strategy.title()));
        return advice(strategy, path);
    }

    /** Records the step; true when the answer is yes (the strategy is found). */
    private static boolean ask(List<StrategyAdvice.Step> path, int step, String question, Answer answer,
                               CompetitiveStrategy ifYes, String ifNo) {
        path.add(new StrategyAdvice.Step(step, question, answer, "your answer: " + answer.word(),
                yes(answer) ? ifYes.title() : ifNo));
        return yes(answer);
    }

    private static StrategyAdvice advice(CompetitiveStrategy strategy, List<StrategyAdvice.Step> path) {
        boolean provisional = path.stream().anyMatch(s -> s.answer() == Answer.UNKNOWN);
        return new StrategyAdvice(strategy, path, provisional);
    }

    static Answer fromRating(Rating rating) {
        if (rating == Rating.PLUS) {
            return Answer.YES;
        }
        return rating == Rating.MINUS ? Answer.NO : Answer.UNKNOWN;
    }

    static Answer or(Answer a, Answer b) {
        if (a == Answer.YES || b == Answer.YES) {
            return Answer.YES;
        }
        return a == Answer.NO && b == Answer.NO ? Answer.NO : Answer.UNKNOWN;
    }

    static Answer and(Answer a, Answer b) {
        if (a == Answer.NO || b == Answer.NO) {
            return Answer.NO;
        }
        return a == Answer.YES && b == Answer.YES ? Answer.YES : Answer.UNKNOWN;
    }

    private static boolean yes(Answer a) {
        return a == Answer.YES;
    }

    private static String rated(Rating r) {
        return r == null ? "not rated" : r.symbol();
    }
}
