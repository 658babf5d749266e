package io.innercircle.analysis.innercircle;

import io.innercircle.analysis.FormalLevel;

import java.util.List;

/**
 * What the graph says about one person's informal influence, next to the rep's own judgement.
 *
 * @param computedInfluence   0..1, the weighted sum of the measures (see {@link CandidateScoring})
 * @param computedLevel       1..5, computed influence in fifths: [0, 0.2) is 1, ..., [0.8, 1] is 5
 * @param influenceBeyondRank computedLevel minus formal level (-4..+4), null when the formal level is unknown;
 *                            positive means more informal influence than their rank suggests
 * @param candidate           true when the graph names them an Inner Circle candidate
 * @param listeners           who takes their lead, strongest line first
 * @param departmentsBridged  their own department first, then the other departments that take their lead;
 *                            empty when nobody outside their own department does
 * @param seniorListeners     how many people ranked above them take their lead
 * @param measures            every measure with value, percentile and contribution
 * @param reasons             plain-English sentences a rep can check against what they know
 * @param band                where the graph puts them on the rank-versus-influence chart
 */
public record PersonInfluence(
        String key, String name, String title, String department, boolean external,
        Integer rank, FormalLevel formalLevel,
        double computedInfluence, int computedLevel, Integer influenceBeyondRank,
        Integer judgedInfluence, Boolean judgedInnerCircle,
        boolean candidate,
        List<Listener> listeners, List<String> departmentsBridged, int seniorListeners,
        List<Measure> measures, List<String> reasons, Band band) {

    public PersonInfluence {
        listeners = List.copyOf(listeners);
        departmentsBridged = List.copyOf(departmentsBridged);
        measures = List.copyOf(measures);
        // Reasons written on first use stay so: most people's reasons are never read.
        reasons = reasons instanceof LazyReasons ? reasons : List.copyOf(reasons);
    }

    /** Inner Circle as far as planning is concerned: confirmed by the rep, or a graph candidate the rep has not rejected. */
    public boolean treatedAsInnerCircle() {
        return Boolean.TRUE.equals(judgedInnerCircle) || (candidate && !Boolean.FALSE.equals(judgedInnerCircle));
    }

    public Measure measure(MeasureKind kind) {
        return measures.stream().filter(m -> m.kind() == kind).findFirst().orElseThrow();
    }
}
