package io.innercircle.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.innercircle.bundle.BundleGenerator;
import io.innercircle.bundle.internal.Bundle;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bundle imports only (issue 11): a 5,000-person first import, replacing it, and a run of 2,000-person accounts,
 * each over real HTTP with an API token, each app in its own JVM ({@code -Xmx2g}, embedded Neo4j, fresh data).
 *
 * <p>Side by side: with {@code BENCH_BASELINE=<classes directory of an older build>} (the exec plugin passes
 * environment variables, not {@code -D} settings, to the benchmark) a second app runs that build
 * (its classes first, the same dependency jars) and every step runs on both, one after the other, so both meet the
 * same load. The app logs its own phase times (validation, write, history); they are printed under each number.
 *
 * <pre>
 * git archive &lt;commit&gt; | tar -x -C /tmp/baseline &amp;&amp; (cd /tmp/baseline &amp;&amp; mvn -q -B -o compile)
 * BENCH_BASELINE=/tmp/baseline/target/classes BENCH_ACCOUNTS=20 \
 *     mvn -q -B -Pbench test-compile exec:exec -Dbench.main=io.innercircle.bench.ImportBenchmark
 * </pre>
 */
public final class ImportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One app under test: its process, token and the part of its log already read. */
    private static final class App {
        final String name;
        final AppProcess process;
        String bearer;
        long logRead;

        App(String name, AppProcess process) {
            this.name = name;
            this.process = process;
        }
    }

    public static void main(String[] args) throws Exception {
        int accounts = Integer.parseInt(setting("bench.accounts", "20"));
        int big = Integer.parseInt(setting("bench.big", "5000"));
        int mid = Integer.parseInt(setting("bench.mid", "2000"));
        String baseline = setting("bench.baseline", "");
        List<App> apps = new ArrayList<>();
        if (!baseline.isBlank()) {
            apps.add(app("baseline", baseline));
        }
        apps.add(app("this build", null));
        System.out.printf(Locale.ROOT, "ImportBenchmark: %d accounts x %,d people, a %,d-person map; load %s%n",
                accounts, mid, big, AppProcess.loadAverage());
        try {
            for (App app : apps) {
                app.process.start();
                app.bearer = "Bearer " + app.process.graphQl(AppProcess.JSON.writeValueAsString(Map.of("query",
                        "mutation { createApiToken(input: {name: \"bench\"}) { token } }")))
                        .path("createApiToken").path("token").asText();
            }
            // Warm-up: the JIT and Cypher's plan cache, on maps of both sizes.
            for (App app : apps) {
                importBundle(app, BundleGenerator.generate("warm-small", 200, 1));
                importBundle(app, BundleGenerator.generate("warm-mid", mid, 2));
                importBundle(app, BundleGenerator.generate("warm-mid", mid, 3));
                AppProcess.awaitIdle(app.process.pid());
                phases(app);
            }

            Map<String, List<String>> results = new LinkedHashMap<>();
            // The portfolio: accounts imported back to back (the background analysis of one runs during the next,
            // as it would), in blocks of ten, alternating between the apps.
            Map<App, Double> portfolio = new LinkedHashMap<>();
            for (int from = 0; from < accounts; from += 10) {
                for (App app : apps) {
                    awaitIdle(apps);
                    long t = System.nanoTime();
                    for (int i = from; i < Math.min(accounts, from + 10); i++) {
                        importBundle(app, BundleGenerator.generate("portfolio-%03d".formatted(i), mid, 1000 + i));
                    }
                    portfolio.merge(app, AppProcess.since(t), Double::sum);
                    phases(app);
                }
            }
            for (App app : accounts > 0 ? apps : List.<App>of()) {
                double total = portfolio.get(app);
                results.computeIfAbsent(app.name, k -> new ArrayList<>()).add(String.format(Locale.ROOT,
                        "%d x %,d people: %.1f s, %.0f ms per import (100 accounts at that rate: %.0f s)", accounts,
                        mid, total / 1000, total / accounts, total / accounts * 100 / 1000));
            }

            Bundle first = BundleGenerator.generate("big", big, 42);
            Bundle changed = BundleGenerator.generate("big", big, 43);
            for (App app : apps) {
                awaitIdle(apps);
                long t = System.nanoTime();
                importBundle(app, first);
                double firstMs = AppProcess.since(t);
                String firstPhases = phases(app);
                double[] again = new double[3];
                for (int i = 0; i < again.length; i++) {
                    awaitIdle(apps);
                    t = System.nanoTime();
                    importBundle(app, first);
                    again[i] = AppProcess.since(t);
                }
                String againPhases = phases(app);
                List<String> lines = results.computeIfAbsent(app.name, k -> new ArrayList<>());
                lines.add(String.format(Locale.ROOT, "%,d people, first import: %.0f ms%n      %s", big, firstMs,
                        firstPhases));
                lines.add(String.format(Locale.ROOT, "replacing it with the same bundle: %s ms%n      %s",
                        Arrays.stream(again).mapToObj(d -> String.format(Locale.ROOT, "%.0f", d))
                                .collect(Collectors.joining(", ")), againPhases));
                awaitIdle(apps);
                t = System.nanoTime();
                try {
                    importBundle(app, changed);
                    double changedMs = AppProcess.since(t);
                    lines.add(String.format(Locale.ROOT, "replacing it with another %,d-person map: %.0f ms%n      %s",
                            big, changedMs, phases(app)));
                } catch (IOException e) {
                    // An app that ran out of memory exits; the other app's steps still run.
                    lines.add(String.format(Locale.ROOT, "replacing it with another %,d-person map: failed after "
                            + "%.0f ms (%s); the app's log ends: %s", big, AppProcess.since(t), e.getMessage(),
                            lastLine(app)));
                }
            }
            System.out.printf(Locale.ROOT, "%nResults (load at the end: %s)%n", AppProcess.loadAverage());
            results.forEach((name, lines) -> {
                System.out.println("  " + name);
                lines.forEach(l -> System.out.println("    " + l));
            });
        } finally {
            for (App app : apps) {
                if (app.process.isAlive()) {
                    app.process.stop();
                }
                app.process.deleteData();
            }
        }
    }

    /** A system property, else the environment variable of that name in capitals (BENCH_BASELINE). */
    private static String setting(String name, String otherwise) {
        String env = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_'));
        return System.getProperty(name, env == null ? otherwise : env);
    }

    private static App app(String name, String classes) throws IOException {
        AppProcess process = new AppProcess("innercircle-import-bench", List.of("-Xmx2g",
                "-XX:+ExitOnOutOfMemoryError"), "--innercircle.embedded.page-cache=512m",
                "--logging.level.io.innercircle.bundle=info", "--logging.level.io.innercircle.history=debug");
        if (classes != null) {
            process.classPath(AppProcess.withClasses(classes));
        }
        System.out.println(name + ": log " + process.log);
        return new App(name, process);
    }

    /**
     * Every app idle, not only the one about to be timed: the other app's background work (the analysis of the map
     * it just imported) would otherwise run during this one's import and count against it.
     */
    private static void awaitIdle(List<App> apps) throws Exception {
        for (App app : apps) {
            AppProcess.awaitIdle(app.process.pid());
        }
    }

    private static void importBundle(App app, Bundle bundle) throws Exception {
        app.process.importBundle(app.bearer, bundle);
    }

    /** The phase times the app logged since the last call, from its last import. */
    private static String phases(App app) throws IOException {
        String text;
        try (RandomAccessFile f = new RandomAccessFile(app.process.log.toFile(), "r")) {
            f.seek(app.logRead);
            byte[] bytes = new byte[(int) (f.length() - app.logRead)];
            f.readFully(bytes);
            app.logRead = f.length();
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        List<String> wanted = text.lines().filter(l -> l.contains("Imported bundle") || l.contains("History of"))
                .map(l -> l.replaceAll("^.*? : ", "")).toList();
        // The last import's lines: its history line comes before its import line.
        List<String> last = wanted.size() <= 2 ? wanted : wanted.subList(wanted.size() - 2, wanted.size());
        return String.join("\n      ", last);
    }

    /** The last line the app wrote to its log (why it stopped, when it did). */
    private static String lastLine(App app) throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(app.process.log, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "(empty)" : lines.get(lines.size() - 1);
    }
}
