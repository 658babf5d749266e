package io.innercircle.plan.internal;

import org.springframework.graphql.data.ArgumentValue;

import java.time.LocalDate;
import java.util.List;

/** GraphQL {@code UpdateTacticInput}: a patch of a tactic (a field left out is unchanged, null clears it). */
record UpdateTacticInput(String id, ArgumentValue<Prime> prime, ArgumentValue<String> what,
                         ArgumentValue<String> owner, ArgumentValue<LocalDate> due,
                         ArgumentValue<String> resources, ArgumentValue<Double> cost, ArgumentValue<Boolean> done,
                         ArgumentValue<List<Integer>> criteria, ArgumentValue<Integer> position)
        implements TacticFields {
}
