package io.innercircle.analysis.internal.centrality;

import java.util.Map;

/**
 * Centrality scores of every person of one influence graph, keyed by stakeholder key.
 *
 * @param pageRank          PageRank on the "listens to" direction: a person scores high when people who
 *                          are themselves listened to take their lead. Sums to 1 over the graph.
 * @param influenceOut      sum of the strengths of the person's outgoing influence lines (whom they shape)
 * @param influenceIn       sum of the strengths of the person's incoming influence lines (who shapes them)
 * @param betweenness       normalized betweenness on the influence graph, distance of a line = 1 / strength;
 *                          equally short chains of influence share the credit exactly (no rounding ties)
 * @param harmonicCloseness normalized harmonic closeness along the influence direction (how fast the
 *                          person's opinion reaches everyone else), distance of a line = 1 / strength
 */
public record Centralities(
        Map<String, Double> pageRank,
        Map<String, Double> influenceOut,
        Map<String, Double> influenceIn,
        Map<String, Double> betweenness,
        Map<String, Double> harmonicCloseness) {
}
