package io.innercircle.analysis.internal.store;

import io.innercircle.analysis.MapSnapshot;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.map.MapChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Keeps the stored analysis in step with the map. After a write commits, the account's analysis is recomputed
 * (incrementally: centralities only when a person or a line changed) and written with its version by
 * {@link AnalysisStore}, which never lets an older result replace a newer one, whichever instance computed it.
 *
 * <p>Small maps (up to {@code innercircle.analysis.store.sync-max-people} people, 300 by default) are analysed and
 * stored inside the write's own transaction, just before it commits: the analysis commits (or rolls back) with the
 * change, and a read right after the write is current, on this instance or any other. The write holds its
 * account's lock then, so the lock order (account, then analysis state) is the one every writer uses. Bigger maps
 * are refreshed on a background thread after the commit, and reads serve the previous result meanwhile, marked
 * stale. Several changes to one account while a refresh is queued coalesce into one refresh of the latest version.
 *
 * <p>A background refresh has two steps on two threads: analysing (the cache then serves the new analysis as
 * current) and storing it (thousands of rows for a big map, seconds at 5,000 people). Storing runs on its own
 * thread so that the next edit's analysis never waits behind the previous edit's rows; results queued for storing
 * coalesce too, the newest version of each account winning.
 *
 * <p>Storing gives way to the rep: while a newer analysis of the same account is queued or under way, the store
 * waits for it (its result replaces the one waiting), and a store already writing stops and rolls back when a newer
 * edit arrives. On a 2-core machine a 5,000-person store (seconds of Neo4j work) running beside the next edit's
 * analysis made that analysis take twice as long. So that other instances, which read the stored analysis, are not
 * left behind for long by a stream of edits, a store gives way only within {@code
 * innercircle.analysis.store.defer-up-to} (10 s by default) of this instance's last completed store of the account.
 */
