package io.innercircle.analysis.internal.centrality;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedPseudograph;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.graph.SimpleWeightedGraph;

import java.util.Random;

/**
 * Seeded random graphs shaped to stress shortest-path code: several dense clumps (many equal-length paths),
 * a sparse part, isolated vertices, and weights from a small set so that ties are common.
 */
final class RandomGraphs {

    private RandomGraphs() {
    }

    /** Influence graph: strengths 1..3 on a directed simple graph. */
    static Graph<String, DefaultWeightedEdge> influence(int n, double avgOutDegree, long seed) {
        return fill(new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class), n, avgOutDegree, seed,
                r -> 1 + r.nextInt(3));
    }

    /** Directed graph whose weights are lengths taken from {@code lengths}. */
    static Graph<String, DefaultWeightedEdge> directed(int n, double avgOutDegree, long seed, double... lengths) {
        return fill(new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class), n, avgOutDegree, seed,
                r -> lengths[r.nextInt(lengths.length)]);
    }

    static Graph<String, DefaultWeightedEdge> undirected(int n, double avgDegree, long seed, double... lengths) {
        return fill(new SimpleWeightedGraph<>(DefaultWeightedEdge.class), n, avgDegree, seed,
                r -> lengths[r.nextInt(lengths.length)]);
    }

    /** Directed multigraph with self-loops and parallel edges. */
    static Graph<String, DefaultWeightedEdge> pseudo(int n, double avgOutDegree, long seed, double... lengths) {
        return fill(new DirectedWeightedPseudograph<>(DefaultWeightedEdge.class), n, avgOutDegree, seed,
                r -> lengths[r.nextInt(lengths.length)]);
    }

    interface WeightSource {
        double next(Random r);
    }

    private static Graph<String, DefaultWeightedEdge> fill(Graph<String, DefaultWeightedEdge> g, int n,
                                                          double avgDegree, long seed, WeightSource weight) {
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            g.addVertex("v" + i);
        }
        if (n < 2) {
            return g;
        }
        // Split into a few parts with no edges between them; the last tenth of the vertices stay isolated.
        int isolated = n / 10;
        int live = n - isolated;
        int parts = Math.min(live, 1 + r.nextInt(3));
        long wanted = Math.round(avgDegree * live);
        for (long k = 0; k < wanted * 3 && g.edgeSet().size() < wanted; k++) {
            int a = r.nextInt(live);
            int part = a * parts / live;
            int lo = part * live / parts;
            int hi = (part + 1) * live / parts;
            // Half the edges stay within a small neighbourhood: dense clumps give many tied paths.
            int b = r.nextBoolean()
                    ? lo + Math.floorMod(a - lo + r.nextInt(7) - 3, hi - lo)
                    : lo + r.nextInt(hi - lo);
            boolean loopsAllowed = g.getType().isAllowingSelfLoops();
            if (a == b && !loopsAllowed) {
                continue;
            }
            DefaultWeightedEdge e = g.addEdge("v" + a, "v" + b);
            if (e != null) {
                g.setEdgeWeight(e, weight.next(r));
            }
        }
        return g;
    }
}
