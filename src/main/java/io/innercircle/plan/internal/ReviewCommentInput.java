package io.innercircle.plan.internal;

import io.innercircle.plan.internal.PlanData.ReviewKind;

/** GraphQL {@code ReviewCommentInput}: a challenge or recommendation raised in a plan review. */
record ReviewCommentInput(String opportunity, String reviewer, ReviewKind kind, String text) {
}
