package io.innercircle.analysis.innercircle;

import java.util.List;
import java.util.Optional;

/**
 * The Inner Circle analysis of one account.
 *
 * @param people        everyone on the map, highest computed influence first
 * @param candidates    the graph's Inner Circle candidates, best first (at most maxCandidates)
 * @param disagreements where the rep's judgement and the graph differ
 * @param chart         rank-versus-influence chart data, in the order of {@code people}
 */
public record InnerCircleReport(InnerCircleParameters parameters, List<PersonInfluence> people,
                                List<PersonInfluence> candidates, List<Disagreement> disagreements,
                                List<RankInfluencePoint> chart) {

    public InnerCircleReport {
        people = List.copyOf(people);
        candidates = List.copyOf(candidates);
        disagreements = List.copyOf(disagreements);
        chart = List.copyOf(chart);
    }

    public Optional<PersonInfluence> person(String key) {
        return people.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    public PersonInfluence require(String key) {
        return person(key).orElseThrow(() -> new IllegalArgumentException("Nobody with the key '" + key + "'"));
    }

    public boolean isCandidate(String key) {
        return person(key).map(PersonInfluence::candidate).orElse(false);
    }
}
