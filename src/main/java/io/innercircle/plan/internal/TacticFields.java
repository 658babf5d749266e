package io.innercircle.plan.internal;

import org.springframework.graphql.data.ArgumentValue;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields of a tactic as given by {@link AddTacticInput} or {@link UpdateTacticInput}: each either left out
 * or given (possibly as an explicit null), so that one check and write serves both.
 */
sealed interface TacticFields permits AddTacticInput, UpdateTacticInput {

    ArgumentValue<Prime> prime();

    ArgumentValue<String> what();

    ArgumentValue<String> owner();

    ArgumentValue<LocalDate> due();

    ArgumentValue<String> resources();

    ArgumentValue<Double> cost();

    ArgumentValue<Boolean> done();

    ArgumentValue<List<Integer>> criteria();

    ArgumentValue<Integer> position();
}
