package io.innercircle.analysis.innercircle;

import io.innercircle.analysis.FormalLevel;

/**
 * Someone who takes a person's lead: there is an influence line from the person to them.
 *
 * @param strength        strength of that line, 1..3
 * @param seniority       the listener's formal level compared with the person's
 * @param otherDepartment true when both departments are known and differ
 */
public record Listener(String key, String name, String title, String department, FormalLevel formalLevel,
                       int strength, Seniority seniority, boolean otherDepartment) {
}
