package io.innercircle.assessment.internal;

import io.innercircle.assessment.Rating;

/** GraphQL {@code CompetitorRatingInput}: a competitor in the deal and its rating (null: not rated). */
record CompetitorRatingInput(String competitor, Rating rating) {
}
