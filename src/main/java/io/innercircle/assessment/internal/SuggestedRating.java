package io.innercircle.assessment.internal;

import io.innercircle.assessment.Criterion;
import io.innercircle.assessment.Rating;
import java.util.List;

/**
 * A rating the political map suggests for one of the criteria about people (#9, #11, #12, #15), with the reasons
 * a rep can check. It is shown next to the rep's own rating and never replaces it.
 */
public record SuggestedRating(Criterion criterion, Rating rating, List<String> reasons) {

    public SuggestedRating {
        reasons = List.copyOf(reasons);
    }
}
