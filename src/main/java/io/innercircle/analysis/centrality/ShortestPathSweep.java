package io.innercircle.analysis.centrality;

import java.util.Arrays;

/**
 * One single-source shortest-path search from every vertex (Brandes 2001, with Dijkstra for weighted and
 * breadth-first search for equal-length arcs), accumulating betweenness dependencies and harmonic sums.
 * Shared by {@link FastBetweennessCentrality}, {@link FastHarmonicCentrality} and
 * {@link InfluenceCentralities}, which asks for both measures from the same searches because each search
 * is the expensive part of both.
 *
 * <p>Path lengths are compared with exact {@code ==}, as JGraphT's {@code BetweennessCentrality} and
 * NetworkX do, and are accumulated the same way ({@code dist(v) + length(v, w)} along the path), so the
 * shortest-path DAG, and hence every score, is the one those libraries find for the same input. Exact
 * comparison is only as good as the arithmetic: {@code 1 + 1 + 1/3.} and {@code 1/3. + 1 + 1} differ in the
 * last bit. Callers who want mathematically equal paths to tie must give lengths whose sums are exact in
 * binary floating point (integers below 2^53), which is what {@link InfluenceCentralities} does.
 *
 * <p>Parallel over sources with a fixed number of threads. Sources are dealt round-robin and per-thread
 * betweenness arrays are added in thread order, so for a given thread count the result is deterministic.
 */
final class ShortestPathSweep {

