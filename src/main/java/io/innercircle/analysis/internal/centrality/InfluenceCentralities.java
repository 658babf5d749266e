package io.innercircle.analysis.internal.centrality;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.EdgeReversedGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Computes every centrality of {@link Centralities} on one influence graph.
 *
 * <p>Input: a directed graph whose edge {@code A -> B} with weight {@code s} (1..3) means A's opinion shapes
 * B's decisions with strength s. Power accrues to A, so PageRank runs on the reversed ("B listens to A")
 * graph with strengths as weights, while betweenness and closeness read weights as distances and get
 * {@code 1 / strength}.
 *
 * <p>Exact ties: in floating point {@code 1 + 1 + 1/3.} is not {@code 1/3. + 1 + 1}, so with distances
 * {@code 1 / s} two equally short chains of influence may not both count as shortest, and which one wins
 * depends only on where along each chain its weak line sits. The shortest-path searches therefore use
 * {@code L / s}, where {@code L} is the least common multiple of the strengths present (6 for strengths 1..3):
 * whole numbers, whose sums are exact. Scaling every distance by {@code L} changes no shortest path, so
 * betweenness is unchanged, and harmonic sums are multiplied back by {@code L}. Non-integer strengths fall back
 * to {@code 1 / s}.
 *
 * <p>Cost: the two weighted degrees are O(n + m); PageRank (JGraphT's) iterates over a reversed view
 * without copying the graph; betweenness and harmonic closeness come out of a single all-sources
 * shortest-path sweep (see {@link ShortestPathSweep}), which for whole-number distances uses a
 * bucket queue: O(n (m + D)), D the longest distance, about 6 times the diameter for strengths 1..3.
 * Given a {@link SweepMemory} with the map's last sweep, a few changed lines cost only the searches from the
 * people whose shortest paths they touch (see {@link SourceDependencies}) plus O(n²) to add up betweenness.
 */
public final class InfluenceCentralities {

    private static final Logger log = LoggerFactory.getLogger(InfluenceCentralities.class);

    public static final double DAMPING = 0.85;

    /** Beyond this the distances {@code L / s} would stop being small whole numbers; use {@code 1 / s}. */
    private static final long MAX_LENGTH_UNIT = 1L << 20;

    private InfluenceCentralities() {
    }

    public static Centralities compute(Graph<String, DefaultWeightedEdge> influence) {
        return compute(influence, ShortestPathSweep.defaultThreads());
    }

    /**
     * @param threads the most threads the shortest-path sweep may use, at least 1
     */
    public static Centralities compute(Graph<String, DefaultWeightedEdge> influence, int threads) {
        return compute(influence, threads, SweepMemory.none(), null);
    }

    /**
     * As {@link #compute(Graph, int)}, starting from the map's sweep kept in {@code memory} when there is one:
     * after a few lines changed, only the sources whose shortest paths they touch are searched again. The scores
     * are the same either way.
     *
     * @param map the key the map's sweep is kept under, or null to keep none
     */
    public static Centralities compute(Graph<String, DefaultWeightedEdge> influence, SweepMemory memory,
                                       String map) {
        return compute(influence, ShortestPathSweep.defaultThreads(), memory, map);
    }

    static Centralities compute(Graph<String, DefaultWeightedEdge> influence, int threads, SweepMemory memory,
                                String map) {
        Map<String, Double> out = new WeightedDegreeCentrality<>(influence, false).getScores();
        Map<String, Double> in = new WeightedDegreeCentrality<>(influence, true).getScores();
        Map<String, Double> pageRank =
                new PageRank<>(new EdgeReversedGraph<>(influence), DAMPING, 1000, 1e-10).getScores();

        double unit = lengthUnit(influence);
        CsrDigraph<String> distances =
                CsrDigraph.of(influence, false, e -> unit / influence.getEdgeWeight(e));
        ShortestPathSweep.Sums sums = sweep(distances, unit, threads, memory, map);
        double[] betweenness = ShortestPathSweep.scaleBetweenness(sums.betweenness(), true, true);
        // incoming = false: distances are measured from the person outward, along their influence.
        double[] harmonic = ShortestPathSweep.scaleHarmonic(sums.harmonic(), true, unit);

        return new Centralities(Map.copyOf(pageRank), Map.copyOf(out), Map.copyOf(in),
                Map.copyOf(ShortestPathSweep.toMap(distances.vertices, betweenness)),
                Map.copyOf(ShortestPathSweep.toMap(distances.vertices, harmonic)));
    }

    private static ShortestPathSweep.Sums sweep(CsrDigraph<String> distances, double unit, int threads,
                                                SweepMemory memory, String map) {
        if (map == null || !memory.wouldKeep(distances.vertexCount())
                || distances.intLength == null && Double.isNaN(distances.uniformLength)) {
            return ShortestPathSweep.run(distances, true, true, threads);
        }
        SourceDependencies before = memory.take(map);
        SourceDependencies after = before == null ? null
                : before.update(distances, unit, threads).orElse(null);
        boolean updated = after != null;
        if (!updated) {
            after = SourceDependencies.sweep(distances, unit, threads, before);
        }
        ShortestPathSweep.Sums sums = after.sums(threads);
        memory.keep(map, after);
        memory.counted(updated, after.searched, distances.vertexCount());
        log.debug("Influence sweep of {}: searched from {} of {} people ({})", map, after.searched,
                distances.vertexCount(), updated ? "kept sweep updated" : before == null ? "none kept"
                        : "a change the kept sweep cannot follow");
        return sums;
    }

    /** The least common multiple of the strengths, or 1 if some strength is not a small whole number. */
    static double lengthUnit(Graph<String, DefaultWeightedEdge> influence) {
        long lcm = 1;
        for (DefaultWeightedEdge e : influence.edgeSet()) {
            double s = influence.getEdgeWeight(e);
            if (!(s >= 1.0) || s > MAX_LENGTH_UNIT || s != Math.rint(s)) {
                return 1.0;
            }
            long strength = (long) s;
            lcm = lcm / gcd(lcm, strength) * strength;
            if (lcm > MAX_LENGTH_UNIT) {
                return 1.0;
            }
        }
        return lcm;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
