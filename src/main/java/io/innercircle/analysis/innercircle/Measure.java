package io.innercircle.analysis.innercircle;

/**
 * One measure of one person.
 *
 * @param value        the raw value (a centrality, or a count of people or departments)
 * @param percentile   share of the other people on the map with a strictly lower value, 0..1 (1 = top)
 * @param normalized   the 0..1 value that enters the score: the percentile for network measures, the count
 *                     against its saturation point for counts
 * @param weight       its weight in the computed influence; 0 for measures shown for information only
 * @param contribution weight × normalized
 */
public record Measure(MeasureKind kind, String label, double value, double percentile, double normalized,
                      double weight, double contribution) {
}
