package io.innercircle.bench;

import io.innercircle.analysis.internal.centrality.Centralities;
import io.innercircle.analysis.internal.centrality.FastBetweennessCentrality;
import io.innercircle.analysis.internal.centrality.InfluenceCentralities;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.HarmonicCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the centralities on generated organizations and writes, for each size, the graph as an edge list,
 * our scores (for the Python side to check) and all timings as JSON, into the directory given as the
 * first argument (default {@code target/bench-graphs}).
 *
 * <p>Plain {@code System.nanoTime} timing rather than JMH: every measured call runs for milliseconds to
 * seconds, far above timer resolution, and what we want is the distribution (p50, p99) across repeated
 * calls after a warm-up, which this prints directly. Each measurement first warms up for at least
 * {@code bench.warmupSeconds} (default 3, at least one call) and then samples for
 * {@code bench.sampleSeconds} (default 10), at least 3 and at most 500 calls. A call longer than the whole
 * sampling budget is timed once, and its first run is that sample: sizes run from small to large in one
 * JVM, so the code is already compiled when the multi-minute stock calls on 5,000 people start.
 *
 * <p>Betweenness is timed on distances {@code 6 / strength}: the lengths {@link InfluenceCentralities}
 * searches with, exact in floating point, so JGraphT, NetworkX and igraph all find the same shortest paths
 * and their scores can be compared, not only their times.
 */
public final class CentralityBenchmark {

    static final long SEED = 20_240_611L;
    private static volatile double sink;

