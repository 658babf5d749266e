package io.innercircle.plan.internal;

import org.springframework.graphql.data.ArgumentValue;

/**
 * GraphQL {@code PlanInput}: a patch of an opportunity's goal, objective and offering (a field left out is
 * unchanged, an explicit null clears it).
 */
record PlanInput(String opportunity, ArgumentValue<String> goal, ArgumentValue<String> objective,
                 ArgumentValue<String> offering) {
}
