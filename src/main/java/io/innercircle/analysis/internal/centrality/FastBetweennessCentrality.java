package io.innercircle.analysis.internal.centrality;

import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.VertexScoringAlgorithm;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shortest-path betweenness centrality, a drop-in for JGraphT's
 * {@link org.jgrapht.alg.scoring.BetweennessCentrality} that returns the same scores several times faster.
 *
 * <p>Method: Brandes' algorithm (U. Brandes, "A faster algorithm for betweenness centrality", J. Math.
 * Sociol. 25(2), 2001), with Dijkstra's algorithm for weighted graphs as in U. Brandes, "On variants of
 * shortest-path betweenness centrality and their generic computation", Social Networks 30(2), 2008. The
 * score of {@code v} is the sum over ordered pairs {@code (s, t)}, both different from {@code v}, of the
 * share of shortest {@code s -> t} paths that pass through {@code v}.
 *
 * <p>Direction: on a directed graph paths follow edge direction; on an undirected graph each unordered
 * pair is counted once (the ordered sum is halved, as JGraphT does). Weights: the graph's edge weights are
 * <em>lengths</em> (distances), so a heavier edge is a longer one. They must be positive and finite;
 * JGraphT's own result is order-dependent with zero-length edges, so they are rejected with
 * {@link IllegalArgumentException}. Normalization, when asked for, divides by {@code (n - 1)(n - 2)}
 * exactly as JGraphT does (and as NetworkX does for directed graphs; NetworkX's undirected normalized
 * scores are twice JGraphT's).
 *
 * <p>Ties: path lengths are compared with exact floating-point equality, like JGraphT and NetworkX, so
 * the same paths count as shortest and the scores agree with theirs to rounding of the final sums. With
 * fractional lengths such as 1/3, mathematically equal paths can differ in the last bit and then do
 * not tie (in all three libraries); give integer lengths when ties matter (see {@link InfluenceCentralities}).
 * Path counts are kept in {@code double}, as NetworkX and igraph do, so they cannot overflow; they equal
 * JGraphT's {@code long} counts below 2^53 shortest paths per pair.
 *
 * <p>Complexity: O(n m + n^2 log n) time in general; O(n m) when all edges have the same length
 * (breadth-first search) and O(n (m + D)), D the longest distance, when all lengths are whole numbers up to
 * 4096 (Dial's bucket queue); O(n + m) memory per thread. The graph is copied once per call into
 * int-indexed arrays (compressed sparse rows); each source then runs its search over primitive arrays
 * reused across sources, keeping predecessors in place and spending one division per vertex on the
 * dependencies. Sources are split over a fixed number of threads (default: the available processors, at
 * most 4), but only on graphs where one thread would take more than a few milliseconds.
 *
 * <p>Like JGraphT's algorithms, the scores are computed on first request and cached; the graph must not
 * change in between. An instance is not safe for concurrent use.
 *
 * @param <V> the vertex type
 * @param <E> the edge type
 */
public final class FastBetweennessCentrality<V, E> implements VertexScoringAlgorithm<V, Double> {

    private final Graph<V, E> graph;
    private final boolean normalize;
    private final int threads;
    private Map<V, Double> scores;

    /** Unnormalized scores, like {@code new BetweennessCentrality<>(graph)}. */
    public FastBetweennessCentrality(Graph<V, E> graph) {
        this(graph, false);
    }

    /**
     * @param normalize divide by {@code (n - 1)(n - 2)}, like {@code new BetweennessCentrality<>(graph, normalize)}
     */
    public FastBetweennessCentrality(Graph<V, E> graph, boolean normalize) {
        this(graph, normalize, ShortestPathSweep.defaultThreads());
    }

    /**
     * @param normalize divide by {@code (n - 1)(n - 2)}
     * @param threads   the most threads to use, at least 1 (the calling thread counts as one)
     */
    public FastBetweennessCentrality(Graph<V, E> graph, boolean normalize, int threads) {
        this.graph = Objects.requireNonNull(graph, "Graph cannot be null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.normalize = normalize;
        this.threads = threads;
    }

    @Override
    public Map<V, Double> getScores() {
        if (scores == null) {
            CsrDigraph<V> csr = CsrDigraph.of(graph, false);
            double[] raw = ShortestPathSweep.run(csr, true, false, threads).betweenness();
            scores = Collections.unmodifiableMap(
                    ShortestPathSweep.toMap(csr.vertices, ShortestPathSweep.scaleBetweenness(raw, graph.getType().isDirected(), normalize)));
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
