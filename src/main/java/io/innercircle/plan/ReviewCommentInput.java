package io.innercircle.plan;

import io.innercircle.plan.PlanData.ReviewKind;

/** GraphQL {@code ReviewCommentInput}: a challenge or recommendation raised in a plan review. */
record ReviewCommentInput(String opportunity, String reviewer, ReviewKind kind, String text) {
}
