package io.innercircle.analysis.api;

import io.innercircle.analysis.AccountGraph;
import io.innercircle.analysis.account.AccountAnalysis;
import io.innercircle.database.NoExternalNeo4jCondition;
import io.innercircle.map.MapChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One computed {@link AccountAnalysis} per account, kept while the account's map is unchanged.
 *
 * <p>Two ways to notice a change. Every write in this app publishes {@link MapChanged}, and the entry is dropped
 * once that write commits. When other app instances may write to the same database (an external Neo4j server or
 * cluster), the cache also compares the stored version before each use, which costs one small query; on the
 * embedded default only this app can write, so the events are enough and a cached answer costs no query.
 * {@code innercircle.analysis.verify-version} overrides the choice.
 */
@Service
public class AnalysisCache {

    private record Entry(long version, AccountAnalysis analysis) {}

    private final AccountGraphReader reader;
    private final boolean verifyVersion;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped on every change event: an analysis read before a change must not be cached after it. */
    private final Map<String, AtomicLong> changes = new ConcurrentHashMap<>();

    public AnalysisCache(AccountGraphReader reader, Environment environment,
                         @Value("${innercircle.analysis.verify-version:}") String verifyVersion) {
        this.reader = reader;
        this.verifyVersion = verifyVersion == null || verifyVersion.isBlank()
                ? !NoExternalNeo4jCondition.isEmbedded(environment)
                : Boolean.parseBoolean(verifyVersion);
    }

    public Optional<AccountAnalysis> analysis(String account) {
        if (!verifyVersion) {
            Entry cached = entries.get(account);
            if (cached != null) {
                return Optional.of(cached.analysis());
            }
            long seen = changes(account).get();
            return reader.read(account).map(graph -> remember(graph, seen));
        }
        Optional<Long> version = reader.version(account);
        if (version.isEmpty()) {
            entries.remove(account);
            return Optional.empty();
        }
        return Optional.of(analysis(account, version.get()));
    }

    /** The analysis for a version already known to be current (saves the version query in portfolio scans). */
    public AccountAnalysis analysis(String account, long currentVersion) {
        Entry cached = entries.get(account);
        if (cached != null && cached.version() == currentVersion) {
            return cached.analysis();
        }
        long seen = changes(account).get();
        return reader.read(account).map(graph -> remember(graph, seen))
                .orElseThrow(() -> new IllegalStateException("account " + account + " disappeared while being read"));
    }

    private AccountAnalysis remember(AccountGraph graph, long changesSeen) {
        AccountAnalysis analysis = AccountAnalysis.of(graph);
        if (changes(graph.accountKey()).get() == changesSeen) {
            entries.put(graph.accountKey(), new Entry(graph.version(), analysis));
        }
        return analysis;
    }

    private AtomicLong changes(String account) {
        return this.changes.computeIfAbsent(account, a -> new AtomicLong());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void mapChanged(MapChanged change) {
        changes(change.account()).incrementAndGet();
        entries.remove(change.account());
    }

    /** Forgets every analysis (for a database changed behind the app's back, e.g. restored from a backup). */
    public void clear() {
        changes.values().forEach(AtomicLong::incrementAndGet);
        entries.clear();
    }

    /** How many accounts are cached (for tests and monitoring). */
    public int size() {
        return entries.size();
    }
}
