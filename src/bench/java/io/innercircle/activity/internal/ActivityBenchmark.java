package io.innercircle.activity.internal;

import io.innercircle.activity.internal.ActivityOrganizationGenerator.Organization;
import io.innercircle.activity.internal.InfluenceSuggester.Parameters;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How good the suggested influence lines are, on generated organisations with known lines
 * ({@link ActivityOrganizationGenerator}): precision (suggested lines that are true, direction included),
 * recall (true lines suggested), the same for the pair regardless of direction, and how often a true line's
 * suggested strength is right. Runs the suggester in process (it is a pure function; the import around it is
 * tested end to end). Sizes from {@code -Dbench.sizes} (default 40,200; CI's smallest: 40). Seeded.
 *
 * <pre>mvn -q -B -Pbench test-compile exec:exec -Dbench.main=io.innercircle.activity.internal.ActivityBenchmark -Dbench.sizes=40,200</pre>
 */
public final class ActivityBenchmark {

    private ActivityBenchmark() {
    }

    public static void main(String[] args) {
        String sizes = System.getProperty("bench.sizes", "40,200");
        if (sizes.isBlank() || sizes.equals("200,2000,5000")) {
            sizes = "40,200"; // the profile's default is for the map benchmarks
        }
        System.out.println("Influence lines suggested from activity: precision and recall on generated organisations");
        System.out.println("people  seed  true  suggested  precision  recall  pair-precision  pair-recall  strength-right  millis  parameters");
        for (String size : sizes.split(",")) {
            int n = Integer.parseInt(size.trim());
            for (long seed : new long[]{1, 2, 3}) {
                Organization org = ActivityOrganizationGenerator.generate(n, seed, 180);
                for (Map.Entry<String, Parameters> variant : List.of(
                        Map.entry("default (half-life 90, min 3 activities, min frequency 2.5, medium 5, strong 9)", Parameters.DEFAULT),
                        Map.entry("min frequency 1, medium 3, strong 6", new Parameters(90, 3, 1.0, 3, 6)),
                        Map.entry("min 5 activities, min frequency 2.5", new Parameters(90, 5, 2.5, 5, 9)),
                        Map.entry("min frequency 3.5", new Parameters(90, 3, 3.5, 5, 9)))) {
                    run(n, seed, org, variant.getKey(), variant.getValue());
                }
            }
        }
    }

    private static void run(int n, long seed, Organization org, String label, Parameters parameters) {
        long start = System.nanoTime();
        List<Suggestion> suggestions = InfluenceSuggester.suggest(org.activities(),
                new ActivityPeople(org.people()), Set.of(), org.to(), parameters);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Integer> truth = org.trueLines();
        int right = 0;
        int pairRight = 0;
        int strengthRight = 0;
        for (Suggestion s : suggestions) {
            Integer strength = truth.get(s.key());
            if (strength != null) {
                right++;
                pairRight++;
                if (strength == s.strength()) {
                    strengthRight++;
                }
            } else if (truth.containsKey(s.to() + ">" + s.from())) {
                pairRight++;
            }
        }
        long truePairs = truth.keySet().stream().map(k -> {
            String[] p = k.split(">");
            return p[0].compareTo(p[1]) < 0 ? p[0] + "|" + p[1] : p[1] + "|" + p[0];
        }).distinct().count();
        System.out.printf("%6d  %4d  %4d  %9d  %9.2f  %6.2f  %14.2f  %11.2f  %14.2f  %6d  %s%n", n, seed,
                truth.size(), suggestions.size(), ratio(right, suggestions.size()), ratio(right, truth.size()),
                ratio(pairRight, suggestions.size()), ratio(pairRight, (int) truePairs), ratio(strengthRight, right),
                millis, label);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
