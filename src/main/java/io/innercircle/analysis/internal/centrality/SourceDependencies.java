package io.innercircle.analysis.internal.centrality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The all-sources sweep of one influence graph kept source by source, so that after a few lines change only the
 * sources whose shortest paths they touch are searched again.
 *
 * <p>Kept: the graph it reflects, each source's betweenness dependencies (row {@code s}: what the search from
 * {@code s} adds to each vertex; {@code 8 n²} bytes) and each source's harmonic sum. Brandes' betweenness is the
 * sum of the rows, harmonic closeness one value per source.
 *
 * <p>Which sources to search again: a search from {@code s} finds the same distances, path counts and
 * dependencies in the old and the new graph unless a removed arc {@code a -> b} of length {@code L} was on a
 * shortest path from {@code s} in the old graph ({@code d(s, a) + L == d(s, b)}), or an added one is in the new
 * graph. Otherwise both graphs have the shortest paths of the lines they share, which are the same. A changed
 * strength is one arc removed and one added. The distances to each end of each changed arc from every source come
 * from one search on the reversed graph per end, old and new. The test is exact because whole-number distances
 * are compared as ints, as the sweep itself does.
 *
 * <p>The result equals a fresh sweep's to the last bit: a source's row is what a fresh search from it writes (the
 * search order of an unaffected source is the same in both graphs, an arc off its shortest paths leaving no trace
 * in the bucket queue), and the rows are added in the fresh sweep's order ({@link ShortestPathSweep#sumRows}).
 * Cost: the searches from the affected sources, the {@code n²} additions, and four searches per changed arc.
 * Only for whole-number lengths (bucket queue or breadth-first search); anything else is swept afresh.
 */
final class SourceDependencies {

    /** More changed arcs than this and the sweep starts afresh: checking every source against each costs more. */
    static final int MAX_CHANGED_ARCS = 16;
    private static final int UNREACHED = Integer.MAX_VALUE;

    final CsrDigraph<String> graph;
    final double lengthUnit;
    private final double[] rows;
    private final double[] harmonic;
    /** How many sources the last update searched again (all of them for a fresh sweep). */
    final int searched;

    private SourceDependencies(CsrDigraph<String> graph, double lengthUnit, double[] rows, double[] harmonic,
                               int searched) {
        this.graph = graph;
        this.lengthUnit = lengthUnit;
        this.rows = rows;
        this.harmonic = harmonic;
        this.searched = searched;
    }

    /** Bytes kept for a graph of {@code n} vertices. */
    static long bytesFor(int n) {
        return 8L * n * n + 8L * n;
    }

    long bytes() {
        return bytesFor(graph.vertexCount());
    }

    /**
     * A fresh sweep, kept source by source.
     *
     * @param reuse the rows of an earlier state of the same size to write over, or null
     */
    static SourceDependencies sweep(CsrDigraph<String> graph, double lengthUnit, int threads,
                                    SourceDependencies reuse) {
        int n = graph.vertexCount();
        double[] rows = reuse != null && reuse.rows.length == (long) n * n ? reuse.rows : new double[n * n];
        double[] harmonic = new double[n];
        ShortestPathSweep.searchInto(graph, null, rows, harmonic, workers(graph, threads));
        return new SourceDependencies(graph, lengthUnit, rows, harmonic, n);
    }

    /**
     * This sweep brought up to date with {@code next}, searching again only from the sources the changed arcs
     * touch; empty when the change is not one it can follow (other people, other length unit or kind of
     * lengths, more than {@link #MAX_CHANGED_ARCS} changed arcs). The rows are updated in place: this state is
     * spent either way.
     */
    java.util.Optional<SourceDependencies> update(CsrDigraph<String> next, double nextUnit, int threads) {
        if (nextUnit != lengthUnit || !sameKindOfLengths(graph, next) || !graph.vertices.equals(next.vertices)) {
            return java.util.Optional.empty();
        }
        List<int[]> removed = new ArrayList<>();
        List<int[]> added = new ArrayList<>();
        if (!changedArcs(graph, next, removed, added)) {
            return java.util.Optional.empty();
        }
        int[] sources = affectedSources(removed, added, next);
        ShortestPathSweep.searchInto(next, sources, rows, harmonic, workers(next, threads));
        return java.util.Optional.of(new SourceDependencies(next, nextUnit, rows, harmonic, sources.length));
    }

    /** The raw sums, as {@link ShortestPathSweep#run} gives them with the same threads. */
    ShortestPathSweep.Sums sums(int threads) {
        int n = graph.vertexCount();
        double[] betweenness = ShortestPathSweep.sumRows(rows, n, workers(graph, threads), threads);
        return new ShortestPathSweep.Sums(betweenness, harmonic.clone());
    }

    private static int workers(CsrDigraph<?> graph, int threads) {
        return ShortestPathSweep.workers(graph.vertexCount(), graph.arcCount(), threads);
    }

