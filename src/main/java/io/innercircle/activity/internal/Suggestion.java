package io.innercircle.activity.internal;

import java.time.Instant;
import java.util.List;

/**
 * A suggested influence line: {@code from} influences {@code to} (stakeholder keys), with the strength it would
 * get on the map (1 to 3) and the evidence, newest first.
 *
 * @param frequency recency-weighted number of shared meetings and e-mails (see {@link InfluenceSuggester})
 * @param direction recency-weighted directed evidence for from → to minus that for to → from
 */
record Suggestion(String from, String to, int strength, double frequency, double direction, int meetings,
                  int emails, Instant firstAt, Instant lastAt, List<Evidence> evidence) {

    String key() {
        return from + ">" + to;
    }

    /** Ranking: frequency times how one-sided the direction is. */
    double score() {
        return frequency * direction;
    }
}
