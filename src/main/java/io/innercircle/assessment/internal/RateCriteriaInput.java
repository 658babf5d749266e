package io.innercircle.assessment.internal;

import java.util.List;

/** GraphQL {@code RateCriteriaInput}: new ratings of some criteria of an opportunity's assessment. */
record RateCriteriaInput(String opportunity, List<CriterionRatingInput> ratings) {
}