@Component
public class AnalysisRefresher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnalysisRefresher.class);

    private final AnalysisCache cache;
    private final AnalysisStore store;
    private final MapSnapshotReader reader;
    private final Clock clock;
    private final int syncMaxPeople;
    private final ExecutorService executor;
    private final ExecutorService storing;
    private final Map<String, CompletableFuture<Void>> queued = new ConcurrentHashMap<>();
    /** Analyses waiting for the storing thread, the newest per account, and the store queued for each account. */
    private final Map<String, AnalysedAccount> toStore = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> storeQueued = new ConcurrentHashMap<>();
    /** Analyses stored inside a write's transaction, by the write's event, to be cached once it commits. */
    private final Map<MapChanged, StoredInTransaction> storedInTransaction =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private record StoredInTransaction(AnalysedAccount analysis, long changesSeen) {}

    /** Refreshes of each account queued or running (their analysis not finished yet). */
    private final Map<String, AtomicInteger> analysing = new ConcurrentHashMap<>();
    /** When this instance last finished storing each account's analysis ({@link System#nanoTime()}). */
    private final Map<String, Long> lastStored = new ConcurrentHashMap<>();
    private final long deferUpToNanos;

    public AnalysisRefresher(AnalysisCache cache, AnalysisStore store, MapSnapshotReader reader, Clock clock,
                             @Value("${innercircle.analysis.store.sync-max-people:300}") int syncMaxPeople,
                             @Value("${innercircle.analysis.store.threads:1}") int threads,
                             @Value("${innercircle.analysis.store.defer-up-to:10s}") Duration deferUpTo) {
        this.cache = cache;
        this.store = store;
        this.reader = reader;
        this.clock = clock;
        this.syncMaxPeople = syncMaxPeople;
        this.deferUpToNanos = deferUpTo.toNanos();
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> daemon(r, "analysis-refresher"));
        // One thread: a queued store that finds nothing left to write (the one before took the newest) completes
        // only after that one has finished, so a caller waiting on it never returns before the analysis is stored.
        this.storing = Executors.newSingleThreadExecutor(r -> daemon(r, "analysis-store"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Inside the write's transaction, after everything else it wrote: a small map is read as the transaction sees
     * it, analysed and stored there. A failure of the analysis itself leaves the write alone (the background
     * refresher then tries again after the commit).
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void storeInTransaction(MapChanged change) {
        if (syncMaxPeople <= 0) {
            return;
        }
        String account = change.account();
        boolean small = cache.peek(account).map(e -> e.analysis().network().size() <= syncMaxPeople)
                .orElseGet(() -> store.people(account) <= syncMaxPeople);
        if (!small) {
            return;
        }
        // The account is locked by this write until it commits: no other change can slip in before the cache
        // adopts this analysis, except one this instance is not told of (then adopt() refuses).
        cache.outdate(account, change.structural());
        long seen = cache.changesSeen(account);
        AnalysedAccount analysis;
        try {
            Optional<MapSnapshot> snapshot = reader.read(account);
            if (snapshot.isEmpty()) {
                return;
            }
            analysis = cache.compute(snapshot.get());
        } catch (RuntimeException e) {
            log.warn("Could not analyse account {} in its write's transaction; refreshing after the commit",
                    account, e);
            return;
        }
        store.write(analysis, LocalDate.now(clock));
        storedInTransaction.put(change, new StoredInTransaction(analysis, seen));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void mapChanged(MapChanged change) {
        StoredInTransaction stored = storedInTransaction.remove(change);
        if (stored != null) {
            cache.adopt(stored.analysis(), stored.changesSeen());
            return;
        }
        cache.changed(change);
        cache.outdate(change.account(), change.structural());
        refreshLater(change.account());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
    void mapChangeRolledBack(MapChanged change) {
        storedInTransaction.remove(change);
        cache.outdate(change.account(), change.structural());
    }

    /** Maps up to this many people are analysed and stored in the write's own transaction. */
    public int syncMaxPeople() {
        return syncMaxPeople;
    }

    /**
     * Queues a refresh of the account, unless one is queued and not started yet (it will read the latest map).
     * The future completes once the analysis is stored (or a newer one was).
     */
    public CompletableFuture<Void> refreshLater(String account) {
        // Out of the queue before reading the map: a change committed from now on queues its own refresh.
        return once(queued, account, executor, () -> {
            Optional<AnalysedAccount> analysis;
            try {
                analysis = cache.analysis(account);
            } finally {
                analysing(account).decrementAndGet();
            }
            return analysis.map(this::storeLater).orElse(CompletableFuture.completedFuture(null));
        }, "refresh the analysis", () -> analysing(account).incrementAndGet());
    }

    private AtomicInteger analysing(String account) {
        return analysing.computeIfAbsent(account, a -> new AtomicInteger());
    }

    private CompletableFuture<Void> storeLater(AnalysedAccount analysis) {
        String account = analysis.network().source().accountKey();
        toStore.merge(account, analysis, AnalysisRefresher::newer);
        return once(storeQueued, account, storing, () -> {
            storeNewest(account);
            return CompletableFuture.completedFuture(null);
        }, "store the analysis", () -> { });
    }

    /** Of an analysis waiting to be stored and another of the same account, the newer (the waiting one on a tie). */
    private static AnalysedAccount newer(AnalysedAccount waiting, AnalysedAccount other) {
        return waiting.version() > other.version() ? waiting : other;
    }

    /**
     * Stores the newest analysis waiting for the account, giving way (see the class comment) to a newer analysis
     * of it that is queued or under way, for as long as the deferral allows.
     */
    private void storeNewest(String account) {
        Long last = lastStored.get(account);
        long giveWayUntil = last == null ? System.nanoTime() : last + deferUpToNanos;
        BooleanSupplier newerComing = () -> analysing(account).get() > 0 && System.nanoTime() - giveWayUntil < 0;
        while (true) {
            while (newerComing.getAsBoolean()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            AnalysedAccount newest = toStore.remove(account);
            if (newest == null) {
                return;
            }
            try {
                store.write(newest, LocalDate.now(clock), newerComing);
                lastStored.put(account, System.nanoTime());
                return;
            } catch (AnalysisStore.Superseded e) {
                // Rolled back; the newer analysis takes its place once done (or this one, if none arrives).
                toStore.merge(account, newest, AnalysisRefresher::newer);
            }
        }
    }

    /**
     * Runs {@code work} for the account on {@code executor}, unless it is queued there and not started yet: then
     * the caller shares the queued run, which reads the latest state when it starts ({@code onQueued} runs only
     * when this call queued a new run). The queue entry goes before the work starts, so that anything arriving from
     * then on queues its own run.
     */
    private static CompletableFuture<Void> once(Map<String, CompletableFuture<Void>> queue, String account,
                                                ExecutorService executor, Supplier<CompletableFuture<Void>> work,
                                                String what, Runnable onQueued) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> waiting = queue.putIfAbsent(account, mine);
        if (waiting != null) {
            return waiting;
        }
        onQueued.run();
        executor.execute(() -> {
            queue.remove(account, mine);
            try {
                work.get().whenComplete((done, failed) -> {
                    if (failed == null) {
                        mine.complete(null);
                    } else {
                        mine.completeExceptionally(failed);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Could not {} of account {}", what, account, e);
                mine.completeExceptionally(e);
            }
        });
        return mine;
    }

    /** Computes and stores the account's analysis now; true when stored (false when a newer one was there). */
    public boolean refreshNow(String account) {
        Optional<AnalysedAccount> analysis = cache.analysis(account);
        if (analysis.isEmpty()) {
            return false;
        }
        boolean written = store.write(analysis.get(), LocalDate.now(clock));
        lastStored.put(account, System.nanoTime());
        return written;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        storing.shutdownNow();
    }
}
