package io.innercircle.analysis.innercircle;

/** Where the rep's judgement and the graph part ways; neither side is assumed right. */
public record Disagreement(Kind kind, String key, String name, String message) {

    public enum Kind {
        /** The rep marked them Inner Circle; the graph does not name them a candidate. */
        REP_SAYS_INNER_CIRCLE_GRAPH_DOES_NOT,
        /** The graph names them a candidate; the rep marked them not Inner Circle. */
        GRAPH_CANDIDATE_REP_SAYS_NO,
        /** The graph names them a candidate; the rep has not judged them yet. */
        GRAPH_CANDIDATE_NOT_JUDGED,
        /** The rep's influence 1..5 and the computed level differ by 2 or more. */
        JUDGED_INFLUENCE_DIFFERS
    }
}
