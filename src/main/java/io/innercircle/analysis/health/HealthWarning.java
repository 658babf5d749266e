package io.innercircle.analysis.health;

import java.util.List;

/**
 * One thing wrong with, or missing from, a deal's political map.
 *
 * @param people  keys of the people the warning names (empty when it is about someone missing)
 * @param message plain English for the rep, saying what to do
 */
public record HealthWarning(Severity severity, WarningCode code, List<String> people, String message) {

    public HealthWarning {
        people = List.copyOf(people);
    }
}
