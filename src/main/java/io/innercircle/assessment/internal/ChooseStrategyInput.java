package io.innercircle.assessment.internal;

import io.innercircle.vocabulary.CompetitiveStrategy;

/** GraphQL {@code ChooseStrategyInput}: the strategy chosen for an opportunity, and why. */
record ChooseStrategyInput(String opportunity, CompetitiveStrategy strategy, String rationale) {
}
