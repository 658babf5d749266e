package io.innercircle.analysis.health;

import java.time.LocalDate;
import java.util.Objects;

/**
 * @param today          the date contacts are aged against; passed in so results do not depend on the clock
 * @param staleAfterDays a key player whose last contact is more than this many days before today is stale.
 *                       Default 60: two months without a word is long in a campaign whose stages the course
 *                       times at 15 to 45 days each.
 */
public record HealthParameters(LocalDate today, int staleAfterDays) {

    public static final int DEFAULT_STALE_AFTER_DAYS = 60;

    public HealthParameters {
        Objects.requireNonNull(today, "today");
        if (staleAfterDays < 1) {
            throw new IllegalArgumentException("staleAfterDays must be at least 1, was " + staleAfterDays);
        }
    }

    public static HealthParameters asOf(LocalDate today) {
        return new HealthParameters(today, DEFAULT_STALE_AFTER_DAYS);
    }
}
