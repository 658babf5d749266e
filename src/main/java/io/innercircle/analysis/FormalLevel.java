package io.innercircle.analysis;

/**
 * A person's place in the formal hierarchy on the 1..5 rank scale, and where that number came from.
 *
 * @param level  1 (lowest) to 5 (highest), or null when neither a rank nor a reporting line places the person
 * @param source RANK when the rep recorded it; REPORTING_LINE when derived from the org chart; UNKNOWN otherwise
 */
public record FormalLevel(Integer level, Source source) {

    public enum Source { RANK, REPORTING_LINE, UNKNOWN }

    public static final FormalLevel UNKNOWN = new FormalLevel(null, Source.UNKNOWN);

    public boolean known() {
        return level != null;
    }

    /** "rank 4" or "level 3 from the reporting lines", for texts shown to reps. */
    public String describe() {
        return switch (source) {
            case RANK -> "rank " + level;
            case REPORTING_LINE -> "level " + level + " from the reporting lines";
            case UNKNOWN -> "rank unknown";
        };
    }

    /** Short form for parentheses next to a name: "rank 4", "level 3" or "rank unknown". */
    public String shortLabel() {
        return switch (source) {
            case RANK -> "rank " + level;
            case REPORTING_LINE -> "level " + level;
            case UNKNOWN -> "rank unknown";
        };
    }
}
