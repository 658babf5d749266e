package io.innercircle.analysis.innercircle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Inner Circle analysis of one account. A value (equal when its five parts are equal); a class rather than a
 * record only so that it can hold its people by key: the health checks and strategies ask for each person of a
 * deal, and a scan of the list per question made the health of a 5,000-person map take seconds.
 */
public final class InnerCircleReport {

    private final InnerCircleParameters parameters;
    private final List<PersonInfluence> people;
    private final List<PersonInfluence> candidates;
    private final List<Disagreement> disagreements;
    private final List<RankInfluencePoint> chart;
    private final Map<String, PersonInfluence> byKey;

    /**
     * @param people        everyone on the map, highest computed influence first
     * @param candidates    the graph's Inner Circle candidates, best first (at most maxCandidates)
     * @param disagreements where the rep's judgement and the graph differ
     * @param chart         rank-versus-influence chart data, in the order of {@code people}
     */
    public InnerCircleReport(InnerCircleParameters parameters, List<PersonInfluence> people,
                             List<PersonInfluence> candidates, List<Disagreement> disagreements,
                             List<RankInfluencePoint> chart) {
        this.parameters = parameters;
        this.people = List.copyOf(people);
        this.candidates = List.copyOf(candidates);
        this.disagreements = List.copyOf(disagreements);
        this.chart = List.copyOf(chart);
        Map<String, PersonInfluence> index = new HashMap<>(this.people.size() * 2);
        for (PersonInfluence p : this.people) {
            index.putIfAbsent(p.key(), p);
        }
        this.byKey = index;
    }

    public InnerCircleParameters parameters() {
        return parameters;
    }

    public List<PersonInfluence> people() {
        return people;
    }

    public List<PersonInfluence> candidates() {
        return candidates;
    }

    public List<Disagreement> disagreements() {
        return disagreements;
    }

    public List<RankInfluencePoint> chart() {
        return chart;
    }

    public Optional<PersonInfluence> person(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public PersonInfluence require(String key) {
        return person(key).orElseThrow(() -> new IllegalArgumentException("Nobody with the key '" + key + "'"));
    }

    public boolean isCandidate(String key) {
        return person(key).map(PersonInfluence::candidate).orElse(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InnerCircleReport r && parameters.equals(r.parameters) && people.equals(r.people)
                && candidates.equals(r.candidates) && disagreements.equals(r.disagreements) && chart.equals(r.chart);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters, people, candidates, disagreements, chart);
    }

    @Override
    public String toString() {
        return "InnerCircleReport[parameters=" + parameters + ", people=" + people.size() + ", candidates="
                + candidates.stream().map(PersonInfluence::key).toList() + "]";
    }
}
