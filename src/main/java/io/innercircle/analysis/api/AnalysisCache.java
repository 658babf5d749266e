package io.innercircle.analysis.api;

import io.innercircle.analysis.account.AccountAnalysis;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One computed {@link AccountAnalysis} per account, kept while the account's version is unchanged. Every write
 * bumps the version, so a write anywhere (this instance, another app instance on the same cluster, a bundle
 * import) makes the next read recompute; checking the version costs one tiny query.
 */
@Service
public class AnalysisCache {

    private record Entry(long version, AccountAnalysis analysis) {}

    private final AccountGraphReader reader;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public AnalysisCache(AccountGraphReader reader) {
        this.reader = reader;
    }

    public Optional<AccountAnalysis> analysis(String account) {
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
        return reader.read(account).map(graph -> {
            AccountAnalysis analysis = AccountAnalysis.of(graph);
            entries.put(account, new Entry(graph.version(), analysis));
            return analysis;
        }).orElseThrow(() -> new IllegalStateException("account " + account + " disappeared while being read"));
    }

    /** How many accounts are cached (for tests and monitoring). */
    public int size() {
        return entries.size();
    }
}
