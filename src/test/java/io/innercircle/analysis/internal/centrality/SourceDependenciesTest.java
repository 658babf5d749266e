package io.innercircle.analysis.internal.centrality;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept sweep brought up to date after line edits gives the same scores, to the last bit, as a fresh sweep of
 * the edited graph, and searches again from fewer people than a fresh sweep would.
 */
class SourceDependenciesTest {

    private static final String MAP = "m";

    @ParameterizedTest(name = "threads={0}, seed={1}")
    @CsvSource({"1,11", "2,12", "2,13", "3,14"})
    void lineEditsGiveTheFreshSweepsScores(int threads, long seed) {
        Graph<String, DefaultWeightedEdge> g = RandomGraphs.influence(700, 4, seed);
        SweepMemory memory = new SweepMemory(64L << 20);
        assertThat(InfluenceCentralities.compute(g, threads, memory, MAP))
                .isEqualTo(InfluenceCentralities.compute(g, threads));
        Random r = new Random(seed);
        int searchedInAll = 0;
        int edits = 12;
        for (int edit = 0; edit < edits; edit++) {
            editALine(g, r);
            Centralities kept = InfluenceCentralities.compute(g, threads, memory, MAP);
            assertThat(kept).as("after edit %d", edit).isEqualTo(InfluenceCentralities.compute(g, threads));
            SourceDependencies d = memory.take(MAP);
            searchedInAll += d.searched;
            memory.keep(MAP, d);
        }
        assertThat(searchedInAll).isLessThan(edits * g.vertexSet().size() / 2);
    }

    @Test
    void aChangeItCannotFollowSweepsAfresh() {
        Graph<String, DefaultWeightedEdge> g = RandomGraphs.influence(600, 4, 21);
        SweepMemory memory = new SweepMemory(64L << 20);
        InfluenceCentralities.compute(g, 2, memory, MAP);

        g.addVertex("newcomer");
        g.setEdgeWeight(g.addEdge("newcomer", "v1"), 2);
        assertThat(InfluenceCentralities.compute(g, 2, memory, MAP)).isEqualTo(InfluenceCentralities.compute(g, 2));
        assertSearchedAll(memory, g);

        // Every strength 3 becomes 1: the distances' unit stays 6 but more lines change than it follows.
        for (DefaultWeightedEdge e : List.copyOf(g.edgeSet())) {
            if (g.getEdgeWeight(e) == 3) {
                g.setEdgeWeight(e, 1);
            }
        }
        assertThat(InfluenceCentralities.compute(g, 2, memory, MAP)).isEqualTo(InfluenceCentralities.compute(g, 2));
        assertSearchedAll(memory, g);

        // Only strengths 1 and 2 are left, so distances are counted in halves (unit 2) instead of sixths.
        assertThat(InfluenceCentralities.lengthUnit(g)).isEqualTo(2.0);
        assertThat(InfluenceCentralities.compute(g, 2, memory, MAP)).isEqualTo(InfluenceCentralities.compute(g, 2));
    }

    @Test
    void keepsWithinItsBoundAndNothingForSmallMaps() {
        Graph<String, DefaultWeightedEdge> big = RandomGraphs.influence(600, 4, 31);
        long one = SourceDependencies.bytesFor(600);
        SweepMemory memory = new SweepMemory(one + one / 2);
        InfluenceCentralities.compute(big, 2, memory, "a");
        InfluenceCentralities.compute(big, 2, memory, "b");
        assertThat(memory.bytes()).isEqualTo(one);
        assertThat(memory.take("a")).isNull();
        assertThat(memory.take("b")).isNotNull();

        InfluenceCentralities.compute(RandomGraphs.influence(SweepMemory.MIN_PEOPLE - 1, 4, 32), 2, memory, "c");
        assertThat(memory.bytes()).isZero();
    }

    private static void assertSearchedAll(SweepMemory memory, Graph<String, DefaultWeightedEdge> g) {
        SourceDependencies d = memory.take(MAP);
        assertThat(d.searched).isEqualTo(g.vertexSet().size());
        memory.keep(MAP, d);
    }

    /** Changes one line's strength, removes a line or adds one, as a rep's edit does. */
    private static void editALine(Graph<String, DefaultWeightedEdge> g, Random r) {
        List<DefaultWeightedEdge> lines = new ArrayList<>(g.edgeSet());
        List<String> people = new ArrayList<>(g.vertexSet());
        switch (r.nextInt(3)) {
            case 0 -> {
                DefaultWeightedEdge e = lines.get(r.nextInt(lines.size()));
                g.setEdgeWeight(e, 1 + (g.getEdgeWeight(e) % 3));
            }
            case 1 -> g.removeEdge(lines.get(r.nextInt(lines.size())));
            default -> {
                while (true) {
                    String from = people.get(r.nextInt(people.size()));
                    String to = people.get(r.nextInt(people.size()));
                    if (!from.equals(to) && !g.containsEdge(from, to)) {
                        g.setEdgeWeight(g.addEdge(from, to), 1 + r.nextInt(3));
                        return;
                    }
                }
            }
        }
    }
}
