package io.innercircle.assessment;

import io.innercircle.assessment.internal.Question;
import io.innercircle.api.InvalidInputException;

import java.util.Arrays;
import java.util.List;

/**
 * The 20 criteria of the opportunity assessment, worded as in the course, each with its unfavourable and
 * favourable ends ("undefined ↔ defined"). {@link #suggestedFromMap()} marks the four about people that the
 * political map can suggest a rating for.
 */
public enum Criterion {
    CUSTOMERS_APPLICATION(1, "Customer's application or project", "undefined", "defined", Question.IS_THERE_AN_OPPORTUNITY),
    CUSTOMERS_BUSINESS_PROFILE(2, "Customer's business profile", "weak", "strong", Question.IS_THERE_AN_OPPORTUNITY),
    CUSTOMERS_FINANCIAL_CONDITION(3, "Customer's financial condition", "weak", "strong", Question.IS_THERE_AN_OPPORTUNITY),
    ACCESS_TO_FUNDS(4, "Access to funds", "no", "yes", Question.IS_THERE_AN_OPPORTUNITY),
    COMPELLING_EVENT(5, "Compelling event", "undefined", "defined", Question.IS_THERE_AN_OPPORTUNITY),
    FORMAL_DECISION_CRITERIA(6, "Formal decision criteria", "undefined", "defined", Question.CAN_WE_COMPETE),
    SOLUTION_FIT(7, "Solution fit", "poor", "good", Question.CAN_WE_COMPETE),
    SALES_RESOURCE_REQUIREMENTS(8, "Sales resource requirements", "high", "low", Question.CAN_WE_COMPETE),
    CURRENT_RELATIONSHIP(9, "Current relationship", "weak", "strong", Question.CAN_WE_COMPETE),
    UNIQUE_BUSINESS_VALUE(10, "Unique business value", "weak", "strong", Question.CAN_WE_COMPETE),
    INSIDE_SUPPORT(11, "Inside support", "weak", "strong", Question.CAN_WE_WIN),
    EXECUTIVE_CREDIBILITY(12, "Executive credibility", "weak", "strong", Question.CAN_WE_WIN),
    CULTURAL_COMPATIBILITY(13, "Cultural compatibility", "poor", "good", Question.CAN_WE_WIN),
    INFORMAL_DECISION_CRITERIA(14, "Informal decision criteria", "undefined", "defined", Question.CAN_WE_WIN),
    POLITICAL_ALIGNMENT(15, "Political alignment", "weak", "strong", Question.CAN_WE_WIN),
    SHORT_TERM_REVENUE(16, "Short-term revenue", "low", "high", Question.IS_IT_WORTH_WINNING),
    FUTURE_REVENUE(17, "Future revenue", "low", "high", Question.IS_IT_WORTH_WINNING),
    PROFITABILITY(18, "Profitability", "low", "high", Question.IS_IT_WORTH_WINNING),
    DEGREE_OF_RISK(19, "Degree of risk", "high", "low", Question.IS_IT_WORTH_WINNING),
    STRATEGIC_VALUE(20, "Strategic value", "no", "yes", Question.IS_IT_WORTH_WINNING);

    public static final int COUNT = 20;

    private final int number;
    private final String title;
    private final String low;
    private final String high;
    private final Question question;

    Criterion(int number, String title, String low, String high, Question question) {
        this.number = number;
        this.title = title;
        this.low = low;
        this.high = high;
        this.question = question;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The unfavourable end of the scale, e.g. "undefined". */
    public String low() {
        return low;
    }

    /** The favourable end of the scale, e.g. "defined". */
    public String high() {
        return high;
    }

    public Question question() {
        return question;
    }

    /** "#5 Compelling event": how the course refers to a criterion. */
    public String label() {
        return "#" + number + " " + title;
    }

    public boolean suggestedFromMap() {
        return this == CURRENT_RELATIONSHIP || this == INSIDE_SUPPORT || this == EXECUTIVE_CREDIBILITY
                || this == POLITICAL_ALIGNMENT;
    }

    public static Criterion of(int number) {
        if (number < 1 || number > COUNT) {
            throw new IllegalArgumentException("no criterion #" + number);
        }
        return values()[number - 1];
    }

    /** For user input: the field is named in the error. */
    public static Criterion of(String field, Integer number) {
        if (number == null || number < 1 || number > COUNT) {
            throw new InvalidInputException(field, "must be a criterion number between 1 and 20 (got " + number + ")");
        }
        return of(number);
    }

    public static List<Criterion> of(Question question) {
        return Arrays.stream(values()).filter(c -> c.question == question).toList();
    }
}
