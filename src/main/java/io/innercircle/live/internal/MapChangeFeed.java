package io.innercircle.live.internal;

import io.innercircle.history.ChangesSince;
import io.innercircle.history.ChangesSince.ChangeSetWords;
import io.innercircle.map.AccountVersions;
import io.innercircle.map.MapChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The change feed of the accounts someone is watching, taken from the database rather than from this JVM's
 * events, so that changes made by any app instance on the same Neo4j reach every subscriber: every
 * {@code innercircle.live.poll-interval} one indexed query reads the watched accounts' versions; an account whose
 * version moved has its new change sets (the history's, same transaction as the change) read and published. A
 * change committed on this instance also triggers a poll at once, so local subscribers need not wait.
 */
@Component
class MapChangeFeed implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MapChangeFeed.class);

    /** At most this many change sets are published per account per poll (a bundle import is one). */
    private static final int MAX_PER_POLL = 100;

    /** One committed change: who, what, and the account version it made. */
    record MapChange(String account, long version, String by, OffsetDateTime at, List<String> changes) {
    }

    /** The subscribers of one account and the last version they were told of. */
    private static final class Watch {
        final Sinks.Many<MapChange> sink = Sinks.many().multicast().directBestEffort();
        int subscribers;
        volatile long seen;

        Watch(long seen) {
            this.seen = seen;
        }
    }

    private final AccountVersions versions;
    private final ChangesSince history;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-map-feed");
        t.setDaemon(true);
        return t;
    });

    MapChangeFeed(AccountVersions versions, ChangesSince history,
                  @Value("${innercircle.live.poll-interval:500ms}") Duration interval) {
        this.versions = versions;
        this.history = history;
        if (!interval.isZero() && !interval.isNegative()) {
            poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The changes of one account from now on, until the subscriber cancels. */
    Flux<MapChange> changes(String account) {
        long now = versions.versions(List.of(account)).getOrDefault(account, 0L);
        Watch watch = watches.compute(account, (k, w) -> {
            Watch result = w == null ? new Watch(now) : w;
            result.subscribers++;
            return result;
        });
        return watch.sink.asFlux().doFinally(signal -> watches.computeIfPresent(account, (k, w) -> {
            w.subscribers--;
            return w.subscribers <= 0 ? null : w;
        }));
    }

    /** True while someone subscribes to the account's changes (tests wait for it before they change the map). */
    boolean watching(String account) {
        return watches.containsKey(account);
    }

    /** A change committed here: publish it now rather than at the next poll. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(MapChanged change) {
        if (watches.containsKey(change.account())) {
            poller.execute(this::poll);
        }
    }

    void poll() {
        if (watches.isEmpty()) {
            return;
        }
        try {
            Map<String, Long> current = versions.versions(watches.keySet());
            current.forEach((account, version) -> {
                Watch watch = watches.get(account);
                if (watch != null && version > watch.seen) {
                    publish(account, watch, version);
                }
            });
        } catch (RuntimeException e) {
            // The next poll tries again; a subscriber then gets every change since the last one it was told of.
            log.warn("Could not read the change feed of the watched maps", e);
        }
    }

    private void publish(String account, Watch watch, long version) {
        long last = watch.seen;
        for (ChangeSetWords set : history.changeSets(account, last, MAX_PER_POLL)) {
            if (set.version() > version) {
                break;
            }
            watch.sink.tryEmitNext(new MapChange(account, set.version(), set.by(), set.at(), set.changes()));
            last = set.version();
        }
        if (last < version) {
            // Versions the history recorded nothing for (nothing in the map differed): still a new version.
            watch.sink.tryEmitNext(new MapChange(account, version, null, null, List.of()));
        }
        watch.seen = version;
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