    private static boolean sameKindOfLengths(CsrDigraph<?> a, CsrDigraph<?> b) {
        boolean aUniform = !Double.isNaN(a.uniformLength);
        boolean bUniform = !Double.isNaN(b.uniformLength);
        if (aUniform || bUniform) {
            // Breadth-first distances count arcs: comparable only if every arc of both has the same length.
            return aUniform && bUniform && a.uniformLength == b.uniformLength;
        }
        return a.intLength != null && b.intLength != null;
    }

    private static int length(CsrDigraph<?> g, int arc) {
        return g.intLength == null ? 1 : g.intLength[arc];
    }

    /**
     * Fills the arcs only the old graph has ({@code removed}) and those only the new one has ({@code added}), each
     * as {@code {tail, head, length}}; false when there are more than {@link #MAX_CHANGED_ARCS}.
     */
    private static boolean changedArcs(CsrDigraph<?> old, CsrDigraph<?> next, List<int[]> removed,
                                       List<int[]> added) {
        int n = old.vertexCount();
        for (int v = 0; v < n; v++) {
            int o = old.offset[v];
            int oEnd = old.offset[v + 1];
            int x = next.offset[v];
            int xEnd = next.offset[v + 1];
            if (oEnd - o == xEnd - x && sameArcs(old, o, next, x, oEnd - o)) {
                continue;
            }
            boolean[] matched = new boolean[xEnd - x];
            for (int a = o; a < oEnd; a++) {
                boolean found = false;
                for (int b = x; b < xEnd && !found; b++) {
                    if (!matched[b - x] && old.target[a] == next.target[b] && length(old, a) == length(next, b)) {
                        matched[b - x] = true;
                        found = true;
                    }
                }
                if (!found) {
                    removed.add(new int[] {v, old.target[a], length(old, a)});
                }
            }
            for (int b = x; b < xEnd; b++) {
                if (!matched[b - x]) {
                    added.add(new int[] {v, next.target[b], length(next, b)});
                }
            }
            if (removed.size() + added.size() > MAX_CHANGED_ARCS) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameArcs(CsrDigraph<?> old, int o, CsrDigraph<?> next, int x, int count) {
        for (int k = 0; k < count; k++) {
            if (old.target[o + k] != next.target[x + k] || length(old, o + k) != length(next, x + k)) {
                return false;
            }
        }
        return true;
    }

    /** The sources, in increasing order, on whose shortest paths a removed arc was or an added arc is. */
    private int[] affectedSources(List<int[]> removed, List<int[]> added, CsrDigraph<?> next) {
        int n = graph.vertexCount();
        boolean[] affected = new boolean[n];
        mark(graph, removed, affected);
        mark(next, added, affected);
        int count = 0;
        for (boolean a : affected) {
            count += a ? 1 : 0;
        }
        int[] sources = new int[count];
        for (int s = 0, k = 0; s < n; s++) {
            if (affected[s]) {
                sources[k++] = s;
            }
        }
        return sources;
    }

    private static void mark(CsrDigraph<?> g, List<int[]> arcs, boolean[] affected) {
        if (arcs.isEmpty()) {
            return;
        }
        Reversed reversed = new Reversed(g);
        java.util.Map<Integer, int[]> to = new java.util.HashMap<>();
        for (int[] arc : arcs) {
            int[] toTail = to.computeIfAbsent(arc[0], reversed::distancesTo);
            int[] toHead = to.computeIfAbsent(arc[1], reversed::distancesTo);
            for (int s = 0; s < affected.length; s++) {
                if (toTail[s] != UNREACHED && (long) toTail[s] + arc[2] == toHead[s]) {
                    affected[s] = true;
                }
            }
        }
    }

    /** The arcs entering each vertex, to find every vertex's distance to one vertex with one search. */
    private static final class Reversed {
        private final CsrDigraph<?> g;
        private final int[] tail;
        private final int[] arc;

        Reversed(CsrDigraph<?> g) {
            this.g = g;
            int n = g.vertexCount();
            this.tail = new int[g.arcCount()];
            this.arc = new int[g.arcCount()];
            int[] fill = Arrays.copyOf(g.inOffset, n);
            for (int v = 0; v < n; v++) {
                for (int a = g.offset[v]; a < g.offset[v + 1]; a++) {
                    int slot = fill[g.target[a]]++;
                    tail[slot] = v;
                    arc[slot] = a;
                }
            }
        }

        /** Dijkstra on the entering arcs: {@code d[s]} is the distance from {@code s} to {@code t}. */
        int[] distancesTo(int t) {
            int[] d = new int[g.vertexCount()];
            Arrays.fill(d, UNREACHED);
            d[t] = 0;
            PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
            queue.add(new long[] {0, t});
            while (!queue.isEmpty()) {
                long[] top = queue.poll();
                int v = (int) top[1];
                if (top[0] > d[v]) {
                    continue;
                }
                for (int k = g.inOffset[v]; k < g.inOffset[v + 1]; k++) {
                    int u = tail[k];
                    long nd = top[0] + length(g, arc[k]);
                    if (nd < d[u]) {
                        d[u] = (int) nd;
                        queue.add(new long[] {nd, u});
                    }
                }
            }
            return d;
        }
    }
}
