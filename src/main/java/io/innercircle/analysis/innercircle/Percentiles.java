package io.innercircle.analysis.innercircle;

import java.util.Arrays;

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

    /** The percentile of each value among all of them, at the same index. */
    static double[] of(double[] values) {
        int n = values.length;
        double[] result = new double[n];
        if (n <= 1) {
            return result;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            result[i] = strictlyBelow(sorted, values[i]) / (double) (n - 1);
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
