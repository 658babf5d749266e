package io.innercircle.analysis.internal.store;

import io.innercircle.map.AccountVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells subscribers when an account's analysis is current (GraphQL subscription {@code analysisUpdates}), so that a
 * client waiting for a big map's background refresh need not ask {@code innerCircle} again and again: each question
 * is a request served on the cores the analysis runs on.
 *
 * <p>The event comes from {@link AnalysisCache}: an analysis cached as current, whichever path computed it (the
 * background refresher, the write's own transaction for a small map, a read that computed on demand). A change made
 * through another app instance reaches this one's cache only when someone asks; so while someone here watches an
 * account, every {@code innercircle.live.poll-interval} one indexed query reads the watched accounts' versions, and
 * an account changed elsewhere is analysed in the background at once. Changes made here are not polled for: this
 * instance's refresher is already on them, and a second refresh of the same version would take the cores from it.
 */
@Component
public class AnalysisUpdates implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnalysisUpdates.class);

    /** The analysis of {@code account} is current up to {@code analysisVersion}. */
    public record AnalysisUpdate(String account, long analysisVersion) {
    }

    /** The subscribers of one account, the last version they were told of, and the last refresh asked for it. */
    private static final class Watch {
        final Sinks.Many<AnalysisUpdate> sink = Sinks.many().multicast().directBestEffort();
        int subscribers;
        long told = -1;
        volatile long requested = -1;
    }

    private final AnalysisCache cache;
    private final AnalysisRefresher refresher;
    private final AccountVersions versions;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "analysis-updates");
        t.setDaemon(true);
        return t;
    });

    AnalysisUpdates(AnalysisCache cache, AnalysisRefresher refresher, AccountVersions versions,
                    @Value("${innercircle.live.poll-interval:500ms}") Duration interval) {
        this.cache = cache;
        this.refresher = refresher;
        this.versions = versions;
        cache.onCurrent(this::current);
        // With the embedded database this instance is the only writer: its own changes are all it needs to know.
        if (cache.verifiesVersion() && !interval.isZero() && !interval.isNegative()) {
            poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The account's analysis updates from now on, until the subscriber cancels: first the analysis already current,
     * if any, then each newer one. Each subscriber sees versions only rising.
     */
    public Flux<AnalysisUpdate> updates(String account) {
        return Flux.defer(() -> {
            Watch watch = watches.compute(account, (k, w) -> {
                Watch result = w == null ? new Watch() : w;
                result.subscribers++;
                return result;
            });
            long[] last = {-1};
            // Subscribed to the events before the current state is read, so none falls between the two. Sent on
            // a thread of their own: an event is emitted by whoever cached the analysis (a write, the refresher),
            // which must not wait for a subscriber's socket.
            Flux<AnalysisUpdate> events = watch.sink.asFlux().publishOn(Schedulers.boundedElastic());
            return Flux.merge(events, Mono.fromCallable(() -> currentNow(account, watch)))
                    .filter(update -> {
                        synchronized (last) {
                            if (update.analysisVersion() <= last[0]) {
                                return false;
                            }
                            last[0] = update.analysisVersion();
                            return true;
                        }
                    })
                    .doFinally(signal -> watches.computeIfPresent(account, (k, w) -> {
                        w.subscribers--;
                        return w.subscribers <= 0 ? null : w;
                    }));
        });
    }

    /** The cached analysis when it is current, else null; an analysis is asked for if no refresh is on its way. */
    private AnalysisUpdate currentNow(String account, Watch watch) {
        Long version = versions.versions(List.of(account)).get(account);
        if (version == null) {
            return null;
        }
        AnalysisCache.Entry entry = cache.peek(account).orElse(null);
        if (entry != null && !entry.outdated() && entry.version() >= version) {
            return new AnalysisUpdate(account, entry.version());
        }
        refreshIfUnknown(account, watch, entry, version);
        return null;
    }

    private void current(String account, long version) {
        Watch watch = watches.get(account);
        if (watch == null) {
            return;
        }
        // Analyses are cached from several threads; a sink takes one emission at a time.
        synchronized (watch) {
            if (version > watch.told) {
                watch.told = version;
                watch.sink.tryEmitNext(new AnalysisUpdate(account, version));
            }
        }
    }

    void poll() {
        if (watches.isEmpty()) {
            return;
        }
        try {
            versions.versions(watches.keySet()).forEach((account, version) -> {
                Watch watch = watches.get(account);
                if (watch != null) {
                    refreshIfUnknown(account, watch, cache.peek(account).orElse(null), version);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not read the versions of the accounts whose analysis is watched", e);
        }
    }

    /**
     * Analyses the account in the background when its version is one this instance was not told of: nothing cached,
     * or a cached analysis that no change here outdated (so the change came through another instance). Once per
     * version, so that a long analysis is not queued again by every poll.
     */
    private void refreshIfUnknown(String account, Watch watch, AnalysisCache.Entry entry, long version) {
        boolean unknown = entry == null || (!entry.outdated() && entry.version() < version);
        if (unknown && version > watch.requested) {
            watch.requested = version;
            refresher.refreshLater(account);
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
