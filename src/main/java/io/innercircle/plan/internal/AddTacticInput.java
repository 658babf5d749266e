package io.innercircle.plan.internal;

import org.springframework.graphql.data.ArgumentValue;

import java.time.LocalDate;
import java.util.List;

/** GraphQL {@code AddTacticInput}: a new tactic of an opportunity's plan. */
record AddTacticInput(String opportunity, ArgumentValue<Prime> prime, ArgumentValue<String> what,
                      ArgumentValue<String> owner, ArgumentValue<LocalDate> due, ArgumentValue<String> resources,
                      ArgumentValue<Double> cost, ArgumentValue<Boolean> done,
                      ArgumentValue<List<Integer>> criteria, ArgumentValue<Integer> position)
        implements TacticFields {
}
