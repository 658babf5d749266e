package io.innercircle.analysis.internal.centrality;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Small graphs whose answers can be checked with pencil and paper. An influence line {@code a -> b}
 * means b listens to a. Normalized betweenness divides the count of (source, target) pairs by
 * {@code (n - 1)(n - 2)}.
 */
class InfluenceCentralitiesKnownAnswersTest {

    private static final double EPS = 1e-12;

    @Test
    void inAStarEveryoneListensToTheHub() {
        Graph<String, DefaultWeightedEdge> g = graph();
        line(g, "hub", "a", 3);
        line(g, "hub", "b", 2);
        line(g, "hub", "c", 1);
        line(g, "hub", "d", 1);
        Centralities c = InfluenceCentralities.compute(g);

        assertThat(top(c.pageRank())).isEqualTo("hub");
        assertThat(c.pageRank().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(c.influenceOut()).containsEntry("hub", 7.0).containsEntry("a", 0.0);
        assertThat(c.influenceIn()).containsEntry("hub", 0.0).containsEntry("a", 3.0);
        // No one stands between two others.
        assertThat(c.betweenness().values()).containsOnly(0.0);
        // The hub is 1/3, 1/2, 1 and 1 away from the four: (3 + 2 + 1 + 1) / 4.
        assertThat(c.harmonicCloseness().get("hub")).isCloseTo(7.0 / 4, within(EPS));
        assertThat(c.harmonicCloseness().get("a")).isZero();
    }

    @Test
    void theMiddleOfAChainHasTheTopBetweenness() {
        Graph<String, DefaultWeightedEdge> g = graph();
        line(g, "a", "b", 1);
        line(g, "b", "c", 1);
        line(g, "c", "d", 1);
        line(g, "d", "e", 1);
        Centralities c = InfluenceCentralities.compute(g);

        // c lies on a->d, a->e, b->d, b->e; b on a->c, a->d, a->e; of 4 * 3 = 12 ordered pairs.
        assertThat(c.betweenness().get("c")).isCloseTo(4.0 / 12, within(EPS));
        assertThat(c.betweenness().get("b")).isCloseTo(3.0 / 12, within(EPS));
        assertThat(c.betweenness().get("d")).isCloseTo(3.0 / 12, within(EPS));
        assertThat(c.betweenness().get("a")).isZero();
        assertThat(top(c.betweenness())).isEqualTo("c");
        // a reaches b, c, d, e at 1, 2, 3, 4.
        assertThat(c.harmonicCloseness().get("a")).isCloseTo((1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4) / 4, within(EPS));
        // Rank flows up the chain to whoever started the opinion.
        assertThat(top(c.pageRank())).isEqualTo("a");
    }

    @Test
    void theBridgeBetweenTwoCliquesHasTheTopBetweenness() {
        Graph<String, DefaultWeightedEdge> g = graph();
        String[] left = {"a1", "a2", "a3", "a4"};
        String[] right = {"b1", "b2", "b3", "b4"};
        for (String[] side : new String[][] {left, right}) {
            for (String p : side) {
                for (String q : side) {
                    if (!p.equals(q)) {
                        line(g, p, q, 2);
                    }
                }
            }
        }
        line(g, "a1", "x", 1);
        line(g, "x", "a1", 1);
        line(g, "b1", "x", 1);
        line(g, "x", "b1", 1);
        Centralities c = InfluenceCentralities.compute(g);

        // x carries all 4 * 4 * 2 = 32 paths between the cliques; a1 carries 3 * 5 out and 5 * 3 in = 30.
        double pairs = 8 * 7;
        assertThat(c.betweenness().get("x")).isCloseTo(32 / pairs, within(EPS));
        assertThat(c.betweenness().get("a1")).isCloseTo(30 / pairs, within(EPS));
        assertThat(c.betweenness().get("a2")).isZero();
        assertThat(top(c.betweenness())).isEqualTo("x");
    }

    @Test
    void aLowRankAdviserOfTheExecutivesTopsPageRankAndCloseness() {
        Graph<String, DefaultWeightedEdge> g = graph();
        line(g, "assistant", "ceo", 3);
        line(g, "assistant", "cfo", 3);
        line(g, "ceo", "cfo", 1);
        line(g, "ceo", "vp", 3);
        line(g, "ceo", "head_of_it", 3);
        line(g, "cfo", "controller", 3);
        line(g, "vp", "rep1", 2);
        line(g, "vp", "rep2", 2);
        line(g, "head_of_it", "engineer", 3);
        Centralities c = InfluenceCentralities.compute(g);

        assertThat(top(c.pageRank())).isEqualTo("assistant");
        assertThat(top(c.harmonicCloseness())).isEqualTo("assistant");
        // Formal power still shows in degree: the CEO shapes more people than the assistant does.
        assertThat(c.influenceOut().get("ceo")).isGreaterThan(c.influenceOut().get("assistant"));
    }

    /**
     * s->a->b->t (strengths 1, 1, 3) and s->c->d->t (3, 1, 1) are both 7/3 long, so each of a, b, c, d is
     * on half of the s->t paths: a gets (s,b) + half of (s,t) = 1.5 of 5 * 4 = 20 pairs. In floating point
     * (1 + 1) + 1/3 > (1/3 + 1) + 1, and stock JGraphT with distance 1/s credits only the second route.
     */
    @Test
    void equallyLongRoutesShareTheirBetweenness() {
        Graph<String, DefaultWeightedEdge> g = graph();
        line(g, "s", "a", 1);
        line(g, "a", "b", 1);
        line(g, "b", "t", 3);
        line(g, "s", "c", 3);
        line(g, "c", "d", 1);
        line(g, "d", "t", 1);
        Centralities c = InfluenceCentralities.compute(g);

        for (String v : new String[] {"a", "b", "c", "d"}) {
            assertThat(c.betweenness().get(v)).as(v).isCloseTo(1.5 / 20, within(EPS));
        }

        Graph<String, DefaultWeightedEdge> floatDistances = graph();
        for (DefaultWeightedEdge e : g.edgeSet()) {
            line(floatDistances, g.getEdgeSource(e), g.getEdgeTarget(e), 1.0 / g.getEdgeWeight(e));
        }
        Map<String, Double> stock = new BetweennessCentrality<>(floatDistances, true).getScores();
        assertThat(stock.get("a")).isCloseTo(1.0 / 20, within(EPS));
        assertThat(stock.get("c")).isCloseTo(2.0 / 20, within(EPS));
    }

    @Test
    void emptyAndSingletonGraphs() {
        Graph<String, DefaultWeightedEdge> g = graph();
        Centralities empty = InfluenceCentralities.compute(g);
        assertThat(empty.pageRank()).isEmpty();
        assertThat(empty.betweenness()).isEmpty();

        g.addVertex("alone");
        Centralities one = InfluenceCentralities.compute(g);
        assertThat(one.pageRank()).containsEntry("alone", 1.0);
        assertThat(one.betweenness()).containsEntry("alone", 0.0);
        assertThat(one.harmonicCloseness()).containsEntry("alone", 0.0);
    }

    @Test
    void lengthUnitIsTheLeastCommonMultipleOfTheStrengths() {
        Graph<String, DefaultWeightedEdge> g = graph();
        line(g, "a", "b", 1);
        assertThat(InfluenceCentralities.lengthUnit(g)).isEqualTo(1.0);
        line(g, "b", "c", 2);
        line(g, "c", "d", 3);
        assertThat(InfluenceCentralities.lengthUnit(g)).isEqualTo(6.0);
        line(g, "d", "e", 2.5);
        assertThat(InfluenceCentralities.lengthUnit(g)).isEqualTo(1.0);
    }

    private static Graph<String, DefaultWeightedEdge> graph() {
        return new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    }

    private static void line(Graph<String, DefaultWeightedEdge> g, String from, String to, double strength) {
        g.addVertex(from);
        g.addVertex(to);
        g.setEdgeWeight(g.addEdge(from, to), strength);
    }

    private static String top(Map<String, Double> scores) {
        String best = Collections.max(scores.entrySet(), Map.Entry.comparingByValue()).getKey();
        long ties = scores.values().stream().filter(x -> x.equals(scores.get(best))).count();
        assertThat(ties).as("a unique top score").isEqualTo(1);
        return best;
    }
}
