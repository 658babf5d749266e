package io.innercircle.assessment.internal;

/** An answer to a question of the assessment or of the strategy decision tree. */
public enum Answer {
    YES, NO, UNKNOWN;

    public static Answer of(Boolean value) {
        return value == null ? UNKNOWN : value ? YES : NO;
    }

    /**
     * The verdict of a group of ratings: YES when the + ratings outnumber the - ratings even if every unknown
     * turned out -, NO when they do not even if every unknown turned out +, UNKNOWN when the unknowns decide.
     * Unrated criteria count as unknown.
     */
    public static Answer majority(int plus, int minus, int unknown) {
        if (plus > minus + unknown) {
            return YES;
        }
        if (plus + unknown <= minus) {
            return NO;
        }
        return UNKNOWN;
    }

    public String word() {
        return switch (this) {
            case YES -> "yes";
            case NO -> "no";
            case UNKNOWN -> "unknown";
        };
    }
}