    private CentralityBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench-graphs");
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "200,2000,5000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        double warmup = Double.parseDouble(System.getProperty("bench.warmupSeconds", "3"));
        double sample = Double.parseDouble(System.getProperty("bench.sampleSeconds", "10"));
        // The stock facade is dominated by the stock betweenness, timed anyway; at 5,000 people each call
        // takes minutes.
        int stockAllMaxPeople = Integer.parseInt(System.getProperty("bench.stockAllMaxPeople", "2000"));
        Files.createDirectories(out);

        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MB, warm-up %.0f s, sampling %.0f s%n",
                System.getProperty("java.version"), cores, Runtime.getRuntime().maxMemory() >> 20, warmup, sample);

        StringBuilder json = new StringBuilder();
        json.append("{\n \"java\": \"").append(System.getProperty("java.version")).append("\",\n")
                .append(" \"cores\": ").append(cores).append(",\n \"seed\": ").append(SEED)
                .append(",\n \"distance\": \"6/strength\",\n \"graphs\": [");
        for (int i = 0; i < sizes.length; i++) {
            int n = sizes[i];
            Graph<String, DefaultWeightedEdge> influence = OrganizationGenerator.generate(n, SEED + n);
            String name = "org-" + n;
            writeEdges(influence, out.resolve(name + ".tsv"));
            Graph<String, DefaultWeightedEdge> distances = distances(influence);
            System.out.printf(Locale.ROOT, "%n%s: %d people, %d influence lines (%.2f per person)%n",
                    name, n, influence.edgeSet().size(), influence.edgeSet().size() / (double) n);

            Map<String, Stats> timings = new LinkedHashMap<>();
            timings.put("stockBetweenness", measure("JGraphT BetweennessCentrality",
                    () -> new BetweennessCentrality<>(distances, true).getScores(), warmup, sample));
            timings.put("fastBetweenness1Thread", measure("FastBetweennessCentrality, 1 thread",
                    () -> new FastBetweennessCentrality<>(distances, true, 1).getScores(), warmup, sample));
            timings.put("fastBetweenness", measure("FastBetweennessCentrality, default threads",
                    () -> new FastBetweennessCentrality<>(distances, true).getScores(), warmup, sample));
            if (n <= stockAllMaxPeople) {
                timings.put("stockAllCentralities", measure("all centralities, stock JGraphT (before)",
                        () -> stockAll(influence).betweenness(), warmup, sample));
            }
            timings.put("allCentralities1Thread", measure("all centralities, InfluenceCentralities, 1 thread",
                    () -> InfluenceCentralities.compute(influence, 1).betweenness(), warmup, sample));
            timings.put("allCentralities", measure("all centralities, InfluenceCentralities",
                    () -> InfluenceCentralities.compute(influence).betweenness(), warmup, sample));

            writeScores(InfluenceCentralities.compute(influence), out.resolve(name + ".java-scores.tsv"));

            json.append(i == 0 ? "\n" : ",\n").append("  {\"name\": \"").append(name)
                    .append("\", \"file\": \"").append(name).append(".tsv\", \"scores\": \"").append(name)
                    .append(".java-scores.tsv\", \"people\": ").append(n)
                    .append(", \"lines\": ").append(influence.edgeSet().size()).append(", \"timingsMs\": {");
            int k = 0;
            for (Map.Entry<String, Stats> t : timings.entrySet()) {
                json.append(k++ == 0 ? "\n" : ",\n").append("   \"").append(t.getKey()).append("\": ")
                        .append(t.getValue().toJson());
            }
            json.append("\n  }}");
        }
        json.append("\n ]\n}\n");
        Path timingsFile = out.resolve("java-timings.json");
        Files.writeString(timingsFile, json.toString(), StandardCharsets.UTF_8);
        System.out.println("\nwrote " + timingsFile + " (sink " + (sink == 0.0 ? "0" : "ok") + ")");
    }

    /** The InfluenceCentralities implementation this work replaced, kept here as the baseline. */
    static Centralities stockAll(Graph<String, DefaultWeightedEdge> influence) {
        Graph<String, DefaultWeightedEdge> listensTo = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Graph<String, DefaultWeightedEdge> distances = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Map<String, Double> out = new java.util.HashMap<>();
        Map<String, Double> in = new java.util.HashMap<>();
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
        return new Centralities(new PageRank<>(listensTo, InfluenceCentralities.DAMPING, 1000, 1e-10).getScores(),
                out, in, new BetweennessCentrality<>(distances, true).getScores(),
                new HarmonicCentrality<>(distances, false, true).getScores());
    }

    static Graph<String, DefaultWeightedEdge> distances(Graph<String, DefaultWeightedEdge> influence) {
        Graph<String, DefaultWeightedEdge> d = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        influence.vertexSet().forEach(d::addVertex);
        for (DefaultWeightedEdge e : influence.edgeSet()) {
            d.setEdgeWeight(d.addEdge(influence.getEdgeSource(e), influence.getEdgeTarget(e)),
                    6.0 / influence.getEdgeWeight(e));
        }
        return d;
    }

    record Stats(int samples, double p50, double p99, double min, double mean) {
        String toJson() {
            return String.format(Locale.ROOT, "{\"samples\": %d, \"p50\": %.4f, \"p99\": %.4f, \"min\": %.4f, \"mean\": %.4f}",
                    samples, p50, p99, min, mean);
        }
    }

    static Stats measure(String label, Supplier<Map<String, Double>> task, double warmupSeconds,
                         double sampleSeconds) {
        System.gc();
        List<Double> ms = new ArrayList<>();
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int warmups = 0;
        do {
            long t0 = System.nanoTime();
            consume(task.get());
            double took = (System.nanoTime() - t0) / 1e6;
            warmups++;
            if (took > sampleSeconds * 1e3) {
                // A call this long runs on code the smaller sizes have already compiled; keep it as the
                // sample instead of paying for it twice.
                ms.add(took);
                warmups--;
                break;
            }
        } while (System.nanoTime() < warmupEnd);
        long sampleEnd = System.nanoTime() + (long) (sampleSeconds * 1e9);
        // At least 3 samples, unless one call alone outlasts the sampling budget (stock JGraphT on 5,000).
        while ((ms.size() < 3 && (ms.isEmpty() || ms.get(0) < sampleSeconds * 1e3))
                || (System.nanoTime() < sampleEnd && ms.size() < 500)) {
            long t0 = System.nanoTime();
            Map<String, Double> result = task.get();
            long t1 = System.nanoTime();
            consume(result);
            ms.add((t1 - t0) / 1e6);
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Stats s = new Stats(sorted.length, percentile(sorted, 50), percentile(sorted, 99), sorted[0],
                Arrays.stream(sorted).average().orElse(Double.NaN));
        System.out.printf(Locale.ROOT, "  %-52s p50 %9.2f ms  p99 %9.2f ms  (%d samples, %d warm-up)%n",
                label, s.p50, s.p99, s.samples, warmups);
        return s;
    }

    /** Nearest-rank percentile; with fewer than 100 samples p99 is the slowest call. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void consume(Map<String, Double> scores) {
        double x = 0;
        for (double v : scores.values()) {
            x += v;
        }
        sink += x;
    }

    private static void writeEdges(Graph<String, DefaultWeightedEdge> g, Path file) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("# influence lines: from shapes to's decisions; people with no line are listed alone");
            w.println("from\tto\tstrength");
            for (String v : g.vertexSet()) {
                if (g.degreeOf(v) == 0) {
                    w.println(v + "\t\t");
                }
            }
            for (DefaultWeightedEdge e : g.edgeSet()) {
                w.println(g.getEdgeSource(e) + "\t" + g.getEdgeTarget(e) + "\t" + (int) g.getEdgeWeight(e));
            }
        }
    }

    private static void writeScores(Centralities c, Path file) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("person\tpageRank\tinfluenceOut\tinfluenceIn\tbetweenness\tharmonicCloseness");
            for (String v : c.pageRank().keySet().stream().sorted().toList()) {
                w.printf(Locale.ROOT, "%s\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g%n", v, c.pageRank().get(v),
                        c.influenceOut().get(v), c.influenceIn().get(v), c.betweenness().get(v),
                        c.harmonicCloseness().get(v));
            }
        }
    }
}
