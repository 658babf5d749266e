package io.innercircle.plan.internal;

import io.innercircle.vocabulary.SalesStage;

/** GraphQL {@code AdvanceStageInput}: a move to another sales stage, past unmet outcomes only with a reason. */
record AdvanceStageInput(String opportunity, SalesStage stage, Boolean override, String reason) {

    boolean overriding() {
        return Boolean.TRUE.equals(override);
    }
}
