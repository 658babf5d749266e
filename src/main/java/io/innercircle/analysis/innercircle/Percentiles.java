package io.innercircle.analysis.innercircle;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Percentile ranks: the share of the other people whose value is clearly lower, 0..1. "Clearly" means by more than
 * {@value #TIE_MARGIN} of the higher value: PageRank and closeness move by a few per cent when an unrelated line
 * is added elsewhere, and without the margin such noise would reorder people and move scores by whole steps.
 * Ties share the lower rank, so people with nothing (no listeners, no reach) all get 0. O(n log n).
 */
final class Percentiles {

    /** Values within 5% of each other count as a tie. */
    static final double TIE_MARGIN = 0.05;

    private Percentiles() {
    }

    static Map<String, Double> of(Map<String, Double> values) {
        int n = values.size();
        Map<String, Double> result = new HashMap<>();
        if (n <= 1) {
            values.keySet().forEach(k -> result.put(k, 0.0));
            return result;
        }
        double[] sorted = values.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            result.put(e.getKey(), strictlyBelow(sorted, e.getValue()) / (double) (n - 1));
        }
        return result;
    }

    private static int strictlyBelow(double[] sorted, double v) {
        double threshold = v - TIE_MARGIN * Math.max(Math.abs(v), Double.MIN_NORMAL);
        int i = Arrays.binarySearch(sorted, threshold);
        int insertion = i >= 0 ? i : -i - 1;
        // binarySearch may land on any of several equal elements; step back to the first one not below threshold.
        while (insertion > 0 && sorted[insertion - 1] >= threshold) {
            insertion--;
        }
        while (insertion < sorted.length && sorted[insertion] < threshold) {
            insertion++;
        }
        return insertion;
    }
}
