package io.innercircle.plan.internal;

/** GraphQL {@code ReviewAnswerInput}: the presenter's answer to a review comment (id). */
record ReviewAnswerInput(String id, String presenter, String answer) {
}