    /** Below this many sources per thread, starting a thread costs more than it saves. */
    static final int MIN_SOURCES_PER_THREAD = 64;

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
        int n = graph.vertexCount();
        double[] harmonic = wantHarmonic ? new double[n] : null;
        int workers = Math.max(1, Math.min(threads, n / MIN_SOURCES_PER_THREAD));
        Worker[] all = new Worker[workers];
        for (int t = 0; t < workers; t++) {
            all[t] = new Worker(graph, t, workers, wantBetweenness, harmonic);
        }
        if (workers == 1) {
            all[0].run();
        } else {
            runInParallel(all);
        }
        double[] betweenness = null;
        if (wantBetweenness) {
            betweenness = all[0].betweenness;
            for (int t = 1; t < workers; t++) {
                double[] part = all[t].betweenness;
                for (int v = 0; v < n; v++) {
                    betweenness[v] += part[v];
                }
            }
        }
        return new Sums(betweenness, harmonic);
    }

    private static void runInParallel(Worker[] workers) {
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

    /** The per-thread search state; every array is sized once and reset only where a search touched it. */
    private static final class Worker implements Runnable {

        private static final int NONE = -1;
        private static final int NOT_SEEN = -1;
        private static final int SETTLED = -2;
        private static final int QUEUED = 0;

        private enum Queue { BREADTH_FIRST, BUCKETS, HEAP }

        private final int[] offset;
        private final int[] target;
        private final double[] length;
        private final double uniformLength;
        private final Queue queue;
        private final int first;
        private final int stride;
        private final double[] harmonic;
        final double[] betweenness;

        private final double[] dist;
        private final double[] sigma;
        private final double[] delta;
        /** Vertices in the order they were settled, i.e. by non-decreasing distance. */
        private final int[] order;
        /** Sum of 1/d over the vertices the last search reached. */
        private double inverseDistanceSum;

        /** Heap: slot of a queued vertex in the heap, or NOT_SEEN / SETTLED. Buckets: QUEUED, NOT_SEEN or SETTLED. */
        private final int[] pos;
        private final int[] heap;
        private final double[] heapKey;
        private int heapSize;

        /** Bucket queue: circular array of doubly-linked lists, one per distance modulo its length. */
        private final int[] bucketHead;
        private final int[] next;
        private final int[] prev;

        Worker(CsrDigraph<?> graph, int first, int stride, boolean wantBetweenness, double[] harmonic) {
            this.offset = graph.offset;
            this.target = graph.target;
            this.length = graph.length;
            this.uniformLength = graph.uniformLength;
            this.queue = !Double.isNaN(uniformLength) ? Queue.BREADTH_FIRST
                    : graph.maxIntegerLength > 0 ? Queue.BUCKETS : Queue.HEAP;
            this.first = first;
            this.stride = stride;
            this.harmonic = harmonic;
            int n = graph.vertexCount();
            this.betweenness = wantBetweenness ? new double[n] : null;
            this.dist = new double[n];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            this.sigma = new double[n];
            this.delta = wantBetweenness ? new double[n] : null;
            this.order = new int[n];
            this.pos = queue == Queue.BREADTH_FIRST ? null : new int[n];
            if (pos != null) {
                Arrays.fill(pos, NOT_SEEN);
            }
            this.heap = queue == Queue.HEAP ? new int[n] : null;
            this.heapKey = queue == Queue.HEAP ? new double[n] : null;
            if (queue == Queue.BUCKETS) {
                // More buckets than the longest arc, so a relaxation never lands in the bucket being emptied.
                this.bucketHead = new int[Integer.highestOneBit(graph.maxIntegerLength) << 1];
                Arrays.fill(bucketHead, NONE);
                this.next = new int[n];
                this.prev = new int[n];
            } else {
                this.bucketHead = null;
                this.next = null;
                this.prev = null;
            }
        }

        @Override
        public void run() {
            int n = dist.length;
            for (int s = first; s < n; s += stride) {
                int reached = switch (queue) {
                    case BREADTH_FIRST -> breadthFirst(s);
                    case BUCKETS -> buckets(s);
                    case HEAP -> dijkstra(s);
                };
                if (harmonic != null) {
                    harmonic[s] = inverseDistanceSum;
                }
                if (betweenness != null) {
                    accumulate(reached);
                }
                reset(reached);
            }
        }

        /**
         * Settles every vertex reachable from {@code s}, counting shortest paths on the way: a vertex's
         * count is final when it is settled because all its DAG predecessors are strictly closer.
         */
        private int dijkstra(int s) {
            int reached = 0;
            double inverseSum = 0.0;
            dist[s] = 0.0;
            sigma[s] = 1.0;
            heapSize = 0;
            siftUp(heapSize++, s, 0.0);
            while (heapSize > 0) {
                int v = popMin();
                pos[v] = SETTLED;
                order[reached++] = v;
                double dv = dist[v];
                if (v != s) {
                    inverseSum += 1.0 / dv;
                }
                double sv = sigma[v];
                for (int a = offset[v], end = offset[v + 1]; a < end; a++) {
                    int w = target[a];
                    int pw = pos[w];
                    if (pw == SETTLED) {
                        continue;
                    }
                    double nd = dv + length[a];
                    double dw = dist[w];
                    if (nd < dw) {
                        dist[w] = nd;
                        sigma[w] = sv;
                        siftUp(pw == NOT_SEEN ? heapSize++ : pw, w, nd);
                    } else if (nd == dw) {
                        sigma[w] += sv;
                    }
                }
            }
            inverseDistanceSum = inverseSum;
            return reached;
        }

        /**
         * Dijkstra with Dial's bucket queue (R. B. Dial, CACM 12(11), 1969) for whole-number lengths: O(1)
         * per queue operation instead of O(log n). Sums of whole numbers are exact, so ties are the same
         * as with the heap, and a whole bucket shares one distance, which is settled in one go.
         */
        private int buckets(int s) {
            int mask = bucketHead.length - 1;
            int reached = 0;
            int queued = 1;
            double inverseSum = 0.0;
            dist[s] = 0.0;
            sigma[s] = 1.0;
            pos[s] = QUEUED;
            link(s, 0);
            for (int d = 0; queued > 0; d++) {
                int b = d & mask;
                int v = bucketHead[b];
                if (v == NONE) {
                    continue;
                }
                bucketHead[b] = NONE;
                int settledBefore = reached;
                double dv = d;
                while (v != NONE) {
                    int following = next[v];
                    pos[v] = SETTLED;
                    queued--;
                    order[reached++] = v;
                    double sv = sigma[v];
                    for (int a = offset[v], end = offset[v + 1]; a < end; a++) {
                        int w = target[a];
                        int pw = pos[w];
                        if (pw == SETTLED) {
                            continue;
                        }
                        double nd = dv + length[a];
                        double dw = dist[w];
                        if (nd < dw) {
                            if (pw == QUEUED) {
                                unlink(w, (int) dw & mask);
                            } else {
                                pos[w] = QUEUED;
                                queued++;
                            }
                            link(w, (int) nd & mask);
                            dist[w] = nd;
                            sigma[w] = sv;
                        } else if (nd == dw) {
                            sigma[w] += sv;
                        }
                    }
                    v = following;
                }
                if (d > 0) {
                    inverseSum += (reached - settledBefore) / dv;
                }
            }
            inverseDistanceSum = inverseSum;
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

        /**
         * With equal arc lengths every path of k arcs has the same floating-point length (the same sums in
         * the same order), so levels decide ties exactly as Dijkstra's {@code ==} would, at queue cost O(1).
         */
        private int breadthFirst(int s) {
            double step = uniformLength;
            double inverseSum = 0.0;
            dist[s] = 0.0;
            sigma[s] = 1.0;
            order[0] = s;
            int head = 0;
            int tail = 1;
            while (head < tail) {
                int v = order[head++];
                double dv = dist[v];
                if (v != s) {
                    inverseSum += 1.0 / dv;
                }
                double nd = dv + step;
                double sv = sigma[v];
                for (int a = offset[v], end = offset[v + 1]; a < end; a++) {
                    int w = target[a];
                    double dw = dist[w];
                    if (dw == Double.POSITIVE_INFINITY) {
                        dist[w] = nd;
                        sigma[w] = sv;
                        order[tail++] = w;
                    } else if (dw == nd) {
                        sigma[w] += sv;
                    }
                }
            }
            inverseDistanceSum = inverseSum;
            return tail;
        }

        /**
         * Brandes' dependency accumulation in reverse settling order. Instead of storing predecessor lists it
         * re-tests each out-arc with the very same floating-point expression the search used, which
         * reproduces the DAG bit for bit and lets each vertex sum its own dependency in a register.
         */
        private void accumulate(int reached) {
            for (int i = reached - 1; i > 0; i--) {
                int v = order[i];
                double dv = dist[v];
                double sum = 0.0;
                for (int a = offset[v], end = offset[v + 1]; a < end; a++) {
                    int w = target[a];
                    if (dv + length[a] == dist[w]) {
                        sum += (1.0 + delta[w]) / sigma[w];
                    }
                }
                double dependency = sigma[v] * sum;
                delta[v] = dependency;
                betweenness[v] += dependency;
            }
        }

        private void reset(int reached) {
            for (int i = 0; i < reached; i++) {
                int v = order[i];
                dist[v] = Double.POSITIVE_INFINITY;
                sigma[v] = 0.0;
                if (delta != null) {
                    delta[v] = 0.0;
                }
                if (pos != null) {
                    pos[v] = NOT_SEEN;
                }
            }
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
}
