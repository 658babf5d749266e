package io.innercircle.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The app's own numbers for operations, next to what Spring Boot measures itself (HTTP, JVM, GraphQL requests):
 * how long analysis recomputes take, how the analysis read its maps, and how big imports are. Exposed at
 * /actuator/prometheus as {@code innercircle_analysis_recompute_seconds},
 * {@code innercircle_analysis_map_reads_total}, {@code innercircle_analysis_lag_seconds},
 * {@code innercircle_analysis_sweep_sources_total}, {@code innercircle_analysis_sweep_memory_bytes},
 * {@code innercircle_import_seconds}, {@code innercircle_import_people} and {@code innercircle_import_lines}.
 * Features call these; nothing here knows about them.
 */
@Component
public class AppMetrics {

    private final MeterRegistry registry;

    public AppMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs one analysis recompute and records its time; {@code what} names it ("inner-circle", "map-health"). */
    public <T> T timeAnalysis(String what, Supplier<T> recompute) {
        return Timer.builder("innercircle.analysis.recompute").description("Time to recompute an analysis")
                .tag("analysis", what).publishPercentileHistogram().register(registry).record(recompute);
    }

    /** Records an analysis recompute timed elsewhere. */
    public void recordAnalysis(String what, Duration took) {
        Timer.builder("innercircle.analysis.recompute").description("Time to recompute an analysis")
                .tag("analysis", what).publishPercentileHistogram().register(registry).record(took);
    }

    /**
     * Records how long after a change committed the analysis of a map holding it became current in this instance
     * (a change analysed in its own transaction is current at its commit and is not recorded). {@code structural}
     * tells influence, reporting-line and people changes (the centralities recomputed) from the others.
     */
    public void recordAnalysisLag(boolean structural, Duration lag) {
        Timer.builder("innercircle.analysis.lag")
                .description("From a change's commit until the analysis of the map with it is current")
                .tag("structural", String.valueOf(structural)).publishPercentileHistogram().register(registry)
                .record(lag);
    }

    /**
     * Counts one read of a map for its analysis: {@code read} is "patched" (only what an edit changed at its people,
     * added to the map read before) or "whole".
     */
    public void countMapRead(String read) {
        Counter.builder("innercircle.analysis.map.reads").description("Maps read for their analysis")
                .tag("read", read).register(registry).increment();
    }

    /**
     * Watches the influence sweeps of big maps: the sources searched from in fresh sweeps ({@code search="fresh"}),
     * searched from again after an edit ({@code "again"}) and left alone because a kept sweep still held their
     * searches ({@code "skipped"}), and the bytes the kept sweeps hold.
     */
    public <T> void watchSweeps(T sweeps, ToLongFunction<T> fresh, ToLongFunction<T> again,
                                ToLongFunction<T> skipped, ToLongFunction<T> bytes) {
        // Micrometer holds the watched object weakly: it must be one its owner keeps, not a lambda made here.
        sweepSources(sweeps, "fresh", fresh);
        sweepSources(sweeps, "again", again);
        sweepSources(sweeps, "skipped", skipped);
        Gauge.builder("innercircle.analysis.sweep.memory", sweeps, s -> bytes.applyAsLong(s))
                .description("Bytes held by the kept influence sweeps of big maps").baseUnit("bytes")
                .register(registry);
    }

    private <T> void sweepSources(T sweeps, String search, ToLongFunction<T> count) {
        FunctionCounter.builder("innercircle.analysis.sweep.sources", sweeps, s -> count.applyAsLong(s))
                .description("Sources the influence sweeps of big maps searched from, or skipped")
                .tag("search", search).register(registry);
    }

    /**
     * Records one import that was written: {@code source} is "bundle", "crm-contacts" or "crm-roles";
     * people and lines are what it held.
     */
    public void recordImport(String source, long people, long lines, Duration took) {
        Timer.builder("innercircle.import").description("Time to import into an account").tag("source", source)
                .register(registry).record(took);
        DistributionSummary.builder("innercircle.import.people").description("People in one import")
                .tag("source", source).register(registry).record(people);
        DistributionSummary.builder("innercircle.import.lines").description("Lines in one import")
                .tag("source", source).register(registry).record(lines);
    }
}
