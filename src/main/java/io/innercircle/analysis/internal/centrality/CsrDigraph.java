package io.innercircle.analysis.internal.centrality;

import org.jgrapht.Graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * An immutable int-indexed snapshot of a JGraphT graph in compressed sparse row form: the arcs leaving
 * vertex {@code i} are {@code target[offset[i]] .. target[offset[i + 1] - 1]} with lengths in {@code length}.
 *
 * <p>The shortest-path sweeps run millions of relaxations; on a JGraphT graph each one costs a hash lookup,
 * an edge-set iterator and a virtual weight call, on this form it is two array reads. Undirected edges
 * become two arcs. Self-loops are dropped because they never lie on a shortest path and never change a
 * distance or a path count.
 */
final class CsrDigraph<V> {

    final List<V> vertices;
    final int[] offset;
    final int[] target;
    final double[] length;
    /** The common arc length when all arcs are equally long (enables breadth-first search), else NaN. */
    final double uniformLength;
    /**
     * The longest arc when every length is a whole number in 1..{@link #MAX_BUCKETED_LENGTH} and every path
     * length fits in an int (enables a bucket queue), else 0.
     */
    final int maxIntegerLength;

    static final int MAX_BUCKETED_LENGTH = 1 << 12;

    /** {@code inOffset[w + 1] - inOffset[w]} is the number of arcs entering {@code w}: room for its predecessors. */
    final int[] inOffset;
    /** Arc lengths as ints when {@link #maxIntegerLength} is positive, else null. */
    final int[] intLength;

    private CsrDigraph(List<V> vertices, int[] offset, int[] target, double[] length) {
        this.vertices = vertices;
        this.offset = offset;
        this.target = target;
        this.length = length;
        double uniform = length.length == 0 ? 1.0 : length[0];
        for (double l : length) {
            if (l != uniform) {
                uniform = Double.NaN;
                break;
            }
        }
        this.uniformLength = uniform;
        int maxInteger = 0;
        for (double l : length) {
            if (l != Math.rint(l) || l > MAX_BUCKETED_LENGTH) {
                maxInteger = 0;
                break;
            }
            maxInteger = Math.max(maxInteger, (int) l);
        }
        if ((long) maxInteger * vertices.size() >= Integer.MAX_VALUE) {
            maxInteger = 0;
        }
        this.maxIntegerLength = maxInteger;
        this.intLength = maxInteger > 0 ? new int[length.length] : null;
        if (intLength != null) {
            for (int a = 0; a < length.length; a++) {
                intLength[a] = (int) length[a];
            }
        }
        int n = vertices.size();
        this.inOffset = new int[n + 1];
        for (int w : target) {
            inOffset[w + 1]++;
        }
        for (int v = 0; v < n; v++) {
            inOffset[v + 1] += inOffset[v];
        }
    }

    int vertexCount() {
        return offset.length - 1;
    }

    int arcCount() {
        return target.length;
    }

    /**
     * Snapshot with the graph's own edge weights as arc lengths.
     *
     * @param reversed follow directed edges backwards (for distances <em>to</em> a vertex)
     */
    static <V, E> CsrDigraph<V> of(Graph<V, E> graph, boolean reversed) {
        return of(graph, reversed, graph::getEdgeWeight);
    }

    /**
     * Snapshot with arc lengths computed from each edge, so callers can turn strengths into distances
     * without first copying the graph.
     *
     * @throws IllegalArgumentException if a length is not a positive finite number: with a zero-length arc
     *                                  "shortest path" depends on heap order even in JGraphT, and negative
     *                                  lengths would need Bellman-Ford
     */
    static <V, E> CsrDigraph<V> of(Graph<V, E> graph, boolean reversed, ToDoubleFunction<E> lengthOf) {
        boolean directed = graph.getType().isDirected();
        List<V> vertices = List.copyOf(graph.vertexSet());
        int n = vertices.size();
        Map<V, Integer> index = new HashMap<>(2 * n);
        for (int i = 0; i < n; i++) {
            index.put(vertices.get(i), i);
        }
        // One pass over the edges (each JGraphT lookup is a hash probe), then a counting sort by tail.
        int capacity = (directed ? 1 : 2) * graph.edgeSet().size();
        int[] tail = new int[capacity];
        int[] head = new int[capacity];
        double[] len = new double[capacity];
        int arcs = 0;
        for (E e : graph.edgeSet()) {
            int a = index.get(graph.getEdgeSource(e));
            int b = index.get(graph.getEdgeTarget(e));
            if (a == b) {
                continue;
            }
            double l = lengthOf.applyAsDouble(e);
            if (!(l > 0.0) || Double.isInfinite(l)) {
                throw new IllegalArgumentException("Edge length must be positive and finite, got " + l
                        + " on " + graph.getEdgeSource(e) + " -> " + graph.getEdgeTarget(e));
            }
            if (!directed || !reversed) {
                tail[arcs] = a;
                head[arcs] = b;
                len[arcs++] = l;
            }
            if (!directed || reversed) {
                tail[arcs] = b;
                head[arcs] = a;
                len[arcs++] = l;
            }
        }
        int[] offset = new int[n + 1];
        for (int k = 0; k < arcs; k++) {
            offset[tail[k] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            offset[v + 1] += offset[v];
        }
        int[] fill = Arrays.copyOf(offset, n);
        int[] target = new int[arcs];
        double[] length = new double[arcs];
        for (int k = 0; k < arcs; k++) {
            int slot = fill[tail[k]]++;
            target[slot] = head[k];
            length[slot] = len[k];
        }
        return new CsrDigraph<>(vertices, offset, target, length);
    }
}
