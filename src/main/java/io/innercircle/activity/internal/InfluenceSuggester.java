package io.innercircle.activity.internal;

import io.innercircle.activity.internal.Activity.Kind;
import io.innercircle.activity.internal.Evidence.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggests influence lines from meetings and e-mails: who meets or writes to whom often (the line's strength),
 * and who convenes and who answers (its direction).
 *
 * <p><b>Weights.</b> Every meeting or e-mail weighs {@code w = 2^(-age / halfLife)} on the day the suggestions
 * are made (age in days, half-life 90 days by default): the exponential decay of the "interactions rank" of
 * Roth et al., <i>Suggesting Friends Using the Implicit Social Graph</i>, KDD 2010. A meeting of {@code n}
 * matched people adds {@code w · 2/n} to each pair (a one-to-one counts whole, an all-hands little: the
 * collaboration weighting of Newman, <i>Scientific collaboration networks II</i>, Phys. Rev. E 64, 2001,
 * softened from 1/(n-1)); an e-mail adds {@code w} to the sender and each recipient (a reply too).
 *
 * <p><b>Direction</b> ({@code from} influences {@code to}: to listens to from). People convene those they
 * steer and answer quickly those whose opinion they weigh. So, for a pair x, y: the organiser x of a meeting
 * adds {@code w · 2/n} to x → y; a reply by y to an e-mail of x adds {@code w} to x → y when y answered first
 * (before any other recipient) and {@code w/2} when later. The suggested direction is the larger side; a pair
 * with no directed evidence, or as much each way, gets no suggestion (meeting often says nothing about who
 * listens to whom).
 *
 * <p><b>Strength</b> from the frequency {@code f} (the pair's summed weights): 3 (strong) from
 * {@link Parameters#strongAt}, 2 from {@link Parameters#mediumAt}, else 1, the map's 1–3 scale. A pair needs
 * at least {@link Parameters#minActivities} shared activities and {@code f ≥} {@link Parameters#minFrequency}.
 * Lines already on the map (same direction) are not suggested.
 *
 * <p><b>Cost.</b> O(Σ n²) over the activities' matched people n, plus O(P log P) to rank P pairs; memory
 * O(P + evidence).
 */
final class InfluenceSuggester {

    /**
     * @param halfLifeDays  the age at which an activity weighs half
     * @param minActivities shared meetings and e-mails a pair needs before anything is suggested
     * @param minFrequency  the weighted frequency a pair needs
     * @param mediumAt      frequency from which the line is medium (2)
     * @param strongAt      frequency from which the line is strong (3)
     */
    record Parameters(double halfLifeDays, int minActivities, double minFrequency, double mediumAt,
                      double strongAt) {

        // Chosen on the generated organisations of ActivityBenchmark (docs/architecture.md): a minimum
        // frequency of 1 with medium from 3 let weekly department meetings through (precision 0.3 to 0.5).
        static final Parameters DEFAULT = new Parameters(90, 3, 2.5, 5.0, 9.0);

        Parameters withHalfLife(double days) {
            return new Parameters(days, minActivities, minFrequency, mediumAt, strongAt);
        }
    }

    private static final class Pair {
        final String x;
        final String y;
        double frequency;
        double xy;
        double yx;
        int meetings;
        int emails;
        final List<Evidence> evidence = new ArrayList<>();

        Pair(String x, String y) {
            this.x = x;
            this.y = y;
        }
    }

    private InfluenceSuggester() {
    }

    /**
     * @param activities the meetings and e-mails of the window
     * @param people     who is who
     * @param existing   influence lines already on the map, "from>to" by key
     */
    static List<Suggestion> suggest(List<Activity> activities, ActivityPeople people, Set<String> existing,
                                    Instant asOf, Parameters parameters) {
        Map<String, Pair> pairs = new HashMap<>();
        Map<String, Activity> byRef = new HashMap<>();
        activities.forEach(a -> byRef.put(a.ref(), a));
        Map<String, List<Activity>> replies = new HashMap<>();
        for (Activity a : activities) {
            if (a.replyTo() != null && byRef.containsKey(a.replyTo())) {
                replies.computeIfAbsent(a.replyTo(), r -> new ArrayList<>()).add(a);
            }
        }
        replies.values().forEach(list -> list.sort(Comparator.comparing(Activity::at)));
        for (Activity a : activities) {
            double w = weight(a.at(), asOf, parameters.halfLifeDays());
            String organiser = key(people, a.from());
            List<String> keys = new ArrayList<>(matched(people, a));
            int n = keys.size();
            if (n < 2) {
                continue;
            }
            double share = a.kind() == Kind.MEETING ? w * 2.0 / n : w;
            String repliedTo = null;
            boolean first = false;
            if (a.kind() == Kind.EMAIL && a.replyTo() != null && byRef.containsKey(a.replyTo())) {
                Activity original = byRef.get(a.replyTo());
                repliedTo = key(people, original.from());
                first = replies.get(a.replyTo()).get(0) == a;
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    String p = keys.get(i);
                    String q = keys.get(j);
                    String x = p.compareTo(q) < 0 ? p : q;
                    String y = x.equals(p) ? q : p;
                    Pair pair = pairs.computeIfAbsent(x + "|" + y, k -> new Pair(x, y));
                    pair.frequency += share;
                    if (a.kind() == Kind.MEETING) {
                        pair.meetings++;
                    } else {
                        pair.emails++;
                    }
                    Role role = a.kind() == Kind.MEETING ? Role.MET : Role.EMAILED;
                    Boolean supports = null; // relative to x → y
                    if (a.kind() == Kind.MEETING && organiser != null && (organiser.equals(x) || organiser.equals(y))) {
                        role = Role.ORGANISED;
                        supports = organiser.equals(x);
                        add(pair, supports, share);
                    } else if (repliedTo != null && organiser != null && !repliedTo.equals(organiser)
                            && Set.of(x, y).equals(Set.of(repliedTo, organiser))) {
                        // organiser here is the reply's sender: the one who answered listens to the one answered
                        role = first ? Role.REPLIED_FIRST : Role.REPLIED;
                        supports = repliedTo.equals(x);
                        add(pair, supports, first ? w : w / 2);
                    }
                    pair.evidence.add(new Evidence(a.ref(), a.kind(), a.at(), a.subject(), role, supports));
                }
            }
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (Pair pair : pairs.values()) {
            if (pair.meetings + pair.emails < parameters.minActivities() || pair.frequency < parameters.minFrequency()
                    || pair.xy == pair.yx) {
                continue;
            }
            boolean forward = pair.xy > pair.yx;
            String from = forward ? pair.x : pair.y;
            String to = forward ? pair.y : pair.x;
            if (existing.contains(from + ">" + to)) {
                continue;
            }
            List<Evidence> evidence = pair.evidence.stream().map(e -> forward ? e : e.flipped())
                    .sorted(Comparator.comparing(Evidence::at).reversed().thenComparing(Evidence::ref)).toList();
            int strength = pair.frequency >= parameters.strongAt() ? 3 : pair.frequency >= parameters.mediumAt() ? 2 : 1;
            suggestions.add(new Suggestion(from, to, strength, pair.frequency, Math.abs(pair.xy - pair.yx),
                    pair.meetings, pair.emails, evidence.get(evidence.size() - 1).at(), evidence.get(0).at(),
                    evidence));
        }
        suggestions.sort(Comparator.comparingDouble(Suggestion::score).reversed().thenComparing(Suggestion::key));
        return suggestions;
    }

    private static void add(Pair pair, boolean xToY, double amount) {
        if (xToY) {
            pair.xy += amount;
        } else {
            pair.yx += amount;
        }
    }

    /** 2^(-age/halfLife); an activity dated after asOf (a meeting planned) weighs 1. */
    static double weight(Instant at, Instant asOf, double halfLifeDays) {
        double ageDays = Math.max(0, Duration.between(at, asOf).toMinutes() / (24.0 * 60));
        return Math.pow(2, -ageDays / halfLifeDays);
    }

    private static String key(ActivityPeople people, String address) {
        ActivityPeople.Person p = people.find(address);
        return p == null ? null : p.key();
    }

    /** The stakeholders in the activity, each once, the organiser or sender first. */
    private static Set<String> matched(ActivityPeople people, Activity a) {
        Set<String> keys = new LinkedHashSet<>();
        for (String address : a.people()) {
            String key = key(people, address);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }
}
