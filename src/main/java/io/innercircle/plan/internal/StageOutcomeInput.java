package io.innercircle.plan.internal;

/** GraphQL {@code StageOutcomeInput}: whether a stage's verifiable outcome is met, and what shows it. */
record StageOutcomeInput(String opportunity, StageOutcome outcome, boolean met, String evidence) {
}
