package io.innercircle.analysis.internal.centrality;

import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.VertexScoringAlgorithm;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Weighted degree ("strength" in the network literature; A. Barrat et al., "The architecture of complex
 * weighted networks", PNAS 101(11), 2004): the sum of the weights of a vertex's edges.
 *
 * <p>Direction: {@code incoming = false} sums the edges leaving the vertex, {@code incoming = true} those
 * entering it; on an undirected graph both are the edges touching it (a self-loop counts once, as it
 * appears once in JGraphT's edge set). Weights: read as they are, so for an influence graph this is the
 * total strength of the lines a person sends or receives; an unweighted graph gives the plain degree.
 *
 * <p>Complexity: O(n + m) time. Scores are computed on first request and cached.
 *
 * @param <V> the vertex type
 * @param <E> the edge type
 */
public final class WeightedDegreeCentrality<V, E> implements VertexScoringAlgorithm<V, Double> {

    private final Graph<V, E> graph;
    private final boolean incoming;
    private Map<V, Double> scores;

    /**
     * @param incoming sum the weights of entering edges instead of leaving ones
     */
    public WeightedDegreeCentrality(Graph<V, E> graph, boolean incoming) {
        this.graph = Objects.requireNonNull(graph, "Graph cannot be null");
        this.incoming = incoming;
    }

    @Override
    public Map<V, Double> getScores() {
        if (scores == null) {
            Map<V, Double> sums = new HashMap<>(2 * graph.vertexSet().size());
            for (V v : graph.vertexSet()) {
                double sum = 0.0;
                for (E e : incoming ? graph.incomingEdgesOf(v) : graph.outgoingEdgesOf(v)) {
                    sum += graph.getEdgeWeight(e);
                }
                sums.put(v, sum);
            }
            scores = Collections.unmodifiableMap(sums);
        }
        return scores;
    }

    @Override
    public Double getVertexScore(V v) {
        if (!graph.containsVertex(v)) {
            throw new IllegalArgumentException("Cannot return score of unknown vertex");
        }
        return getScores().get(v);
    }
}
