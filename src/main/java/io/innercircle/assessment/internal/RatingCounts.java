package io.innercircle.assessment.internal;

import io.innercircle.assessment.Rating;
import java.util.Collection;

/** How many criteria of a group are rated +, -, ? and not at all, and what that says (see {@link Answer#majority}). */
public record RatingCounts(int plus, int minus, int unknown, int unrated) {

    public static RatingCounts of(Collection<Rating> ratings) {
        int plus = 0;
        int minus = 0;
        int unknown = 0;
        int unrated = 0;
        for (Rating r : ratings) {
            if (r == null) {
                unrated++;
            } else {
                switch (r) {
                    case PLUS -> plus++;
                    case MINUS -> minus++;
                    case UNKNOWN -> unknown++;
                }
            }
        }
        return new RatingCounts(plus, minus, unknown, unrated);
    }

    public Answer verdict() {
        return Answer.majority(plus, minus, unknown + unrated);
    }

    /** "3 +, 1 -, 1 ?" (and "2 not rated" when some are). */
    public String describe() {
        String text = plus + " +, " + minus + " -, " + unknown + " ?";
        return unrated == 0 ? text : text + ", " + unrated + " not rated";
    }
}
