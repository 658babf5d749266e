package io.innercircle.analysis.internal.path;

import io.innercircle.analysis.Texts;

import java.util.List;

/**
 * A route along influence lines: each person's opinion shapes the next one's decisions.
 *
 * @param people   keys from the start (whose opinion travels) to the end (who is reached)
 * @param hops     one per line, in order
 * @param strength product over the hops of strength / 3: 1.0 for a direct strong line, 0.67 for a medium one,
 *                 0.44 for two medium lines in a row
 */
public record InfluencePath(List<String> people, List<Hop> hops, double strength) {

    /** One influence line on the route. */
    public record Hop(String from, String fromName, String to, String toName, int strength) {}

    public InfluencePath {
        people = List.copyOf(people);
        hops = List.copyOf(hops);
    }

    public String start() {
        return people.get(0);
    }

    public String end() {
        return people.get(people.size() - 1);
    }

    public int length() {
        return hops.size();
    }

    /** "Alex Park → Dana Wells (weak) → Pat Morgan (strong)", for texts shown to reps. */
    public String describe() {
        StringBuilder b = new StringBuilder(hops.get(0).fromName());
        for (Hop h : hops) {
            b.append(" → ").append(h.toName()).append(" (").append(Texts.strengthWord(h.strength())).append(')');
        }
        return b.toString();
    }
}
