package io.innercircle.analysis.innercircle;

/** The three bands of the TAS rank-versus-influence chart. */
public enum Band {
    /** Rank without matching influence: they watch and wonder ("Aware"). */
    FORMAL_STRUCTURE,
    /** Influence that makes things happen, at or above their rank ("Agile"). */
    POLITICAL_STRUCTURE,
    /** The few who control outcomes, whatever their rank ("Astute"). */
    INNER_CIRCLE
}
