package io.innercircle.analysis.internal.centrality;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.HarmonicCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static io.innercircle.analysis.internal.centrality.FastCentralitiesMatchJGraphTTest.assertSameScores;

/**
 * The facade against the stock JGraphT computation it replaced (graph copies, PageRank, BetweennessCentrality,
 * HarmonicCentrality). Betweenness is compared with stock JGraphT on distances 6/s, where sums are exact,
 * because that is the tie rule the facade documents; harmonic closeness with stock on 1/s.
 */
class InfluenceCentralitiesMatchStockTest {

    @ParameterizedTest(name = "n={0}, seed={1}")
    @CsvSource({"0,1", "1,1", "2,1", "8,2", "40,3", "40,4", "150,5", "260,6"})
    void sameScoresAsStockJGraphT(int n, long seed) {
        Graph<String, DefaultWeightedEdge> influence = RandomGraphs.influence(n, 4, seed);
        Graph<String, DefaultWeightedEdge> listensTo = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Graph<String, DefaultWeightedEdge> exact = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Graph<String, DefaultWeightedEdge> reciprocal = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Map<String, Double> out = new HashMap<>();
        Map<String, Double> in = new HashMap<>();
        for (String v : influence.vertexSet()) {
            listensTo.addVertex(v);
            exact.addVertex(v);
            reciprocal.addVertex(v);
            out.put(v, 0.0);
            in.put(v, 0.0);
        }
        for (DefaultWeightedEdge e : influence.edgeSet()) {
            String from = influence.getEdgeSource(e);
            String to = influence.getEdgeTarget(e);
            double s = influence.getEdgeWeight(e);
            listensTo.setEdgeWeight(listensTo.addEdge(to, from), s);
            exact.setEdgeWeight(exact.addEdge(from, to), 6.0 / s);
            reciprocal.setEdgeWeight(reciprocal.addEdge(from, to), 1.0 / s);
            out.merge(from, s, Double::sum);
            in.merge(to, s, Double::sum);
        }
        Centralities c = InfluenceCentralities.compute(influence);
        assertSameScores("betweenness", new BetweennessCentrality<>(exact, true).getScores(), c.betweenness());
        assertSameScores("betweenness, one thread", c.betweenness(),
                InfluenceCentralities.compute(influence, 1).betweenness());
        assertSameScores("pageRank", new PageRank<>(listensTo, InfluenceCentralities.DAMPING, 1000, 1e-10).getScores(),
                c.pageRank());
        assertSameScores("influenceOut", out, c.influenceOut());
        assertSameScores("influenceIn", in, c.influenceIn());
        assertSameScores("harmonic", new HarmonicCentrality<>(reciprocal, false, true).getScores(),
                c.harmonicCloseness());
    }
}
