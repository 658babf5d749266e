package io.innercircle.analysis.internal.centrality;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.HarmonicCentrality;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The fast implementations must return JGraphT's scores, ties included, on graphs chosen to have many
 * equal-length paths, several components and isolated vertices.
 */
class FastCentralitiesMatchJGraphTTest {

    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> graphs() {
        List<Arguments> cases = new ArrayList<>();
        int[] sizes = {0, 1, 2, 3, 5, 12, 40, 130};
        long[] seeds = {1, 2};
        for (int n : sizes) {
            for (long seed : n > 100 ? new long[] {seeds[0]} : seeds) {
                long s = seed * 1000 + n;
                cases.add(Arguments.of("lengths 1/s, n=" + n + ", seed " + s,
                        RandomGraphs.directed(n, 4, s, 1.0, 1.0 / 2, 1.0 / 3)));
                cases.add(Arguments.of("lengths 6/s, n=" + n + ", seed " + s,
                        RandomGraphs.directed(n, 4, s, 6, 3, 2)));
                cases.add(Arguments.of("unit lengths, n=" + n + ", seed " + s,
                        RandomGraphs.directed(n, 3, s, 1)));
            }
            cases.add(Arguments.of("equal fractional lengths, n=" + n,
                    RandomGraphs.directed(n, 3, 7 + n, 1.0 / 3)));
            cases.add(Arguments.of("undirected 1/s, n=" + n,
                    RandomGraphs.undirected(n, 4, 11 + n, 1.0, 1.0 / 2, 1.0 / 3)));
            cases.add(Arguments.of("undirected unit, n=" + n,
                    RandomGraphs.undirected(n, 3, 13 + n, 1)));
            cases.add(Arguments.of("pseudograph 1/s, n=" + n,
                    RandomGraphs.pseudo(n, 4, 17 + n, 1.0, 1.0 / 2, 1.0 / 3)));
            cases.add(Arguments.of("pseudograph 6/s, n=" + n,
                    RandomGraphs.pseudo(n, 4, 23 + n, 6, 3, 2)));
            cases.add(Arguments.of("undirected 6/s, n=" + n,
                    RandomGraphs.undirected(n, 4, 29 + n, 6, 3, 2)));
            cases.add(Arguments.of("whole lengths up to the bucket limit, n=" + n,
                    RandomGraphs.directed(n, 4, 31 + n, 1, 7, 4096)));
            cases.add(Arguments.of("whole lengths beyond the bucket limit, n=" + n,
                    RandomGraphs.directed(n, 4, 37 + n, 1, 2, 5000)));
            cases.add(Arguments.of("real-valued lengths, n=" + n,
                    RandomGraphs.directed(n, 4, 19 + n, 0.7, 1.3, 2.9, 0.05, 1.0 / 7)));
        }
        cases.add(Arguments.of("lengths 1/s, n=200", RandomGraphs.directed(200, 4, 300, 1.0, 1.0 / 2, 1.0 / 3)));
        cases.add(Arguments.of("unit lengths, n=200", RandomGraphs.directed(200, 3, 301, 1)));
        cases.add(Arguments.of("lengths 6/s, n=200", RandomGraphs.directed(200, 4, 302, 6, 3, 2)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void betweennessEqualsJGraphT(String name, Graph<String, DefaultWeightedEdge> g) {
        for (boolean normalize : new boolean[] {false, true}) {
            Map<String, Double> expected = new BetweennessCentrality<>(g, normalize).getScores();
            assertSameScores(name + " normalize=" + normalize + ", one thread", expected,
                    new FastBetweennessCentrality<>(g, normalize, 1).getScores());
            assertSameScores(name + " normalize=" + normalize + ", default threads", expected,
                    new FastBetweennessCentrality<>(g, normalize).getScores());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void harmonicEqualsJGraphT(String name, Graph<String, DefaultWeightedEdge> g) {
        // Stock harmonic closeness is slow; normalization is one division, so check it off on small graphs only.
        boolean[] normalizations = g.vertexSet().size() <= 40 ? new boolean[] {false, true} : new boolean[] {true};
        for (boolean incoming : new boolean[] {false, true}) {
            for (boolean normalize : normalizations) {
                assertSameScores(name + " incoming=" + incoming + " normalize=" + normalize,
                        new HarmonicCentrality<>(g, incoming, normalize).getScores(),
                        new FastHarmonicCentrality<>(g, incoming, normalize, 1).getScores());
            }
        }
    }

    /**
     * Public callers only get threads on graphs big enough to pay for them, too big to check against
     * stock JGraphT quickly; so force the split here and hold it to the one-thread sums checked above.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void splittingSourcesOverThreadsChangesNothing(String name, Graph<String, DefaultWeightedEdge> g) {
        for (boolean reversed : new boolean[] {false, true}) {
            CsrDigraph<String> csr = CsrDigraph.of(g, reversed);
            ShortestPathSweep.Sums one = ShortestPathSweep.runWithWorkers(csr, true, true, 1);
            for (int workers : new int[] {2, 3, 7}) {
                ShortestPathSweep.Sums split = ShortestPathSweep.runWithWorkers(csr, true, true, workers);
                assertSameScores(name + " betweenness, " + workers + " workers",
                        ShortestPathSweep.toMap(csr.vertices, one.betweenness()),
                        ShortestPathSweep.toMap(csr.vertices, split.betweenness()));
                assertSameScores(name + " harmonic, " + workers + " workers",
                        ShortestPathSweep.toMap(csr.vertices, one.harmonic()),
                        ShortestPathSweep.toMap(csr.vertices, split.harmonic()));
            }
        }
    }

    /** Workers take chunks of sources as they become free; the sums must not depend on who took which. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void theSameNumberOfWorkersGivesTheSameBitsWhoeverTookWhichSources(String name,
                                                                      Graph<String, DefaultWeightedEdge> g) {
        CsrDigraph<String> csr = CsrDigraph.of(g, false);
        ShortestPathSweep.Sums first = ShortestPathSweep.runWithWorkers(csr, true, true, 3);
        for (int run = 0; run < 5; run++) {
            ShortestPathSweep.Sums again = ShortestPathSweep.runWithWorkers(csr, true, true, 3);
            assertThat(again.betweenness()).as(name + " betweenness").containsExactly(first.betweenness());
            assertThat(again.harmonic()).as(name + " harmonic").containsExactly(first.harmonic());
        }
    }

    @Test
    void onlyGraphsWithEnoughWorkGetThreads() {
        assertThat(ShortestPathSweep.workers(200, 800, 4)).isEqualTo(1);
        assertThat(ShortestPathSweep.workers(2000, 8000, 4)).isEqualTo(4);
        assertThat(ShortestPathSweep.workers(2000, 8000, 2)).isEqualTo(2);
        assertThat(ShortestPathSweep.workers(5000, 0, 4)).isEqualTo(4);
    }

    @Test
    void defaultsMatchJGraphTDefaults() {
        Graph<String, DefaultWeightedEdge> g = RandomGraphs.directed(60, 4, 5, 1.0, 0.5, 1.0 / 3);
        assertSameScores("betweenness", new BetweennessCentrality<>(g).getScores(),
                new FastBetweennessCentrality<>(g).getScores());
        assertSameScores("harmonic", new HarmonicCentrality<>(g).getScores(),
                new FastHarmonicCentrality<>(g).getScores());
        assertThat(new FastBetweennessCentrality<>(g).getVertexScore("v0"))
                .isEqualTo(new FastBetweennessCentrality<>(g).getScores().get("v0"));
    }

    @Test
    void unweightedGraphTypeUsesUnitLengths() {
        Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int i = 0; i < 30; i++) {
            g.addVertex(i);
        }
        Random r = new Random(3);
        for (int k = 0; k < 90; k++) {
            int a = r.nextInt(30);
            int b = r.nextInt(30);
            if (a != b) {
                g.addEdge(a, b);
            }
        }
        assertSameScores("betweenness", new BetweennessCentrality<>(g, true).getScores(),
                new FastBetweennessCentrality<>(g, true).getScores());
        assertSameScores("harmonic", new HarmonicCentrality<>(g).getScores(),
                new FastHarmonicCentrality<>(g).getScores());
    }

    @Test
    void rejectsLengthsThatAreNotPositive() {
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            Graph<String, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
            g.addVertex("a");
            g.addVertex("b");
            g.setEdgeWeight(g.addEdge("a", "b"), bad);
            assertThatThrownBy(() -> new FastBetweennessCentrality<>(g).getScores())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new FastHarmonicCentrality<>(g).getScores())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void unknownVertexIsRejectedLikeJGraphT() {
        Graph<String, DefaultWeightedEdge> g = RandomGraphs.directed(5, 2, 1, 1);
        assertThatThrownBy(() -> new FastBetweennessCentrality<>(g).getVertexScore("nobody"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FastHarmonicCentrality<>(g).getVertexScore("nobody"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static <V> void assertSameScores(String what, Map<V, Double> expected, Map<V, Double> actual) {
        assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
        for (Map.Entry<V, Double> e : expected.entrySet()) {
            double x = e.getValue();
            double y = actual.get(e.getKey());
            if (Math.abs(x - y) > TOLERANCE * Math.max(1.0, Math.abs(x))) {
                fail(what + ": vertex " + e.getKey() + " expected " + x + " but was " + y);
            }
        }
    }
}
