package io.innercircle.analysis.internal.centrality;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One single-source shortest-path search from every vertex, accumulating betweenness dependencies
 * (Brandes 2001) and harmonic sums. Shared by {@link FastBetweennessCentrality},
 * {@link FastHarmonicCentrality} and {@link InfluenceCentralities}, which asks for both measures from the
 * same searches because the searches are the expensive part of both.
 *
 * <p>The search picks the cheapest queue the lengths allow, each giving the same distances and ties:
 * breadth-first search when all arcs are equally long, Dial's bucket queue when all lengths are small whole
 * numbers (the case of {@link InfluenceCentralities}), and Dijkstra with an indexed binary heap otherwise.
 *
 * <p>Path lengths are compared with exact {@code ==}, as JGraphT's {@code BetweennessCentrality} and
 * NetworkX do, and are accumulated the same way ({@code dist(v) + length(v, w)} along the path), so the
 * shortest-path DAG, and hence every score, is the one those libraries find for the same input. Exact
 * comparison is only as good as the arithmetic: {@code 1 + 1 + 1/3.} and {@code 1/3. + 1 + 1} differ in the
 * last bit. Callers who want mathematically equal paths to tie must give lengths whose sums are exact in
 * binary floating point (integers below 2^53), which is what {@link InfluenceCentralities} does.
 *
 * <p>Parallel over sources with a fixed number of threads. The sources are split into chunks (every k-th source,
 * {@value #CHUNKS_PER_WORKER} chunks per thread) that the threads take as they become free: in the app the sweep
 * shares 2 cores with requests and the database, and a fixed half each left the whole sweep waiting for whichever
 * thread had been slowed. Each chunk sums its betweenness in an array of its own and the chunks are added in order,
 * so for a given thread count the result is the same whichever thread took which chunk.
 */
final class ShortestPathSweep {

    /** Below this many sources per thread, starting a thread costs more than it saves. */
    static final int MIN_SOURCES_PER_THREAD = 64;
    /**
     * Below this much work, n (n + m), a whole sweep takes a few milliseconds on one core, and on a busy
     * machine waiting for a second thread to be scheduled costs more than it saves.
     */
    static final long MIN_PARALLEL_WORK = 1_000_000;
    /** Chunks of sources per thread: enough for a free thread to find work while a slowed one finishes its own. */
    static final int CHUNKS_PER_WORKER = 8;

    private ShortestPathSweep() {
    }

    /** Raw sums: betweenness is the plain Brandes dependency sum, harmonic is sum of 1/d over reached vertices. */
    record Sums(double[] betweenness, double[] harmonic) {
    }

    static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    static Sums run(CsrDigraph<?> graph, boolean wantBetweenness, boolean wantHarmonic, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return runWithWorkers(graph, wantBetweenness, wantHarmonic,
                workers(graph.vertexCount(), graph.arcCount(), threads));
    }

    /** Exactly {@code workers} threads, whatever the size of the graph (tests use it on small graphs). */
    static Sums runWithWorkers(CsrDigraph<?> graph, boolean wantBetweenness, boolean wantHarmonic, int workers) {
        int n = graph.vertexCount();
        double[] harmonic = wantHarmonic ? new double[n] : null;
        Chunks chunks = new Chunks(chunkCount(n, workers), wantBetweenness ? n : -1, null, null);
        runWorkers(graph, chunks, harmonic, workers);
        double[] betweenness = null;
        if (wantBetweenness) {
            betweenness = chunks.betweenness[0];
            for (int c = 1; c < chunks.count; c++) {
                double[] part = chunks.betweenness[c];
                for (int v = 0; v < n; v++) {
                    betweenness[v] += part[v];
                }
            }
        }
        return new Sums(betweenness, harmonic);
    }

    /** How many chunks a sweep with this many workers splits its sources into; fixes the order of the sums. */
    static int chunkCount(int n, int workers) {
        return workers == 1 ? 1 : Math.max(1, Math.min(n, workers * CHUNKS_PER_WORKER));
    }

    private static void runWorkers(CsrDigraph<?> graph, Chunks chunks, double[] harmonic, int workers) {
        Worker[] all = new Worker[workers];
        for (int t = 0; t < workers; t++) {
            all[t] = new Worker(graph, chunks, harmonic);
        }
        runAll(all);
    }

    /**
     * Searches from the given sources only, writing each source's betweenness dependencies into its own row
     * ({@code rows[s * n + v]} is what the search from {@code s} adds to {@code v}) and its harmonic sum into
     * {@code harmonic[s]}. Rows of the other sources are left as they are.
     *
     * @param sources the sources to search from, or null for all of them
     */
    static void searchInto(CsrDigraph<?> graph, int[] sources, double[] rows, double[] harmonic, int workers) {
        int count = sources == null ? graph.vertexCount() : sources.length;
        if (count == 0) {
            return;
        }
        int used = Math.max(1, Math.min(workers, count / MIN_SOURCES_PER_THREAD));
        runWorkers(graph, new Chunks(chunkCount(count, used), -1, rows, sources), harmonic, used);
    }

    /**
     * The betweenness sums of rows written by {@link #searchInto}, added in the order {@link #runWithWorkers}
     * adds them with {@code workers} threads (per chunk of every k-th source, then chunk after chunk), so that
     * the result is the same to the last bit. The vertices are split between the threads.
     */
    static double[] sumRows(double[] rows, int n, int workers, int threads) {
        int chunks = chunkCount(n, workers);
        double[] total = new double[n];
        int parts = Math.max(1, Math.min(threads, n / 256));
        Runnable[] work = new Runnable[parts];
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            work[p] = () -> {
                double[] part = new double[to - from];
                for (int c = 0; c < chunks; c++) {
                    Arrays.fill(part, 0.0);
                    for (int s = c; s < n; s += chunks) {
                        for (int v = from, base = s * n; v < to; v++) {
                            part[v - from] += rows[base + v];
                        }
                    }
                    for (int v = from; v < to; v++) {
                        total[v] = c == 0 ? part[v - from] : total[v] + part[v - from];
                    }
                }
            };
        }
        runAll(work);
        return total;
    }

    /** The chunks of sources, taken in turn by whichever worker is free, and each chunk's betweenness sums. */
    private static final class Chunks {
        final int count;
        /** Per chunk, or null when betweenness is not wanted or goes to {@link #rows}. */
        final double[][] betweenness;
        /** One row of dependencies per source ({@link #searchInto}), or null. */
        final double[] rows;
        /** The sources to search from, or null for every vertex. */
        final int[] sources;
        private final AtomicInteger next = new AtomicInteger();

        Chunks(int count, int vertices, double[] rows, int[] sources) {
            this.count = count;
            this.betweenness = vertices < 0 ? null : new double[count][vertices];
            this.rows = rows;
            this.sources = sources;
        }

        /** The next chunk nobody has taken, or -1 when all are taken. */
        int take() {
            int c = next.getAndIncrement();
            return c < count ? c : -1;
        }
    }

    static int workers(int n, int arcs, int threads) {
        if ((long) n * (n + arcs) < MIN_PARALLEL_WORK) {
            return 1;
        }
        return Math.max(1, Math.min(threads, n / MIN_SOURCES_PER_THREAD));
    }

    private static void runInParallel(Runnable[] workers) {
        Thread[] threads = new Thread[workers.length - 1];
        Throwable[] failure = new Throwable[1];
        for (int t = 1; t < workers.length; t++) {
            Thread thread = new Thread(workers[t], "centrality-sweep-" + t);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((th, e) -> {
                synchronized (failure) {
                    failure[0] = e;
                }
            });
            threads[t - 1] = thread;
            thread.start();
        }
        // The calling thread does a share of the work instead of idling in join().
        workers[0].run();
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    // The workers hold no locks and finish on their own; wait for them so no thread keeps
                    // writing into arrays we are about to hand out, then restore the flag.
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException re) {
                throw re;
            }
            if (failure[0] instanceof Error err) {
                throw err;
            }
            if (failure[0] != null) {
                throw new IllegalStateException(failure[0]);
            }
        }
    }

    private static void runAll(Runnable[] work) {
        if (work.length == 1) {
            work[0].run();
        } else {
            runInParallel(work);
        }
    }

    /**
     * The per-thread search state; every array is sized once and reused across sources. Only distances,
     * heap slots and dependency sums need resetting between sources: path counts and predecessor counts are
     * assigned on discovery before anything is added to them.
     */
    private static final class Worker implements Runnable {

        private static final int NONE = -1;
        private static final int UNREACHED = Integer.MAX_VALUE;
        private static final int NOT_SEEN = -1;
        private static final int SETTLED = -2;

        private enum Queue { BREADTH_FIRST, BUCKETS, HEAP }

        private final int[] offset;
        private final int[] target;
        private final Queue queue;
        private final Chunks chunks;
        private final double[] harmonic;
        /** The betweenness sums of the chunk being searched from, or null when betweenness is not wanted. */
        private double[] betweenness;
        /** Where the current source's sums start in {@link #betweenness}: 0, or its row's start. */
        private int base;

        private final double[] sigma;
        /**
         * Predecessors on shortest paths, in place: those of {@code w} are {@code pred[predOffset[w]]} onwards,
         * {@code predCount[w]} of them. A vertex has at most as many as it has entering arcs.
         */
        private final int[] predOffset;
        private final int[] pred;
        private final int[] predCount;
        /** Sum over DAG successors w of {@code (1 + delta(w)) / sigma(w)}, so {@code delta(v) = sigma(v) * acc(v)}. */
        private final double[] acc;
        /** Vertices in the order they were settled, i.e. by non-decreasing distance. */
        private final int[] order;

        /** Whole-number searches (breadth-first and buckets) run on ints: exact, and cheaper to compare. */
        private final int[] intLength;
        private final int[] intDist;
        /** Real length of one unit of {@link #intDist}, to turn distances back into the caller's units. */
        private final double unit;
        /** Bucket queue: a circular array of doubly-linked lists, one per distance modulo its length. */
        private final int[] bucketHead;
        private final int[] next;
        private final int[] prev;

        /** Heap search on the caller's floating-point lengths. */
        private final double[] length;
        private final double[] dist;
        private final int[] pos;
        private final int[] heap;
        private final double[] heapKey;
        private int heapSize;

        Worker(CsrDigraph<?> graph, Chunks chunks, double[] harmonic) {
            this.offset = graph.offset;
            this.target = graph.target;
            this.queue = !Double.isNaN(graph.uniformLength) ? Queue.BREADTH_FIRST
                    : graph.maxIntegerLength > 0 ? Queue.BUCKETS : Queue.HEAP;
            this.chunks = chunks;
            this.harmonic = harmonic;
            int n = graph.vertexCount();
            boolean wantBetweenness = chunks.betweenness != null || chunks.rows != null;
            this.sigma = new double[n];
            this.predOffset = graph.inOffset;
            this.pred = new int[graph.arcCount()];
            this.predCount = new int[n];
            this.acc = wantBetweenness ? new double[n] : null;
            this.order = new int[n];
            boolean integer = queue != Queue.HEAP;
            this.intDist = integer ? filled(n, UNREACHED) : null;
            this.intLength = queue == Queue.BUCKETS ? graph.intLength : null;
            this.unit = queue == Queue.BREADTH_FIRST ? graph.uniformLength : 1.0;
            if (queue == Queue.BUCKETS) {
                // More buckets than the longest arc: a relaxation never lands in the bucket being emptied,
                // and a bucket never holds two live distances at once.
                this.bucketHead = filled(Integer.highestOneBit(graph.maxIntegerLength) << 1, NONE);
                this.next = new int[n];
                this.prev = new int[n];
            } else {
                this.bucketHead = null;
                this.next = null;
                this.prev = null;
            }
            this.length = integer ? null : graph.length;
            this.dist = integer ? null : new double[n];
            if (dist != null) {
                Arrays.fill(dist, Double.POSITIVE_INFINITY);
            }
            this.pos = integer ? null : filled(n, NOT_SEEN);
            this.heap = integer ? null : new int[n];
            this.heapKey = integer ? null : new double[n];
        }

        private static int[] filled(int size, int value) {
            int[] a = new int[size];
            Arrays.fill(a, value);
            return a;
        }

        @Override
        public void run() {
            for (int c = chunks.take(); c >= 0; c = chunks.take()) {
                if (chunks.betweenness != null) {
                    betweenness = chunks.betweenness[c];
                }
                searchFrom(c, chunks.count);
            }
        }

        /** Every {@code stride}-th source from {@code first}. */
        private void searchFrom(int first, int stride) {
            int n = sigma.length;
            int[] sources = chunks.sources;
            double[] rows = chunks.rows;
            for (int k = first, count = sources == null ? n : sources.length; k < count; k += stride) {
                int s = sources == null ? k : sources[k];
                if (rows != null) {
                    betweenness = rows;
                    base = s * n;
                    Arrays.fill(rows, base, base + n, 0.0);
                }
                if (queue == Queue.HEAP) {
                    int reached = dijkstra(s);
                    if (harmonic != null) {
                        double sum = 0.0;
                        for (int i = 1; i < reached; i++) {
                            sum += 1.0 / dist[order[i]];
                        }
                        harmonic[s] = sum;
                    }
                    if (betweenness != null) {
                        accumulate(reached);
                    }
                    for (int i = 0; i < reached; i++) {
                        int v = order[i];
                        dist[v] = Double.POSITIVE_INFINITY;
                        pos[v] = NOT_SEEN;
                    }
                } else {
                    int reached = queue == Queue.BUCKETS ? buckets(s) : breadthFirst(s);
                    if (harmonic != null) {
                        harmonic[s] = inverseDistanceSum(reached);
                    }
                    if (betweenness != null) {
                        accumulate(reached);
                    }
                    for (int i = 0; i < reached; i++) {
                        intDist[order[i]] = UNREACHED;
                    }
                }
            }
        }

        /**
         * With equal arc lengths every path of k arcs has the same floating-point length (the same sums in
         * the same order), so levels decide ties exactly as Dijkstra's {@code ==} would, at queue cost O(1).
         */
        private int breadthFirst(int s) {
            int[] dist = intDist;
            dist[s] = 0;
            sigma[s] = 1.0;
            order[0] = s;
            int head = 0;
            int tail = 1;
            while (head < tail) {
                int v = order[head++];
                int nd = dist[v] + 1;
                double sv = sigma[v];
                for (int a = offset[v], end = offset[v + 1]; a < end; a++) {
                    int w = target[a];
                    int dw = dist[w];
                    if (dw == UNREACHED) {
                        dist[w] = nd;
                        sigma[w] = sv;
                        pred[predOffset[w]] = v;
                        predCount[w] = 1;
                        order[tail++] = w;
                    } else if (dw == nd) {
                        sigma[w] += sv;
                        pred[predOffset[w] + predCount[w]++] = v;
                    }
                }
            }
            return tail;
        }

        /**
         * Dijkstra with Dial's bucket queue (R. B. Dial, CACM 12(11), 1969) for whole-number lengths: O(1)
         * per queue operation instead of O(log n). A bucket holds one distance and is settled in one go;
         * a vertex's path count is final by then because its DAG predecessors are strictly closer.
         */
        private int buckets(int s) {
            int[] dist = intDist;
            int[] len = intLength;
            int mask = bucketHead.length - 1;
            int reached = 0;
            int queued = 1;
            dist[s] = 0;
            sigma[s] = 1.0;
            link(s, 0);
            for (int d = 0; queued > 0; d++) {
                int b = d & mask;
                int v = bucketHead[b];
                if (v == NONE) {
                    continue;
                }
                bucketHead[b] = NONE;
                while (v != NONE) {
                    int following = next[v];
                    queued--;
                    order[reached++] = v;
                    double sv = sigma[v];
                    for (int a = offset[v], end = offset[v + 1]; a < end; a++) {
                        int w = target[a];
                        int nd = d + len[a];
                        int dw = dist[w];
                        // A settled w has dw <= d < nd, so it falls through both tests without a flag.
                        if (nd < dw) {
                            if (dw == UNREACHED) {
                                queued++;
                            } else {
                                unlink(w, dw & mask);
                            }
                            link(w, nd & mask);
                            dist[w] = nd;
                            sigma[w] = sv;
                            pred[predOffset[w]] = v;
                            predCount[w] = 1;
                        } else if (nd == dw) {
                            sigma[w] += sv;
                            pred[predOffset[w] + predCount[w]++] = v;
                        }
                    }
                    v = following;
                }
            }
            return reached;
        }

        private void link(int v, int bucket) {
            int head = bucketHead[bucket];
            next[v] = head;
            prev[v] = NONE;
            if (head != NONE) {
                prev[head] = v;
            }
            bucketHead[bucket] = v;
        }

        private void unlink(int v, int bucket) {
            int p = prev[v];
            int nx = next[v];
            if (p != NONE) {
                next[p] = nx;
            } else {
                bucketHead[bucket] = nx;
            }
            if (nx != NONE) {
                prev[nx] = p;
            }
        }

        /** Sum of 1/d in the caller's units; one division per distinct distance, as order is sorted by it. */
        private double inverseDistanceSum(int reached) {
            double sum = 0.0;
            int current = 0;
            int count = 0;
            for (int i = 1; i < reached; i++) {
                int d = intDist[order[i]];
                if (d != current) {
                    if (count > 0) {
                        sum += count / (current * unit);
                    }
                    current = d;
                    count = 0;
                }
                count++;
            }
            if (count > 0) {
                sum += count / (current * unit);
            }
            return sum;
        }

        /**
         * Brandes' dependency accumulation: in reverse settling order each vertex, its own dependency now
         * complete, hands {@code (1 + delta(w)) / sigma(w)} to each predecessor (one division per vertex,
         * none per arc).
         */
        private void accumulate(int reached) {
            for (int i = reached - 1; i > 0; i--) {
                int w = order[i];
                double sw = sigma[w];
                double sum = acc[w];
                acc[w] = 0.0;
                betweenness[base + w] += sw * sum;
                double share = 1.0 / sw + sum;
                for (int k = predOffset[w], end = k + predCount[w]; k < end; k++) {
                    acc[pred[k]] += share;
                }
            }
            acc[order[0]] = 0.0;
        }

        /**
         * Settles every vertex reachable from {@code s}, counting shortest paths on the way: a vertex's
         * count is final when it is settled because all its DAG predecessors are strictly closer.
         */
        private int dijkstra(int s) {
            int reached = 0;
            dist[s] = 0.0;
            sigma[s] = 1.0;
            heapSize = 0;
            siftUp(heapSize++, s, 0.0);
            while (heapSize > 0) {
                int v = popMin();
                pos[v] = SETTLED;
                order[reached++] = v;
                double dv = dist[v];
                double sv = sigma[v];
                for (int a = offset[v], end = offset[v + 1]; a < end; a++) {
                    int w = target[a];
                    int pw = pos[w];
                    // Not implied by the distance tests here: an arc far shorter than one ulp of dv would
                    // leave nd == dv and could add paths to a vertex already settled.
                    if (pw == SETTLED) {
                        continue;
                    }
                    double nd = dv + length[a];
                    double dw = dist[w];
                    if (nd < dw) {
                        dist[w] = nd;
                        sigma[w] = sv;
                        pred[predOffset[w]] = v;
                        predCount[w] = 1;
                        siftUp(pw == NOT_SEEN ? heapSize++ : pw, w, nd);
                    } else if (nd == dw) {
                        sigma[w] += sv;
                        pred[predOffset[w] + predCount[w]++] = v;
                    }
                }
            }
            return reached;
        }

        /** Moves {@code v} with its new, smaller key up from slot {@code i}; serves both insert and decrease-key. */
        private void siftUp(int i, int v, double key) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                double parentKey = heapKey[parent];
                if (parentKey <= key) {
                    break;
                }
                int pv = heap[parent];
                heap[i] = pv;
                heapKey[i] = parentKey;
                pos[pv] = i;
                i = parent;
            }
            heap[i] = v;
            heapKey[i] = key;
            pos[v] = i;
        }

        private int popMin() {
            int top = heap[0];
            int size = --heapSize;
            if (size > 0) {
                int v = heap[size];
                double key = heapKey[size];
                int i = 0;
                int half = size >>> 1;
                while (i < half) {
                    int child = 2 * i + 1;
                    double childKey = heapKey[child];
                    int right = child + 1;
                    if (right < size && heapKey[right] < childKey) {
                        child = right;
                        childKey = heapKey[right];
                    }
                    if (key <= childKey) {
                        break;
                    }
                    int cv = heap[child];
                    heap[i] = cv;
                    heapKey[i] = childKey;
                    pos[cv] = i;
                    i = child;
                }
                heap[i] = v;
                heapKey[i] = key;
                pos[v] = i;
            }
            return top;
        }
    }

    /** JGraphT's scaling of the raw Brandes sums, in place. */
    static double[] scaleBetweenness(double[] raw, boolean directed, boolean normalize) {
        int n = raw.length;
        // JGraphT computes this in int, which overflows past 46,341 vertices; double does not.
        double factor = normalize ? (double) (n - 1) * (n - 2) : 0.0;
        for (int v = 0; v < n; v++) {
            double score = raw[v];
            if (!directed) {
                score /= 2;
            }
            if (factor != 0.0) {
                score /= factor;
            }
            raw[v] = score;
        }
        return raw;
    }

    static <V> Map<V, Double> toMap(List<V> vertices, double[] values) {
        Map<V, Double> map = new HashMap<>(2 * values.length);
        for (int i = 0; i < values.length; i++) {
            map.put(vertices.get(i), values[i]);
        }
        return map;
    }

    /**
     * JGraphT's normalization of raw sums of 1/d, in place.
     *
     * @param lengthUnit the factor by which the searched lengths exceed the intended ones, undone here
     */
    static double[] scaleHarmonic(double[] raw, boolean normalize, double lengthUnit) {
        int n = raw.length;
        double factor = lengthUnit;
        if (normalize && n > 1) {
            factor /= n - 1;
        }
        if (factor != 1.0) {
            for (int v = 0; v < n; v++) {
                raw[v] *= factor;
            }
        }
        return raw;
    }
}
