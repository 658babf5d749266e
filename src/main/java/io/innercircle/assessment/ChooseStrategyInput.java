package io.innercircle.assessment;

/** GraphQL {@code ChooseStrategyInput}: the strategy chosen for an opportunity, and why. */
record ChooseStrategyInput(String opportunity, CompetitiveStrategy strategy, String rationale) {
}
