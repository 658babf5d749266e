package io.innercircle.analysis.health;

/** What a map-health warning is about. The severity of each is set in {@link MapHealth}. */
public enum WarningCode {
    NO_DECISION_MAKER,
    NO_APPROVER,
    NO_SPONSOR,
    NO_MENTOR,
    KEY_PLAYER_NOT_COVERED,
    KEY_PLAYER_BRIEF_COVERAGE,
    NO_REAL_RELATIONSHIP,
    SINGLE_THREADED,
    SINGLE_COVERED,
    NO_NON_SUPPORTERS,
    OPPONENT_IN_INNER_CIRCLE,
    STALE_CONTACT,
    UNRESOLVED_PLACEHOLDER,
    /** A recorded relationship plan's next step is past its due date. */
    NEXT_STEP_OVERDUE
}
