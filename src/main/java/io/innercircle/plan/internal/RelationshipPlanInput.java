package io.innercircle.plan.internal;

import io.innercircle.analysis.strategy.RelationshipStrategy;
import org.springframework.graphql.data.ArgumentValue;

import java.time.LocalDate;

/**
 * GraphQL {@code RelationshipPlanInput}: a patch of the plan of one person in one opportunity (a field left out
 * is unchanged, an explicit null clears it).
 */
record RelationshipPlanInput(String opportunity, String stakeholder, ArgumentValue<RelationshipStrategy> strategy,
                             ArgumentValue<String> owner, ArgumentValue<String> nextStep,
                             ArgumentValue<LocalDate> due, ArgumentValue<String> outcome) {
}
