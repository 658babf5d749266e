package io.innercircle.analysis.centrality;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.HarmonicCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import java.util.HashMap;
import java.util.Map;

/**
 * Computes every centrality of {@link Centralities} on one influence graph.
 *
 * <p>Input: a directed graph whose edge {@code A -> B} with weight {@code s} (1..3) means A's opinion shapes
 * B's decisions with strength s. Power accrues to A, so PageRank runs on the reversed ("B listens to A")
 * graph with strengths as weights, while betweenness and closeness read weights as distances and get
 * {@code 1 / strength}.
 */
public final class InfluenceCentralities {

    public static final double DAMPING = 0.85;

    private InfluenceCentralities() {
    }

    public static Centralities compute(Graph<String, DefaultWeightedEdge> influence) {
        Graph<String, DefaultWeightedEdge> listensTo = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Graph<String, DefaultWeightedEdge> distances = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Map<String, Double> out = new HashMap<>();
        Map<String, Double> in = new HashMap<>();
        for (String v : influence.vertexSet()) {
            listensTo.addVertex(v);
            distances.addVertex(v);
            out.put(v, 0.0);
            in.put(v, 0.0);
        }
        for (DefaultWeightedEdge e : influence.edgeSet()) {
            String from = influence.getEdgeSource(e);
            String to = influence.getEdgeTarget(e);
            double strength = influence.getEdgeWeight(e);
            listensTo.setEdgeWeight(listensTo.addEdge(to, from), strength);
            distances.setEdgeWeight(distances.addEdge(from, to), 1.0 / strength);
            out.merge(from, strength, Double::sum);
            in.merge(to, strength, Double::sum);
        }
        Map<String, Double> pageRank = new PageRank<>(listensTo, DAMPING, 1000, 1e-10).getScores();
        Map<String, Double> betweenness = new BetweennessCentrality<>(distances, true).getScores();
        // incoming = false: distances are measured from the person outward, along their influence.
        Map<String, Double> harmonic = new HarmonicCentrality<>(distances, false, true).getScores();
        return new Centralities(Map.copyOf(pageRank), Map.copyOf(out), Map.copyOf(in),
                Map.copyOf(betweenness), Map.copyOf(harmonic));
    }
}
