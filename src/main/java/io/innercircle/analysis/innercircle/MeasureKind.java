package io.innercircle.analysis.innercircle;

/** The measures behind a computed influence score; only those with a weight count towards it. */
public enum MeasureKind {
    /** PageRank on the listens-to direction: listened to by people who are themselves listened to. */
    PAGE_RANK("listened to by people who are themselves listened to (PageRank)"),
    /** Harmonic closeness along influence lines: how quickly their opinion reaches everyone else. */
    HARMONIC_CLOSENESS("how quickly their opinion reaches the rest of the map (harmonic closeness)"),
    /** Distinct people who take their lead. */
    LISTENERS("people who take their lead"),
    /** Distinct departments other than their own among the people who take their lead. */
    OTHER_DEPARTMENTS("other departments that take their lead"),
    /** People ranked above them who take their lead. */
    SENIOR_LISTENERS("people above them who take their lead"),
    /** Shown for information: how often they sit on the strongest route between two others (betweenness). */
    BETWEENNESS("go-between on the strongest routes between others (betweenness)"),
    /** Shown for information: total strength of their outgoing influence lines. */
    INFLUENCE_OUT("total strength of the lines from them"),
    /** Shown for information: total strength of the lines shaping them. */
    INFLUENCE_IN("total strength of the lines shaping them");

    private final String label;

    MeasureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
