package io.innercircle.assessment;

/** GraphQL {@code CompetitorRatingInput}: a competitor in the deal and its rating (null: not rated). */
record CompetitorRatingInput(String competitor, Rating rating) {
}
