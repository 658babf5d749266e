package io.innercircle.analysis.innercircle;

/** A listener's formal level compared with the person whose lead they take. */
public enum Seniority {
    ABOVE, SAME, BELOW, UNKNOWN
}
