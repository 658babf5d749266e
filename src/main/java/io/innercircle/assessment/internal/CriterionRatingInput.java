package io.innercircle.assessment.internal;

import io.innercircle.assessment.Rating;
import org.springframework.graphql.data.ArgumentValue;

import java.util.List;

/**
 * GraphQL {@code CriterionRatingInput}: a patch of one criterion. A field left out keeps its rating or note; an
 * explicit null clears it.
 */
record CriterionRatingInput(int criterion, ArgumentValue<Rating> us, List<CompetitorRatingInput> competitors,
                            ArgumentValue<String> note) {

    CriterionRatingInput {
        competitors = competitors == null ? List.of() : competitors;
    }
}
