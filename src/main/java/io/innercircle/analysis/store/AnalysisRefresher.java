package io.innercircle.analysis.store;

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
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the stored analysis in step with the map. After a write commits, the account's analysis is recomputed
 * (incrementally: centralities only when a person or a line changed) and written with its version by
 * {@link AnalysisStore}, which never lets an older result replace a newer one, whichever instance computed it.
 *
 * <p>Small maps (up to {@code innercircle.analysis.store.sync-max-people} people) are refreshed before the write
 * returns to its caller, so a rep's next read is current; bigger ones on a background thread, and reads serve
 * the previous result meanwhile, marked stale. Several changes to one account while a refresh is queued coalesce
 * into one refresh of the latest version.
 */
@Component
public class AnalysisRefresher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnalysisRefresher.class);

    private final AnalysisCache cache;
    private final AnalysisStore store;
    private final Clock clock;
    private final int syncMaxPeople;
    private final ExecutorService executor;
    private final Map<String, CompletableFuture<Void>> queued = new ConcurrentHashMap<>();

    public AnalysisRefresher(AnalysisCache cache, AnalysisStore store, Optional<Clock> clock,
                             @Value("${innercircle.analysis.store.sync-max-people:0}") int syncMaxPeople,
                             @Value("${innercircle.analysis.store.threads:1}") int threads) {
        this.cache = cache;
        this.store = store;
        this.clock = clock.orElse(Clock.systemUTC());
        this.syncMaxPeople = syncMaxPeople;
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "analysis-refresher");
            t.setDaemon(true);
            return t;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void mapChanged(MapChanged change) {
        boolean small = cache.peek(change.account())
                .map(e -> e.analysis().network().size() <= syncMaxPeople).orElse(true);
        cache.outdate(change.account());
        CompletableFuture<Void> refresh = refreshLater(change.account());
        if (small) {
            try {
                refresh.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("The analysis of account {} is not refreshed yet: {}", change.account(), e.toString());
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
    void mapChangeRolledBack(MapChanged change) {
        cache.outdate(change.account());
    }

    /** Maps up to this many people are refreshed before the write returns. */
    public int syncMaxPeople() {
        return syncMaxPeople;
    }

    /** Queues a refresh of the account, unless one is queued and not started yet (it will read the latest map). */
    public CompletableFuture<Void> refreshLater(String account) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> waiting = queued.putIfAbsent(account, mine);
        if (waiting != null) {
            return waiting;
        }
        executor.execute(() -> {
            // Out of the queue before reading the map: a change committed from now on queues its own refresh.
            queued.remove(account, mine);
            try {
                refreshNow(account);
                mine.complete(null);
            } catch (RuntimeException e) {
                log.warn("Could not refresh the analysis of account {}", account, e);
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
        return store.write(analysis.get(), LocalDate.now(clock));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
