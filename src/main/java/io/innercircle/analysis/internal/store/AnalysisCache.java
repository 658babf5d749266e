package io.innercircle.analysis.internal.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.innercircle.analysis.AnalysisService;
import io.innercircle.analysis.MapSnapshot;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.internal.centrality.SweepMemory;
import io.innercircle.database.NoExternalNeo4jCondition;
import io.innercircle.map.MapChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * One computed {@link AnalysedAccount} per account, the read-through layer in front of the stored analysis.
 * Bounded: Caffeine evicts the least used accounts once the cached maps hold more than
 * {@code innercircle.analysis.cache.max-people} people in all (each account weighs its number of people).
 *
 * <p>Two ways to notice a change. Every write in this app publishes {@code MapChanged}; the
 * {@link AnalysisRefresher} then marks the entry outdated (kept, so the next analysis
 * reuses its centralities when no line or person changed, and so a big map can be served stale meanwhile). When
 * other app instances may write to the same database (an external Neo4j server or cluster), the cache also
 * compares the stored version before each use, which costs one small query.
 * {@code innercircle.analysis.verify-version} overrides the choice.
 */
@Service
public class AnalysisCache implements AnalysisService {

    /**
     * A cached analysis; outdated once a change to the account committed after it was read. Its structure stays
     * current while those changes left every person and every reporting and influence line as they were
     * ({@code MapChanged.structural()} false): its centralities and Inner Circle are then still the map's.
     */
    public record Entry(long version, AnalysedAccount analysis, boolean outdated, boolean structureCurrent) {}

    private final MapSnapshotReader reader;
    private final boolean verifyVersion;
    private final Cache<String, Entry> entries;
    /** The last sweep of the most recently analysed big maps, so that a line edit searches from fewer people. */
    private final SweepMemory sweeps;
    /** Bumped on every change event: an analysis read before a change must not be cached as current after it. */
    private final Map<String, AtomicLong> changes = new ConcurrentHashMap<>();
    /** Per account, what each committed change touched, by version, since the cached analysis was read. */
    private final Map<String, NavigableMap<Long, Set<String>>> changeLogs = new ConcurrentHashMap<>();
    /** Stands for a change that may have touched anything in the account. */
    private static final Set<String> WHOLE_MAP = java.util.Collections.unmodifiableSet(new HashSet<>());
    private static final String STAKEHOLDER = MapChanged.node("Stakeholder", "");
    /** Beyond this many changes without an analysis, the oldest are forgotten (the next read is then whole). */
    private static final int MAX_LOGGED_CHANGES = 256;
    /** Per account and version, when each change still waiting for a current analysis committed (nanoTime). */
    private final Map<String, NavigableMap<Long, Committed>> waiting = new ConcurrentHashMap<>();

    private record Committed(long nanos, boolean structural) {}

    @Autowired
    public AnalysisCache(MapSnapshotReader reader, Environment environment,
                         @Value("${innercircle.analysis.verify-version:}") String verifyVersion,
                         @Value("${innercircle.analysis.cache.max-people:400000}") long maxPeople,
                         @Value("${innercircle.analysis.sweep-memory-mb:-1}") long sweepMemoryMb) {
        this.reader = reader;
        this.sweeps = new SweepMemory(sweepMemoryMb < 0 ? Runtime.getRuntime().maxMemory() / 8
                : sweepMemoryMb << 20);
        this.verifyVersion = verifyVersion == null || verifyVersion.isBlank()
                ? !NoExternalNeo4jCondition.isEmbedded(environment)
                : Boolean.parseBoolean(verifyVersion);
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxPeople)
                .weigher((String account, Entry e) -> e.analysis().network().size() + 1)
                .build();
    }

    public AnalysisCache(MapSnapshotReader reader, Environment environment, String verifyVersion) {
        this(reader, environment, verifyVersion, 400_000, -1);
    }

    @Override
    public Optional<AnalysedAccount> analysis(String account) {
        if (!verifyVersion) {
            Entry cached = entries.getIfPresent(account);
            if (cached != null && !cached.outdated()) {
                return Optional.of(cached.analysis());
            }
            long seen = changes(account).get();
            return read(account, cached).map(graph -> remember(graph, cached, seen));
        }
        Optional<Long> version = reader.version(account);
        if (version.isEmpty()) {
            entries.invalidate(account);
            return Optional.empty();
        }
        return Optional.of(analysis(account, version.get()));
    }

    /** The analysis for a version already known to be current (saves the version query in portfolio scans). */
    public AnalysedAccount analysis(String account, long currentVersion) {
        Entry cached = entries.getIfPresent(account);
        if (cached != null && cached.version() == currentVersion && (verifyVersion || !cached.outdated())) {
            return cached.analysis();
        }
        long seen = changes(account).get();
        return read(account, cached).map(graph -> remember(graph, cached, seen))
                .orElseThrow(() -> new IllegalStateException("account " + account + " disappeared while being read"));
    }

    /**
     * The cached analysis when its centralities and Inner Circle are the map's: current, or outdated only by
     * changes that kept the people and the reporting and influence lines (a status, a contact, roles, a plan).
     * With {@code verify-version} the account's stored structure stamp decides, so a change made through another
     * instance counts too (one small query). Never computes.
     */
    public Optional<AnalysedAccount> currentInnerCircle(String account) {
        Entry cached = entries.getIfPresent(account);
        if (cached == null) {
            return Optional.empty();
        }
        if (!verifyVersion) {
            return cached.outdated() && !cached.structureCurrent() ? Optional.empty() : Optional.of(cached.analysis());
        }
        return reader.structure(account)
                .filter(s -> s.structureSince() <= cached.version() && cached.version() <= s.version())
                .map(s -> cached.analysis());
    }

    /** Whatever is cached for the account, current or outdated; never reads or computes. */
    public Optional<Entry> peek(String account) {
        return Optional.ofNullable(entries.getIfPresent(account));
    }

    /**
     * The account's map: the cached one brought up to date with the people this instance's writes changed since
     * it was read, when every change since is known here and touched only people (a few rows, where the whole map
     * is 70 ms of reading at 2,000 people and 200 ms at 5,000); the whole map otherwise.
     */
    private Optional<MapSnapshot> read(String account, Entry cached) {
        if (cached != null) {
            Optional<MapSnapshot> patched = patched(account, cached);
            if (patched.isPresent()) {
                countRead("patched");
                return patched;
            }
        }
        countRead("whole");
        return reader.read(account);
    }

    private void countRead(String read) {
        if (metrics != null) {
            metrics.countMapRead(read);
        }
    }

    private Optional<MapSnapshot> patched(String account, Entry cached) {
        NavigableMap<Long, Set<String>> log = changeLogs.get(account);
        if (log == null) {
            return Optional.empty();
        }
        long last = cached.version();
        Set<String> people = new HashSet<>();
        for (Map.Entry<Long, Set<String>> change : log.tailMap(cached.version(), false).entrySet()) {
            if (change.getKey() != last + 1 || change.getValue() == WHOLE_MAP) {
                return Optional.empty();
            }
            people.addAll(change.getValue());
            last = change.getKey();
        }
        if (last == cached.version()) {
            return Optional.empty();
        }
        long known = last;
        // At a later version the database holds a change this instance has not been told of (yet): read it all.
        return reader.readChanges(cached.analysis().network().source(), people).filter(m -> m.version() == known);
    }

    /**
     * Notes what a committed change touched, for {@link #read}: the people it changed, or the whole map when it
     * said nothing, replaced the map, or touched anything but people. Also notes when it committed, so that the
     * wait until an analysis holding it is current can be recorded ({@code innercircle_analysis_lag_seconds}).
     */
    public void changed(MapChanged change) {
        logChange(waiting, change, new Committed(System.nanoTime(), change.structural()));
        Entry cached = entries.getIfPresent(change.account());
        if (cached != null && !cached.outdated() && cached.version() >= change.version()) {
            // A read between the commit and this event analysed the new map already.
            recordLag(change.account(), cached.version());
        }
        if (cached == null) {
            // Nothing cached to patch: the next analysis reads the whole map anyway.
            changeLogs.remove(change.account());
            return;
        }
        Set<String> people = WHOLE_MAP;
        if (change.touched() != null && change.written() == null
                && change.touched().stream().allMatch(n -> n.startsWith(STAKEHOLDER))) {
            people = change.touched().stream().map(n -> n.substring(STAKEHOLDER.length()))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
        logChange(changeLogs, change, people);
    }

    /** Notes {@code value} for the change's account and version, keeping at most the newest MAX_LOGGED_CHANGES. */
    private static <V> void logChange(Map<String, NavigableMap<Long, V>> logs, MapChanged change, V value) {
        NavigableMap<Long, V> log = logs.computeIfAbsent(change.account(), a -> new ConcurrentSkipListMap<>());
        log.put(change.version(), value);
        while (log.size() > MAX_LOGGED_CHANGES) {
            log.pollFirstEntry();
        }
    }

    private AnalysedAccount remember(MapSnapshot graph, Entry previous, long changesSeen) {
        AnalysedAccount analysis = compute(graph, previous);
        adopt(analysis, changesSeen);
        return analysis;
    }

    /**
     * Analyses a snapshot, reusing the centralities of the cached analysis when no person or line changed, and
     * records how long it took ({@code innercircle_analysis_recompute_seconds{analysis="account"}}).
     */
    public AnalysedAccount compute(MapSnapshot graph) {
        return compute(graph, entries.getIfPresent(graph.accountKey()));
    }

    private AnalysedAccount compute(MapSnapshot graph, Entry previous) {
        java.util.function.Supplier<AnalysedAccount> recompute =
                () -> AnalysedAccount.of(graph, previous == null ? null : previous.analysis(), sweeps);
        return metrics == null ? recompute.get() : metrics.timeAnalysis("account", recompute);
    }

    /** How many changes of the account this cache has been told of; give it to {@link #adopt}. */
    public long changesSeen(String account) {
        return changes(account).get();
    }

    /**
     * Caches an analysis as current, unless the account changed since {@code changesSeen} was taken (then a newer
     * map exists and this analysis must not be served as current) or a newer version is cached already.
     */
    public void adopt(AnalysedAccount analysis, long changesSeen) {
        String account = analysis.network().source().accountKey();
        if (changes(account).get() == changesSeen) {
            NavigableMap<Long, Set<String>> log = changeLogs.get(account);
            if (log != null) {
                log.headMap(analysis.version(), true).clear();
            }
            Entry kept = entries.asMap().merge(account, new Entry(analysis.version(), analysis, false, true),
                    (old, fresh) -> old.version() > fresh.version() ? old : fresh);
            if (kept.analysis() == analysis) {
                recordLag(account, analysis.version());
                BiConsumer<String, Long> listener = onCurrent;
                if (listener != null) {
                    listener.accept(account, analysis.version());
                }
            }
        }
    }

    /** The changes up to {@code version} are now answered by a current analysis: how long each waited for it. */
    private void recordLag(String account, long version) {
        NavigableMap<Long, Committed> commits = waiting.get(account);
        if (commits == null) {
            return;
        }
        long now = System.nanoTime();
        Map.Entry<Long, Committed> first;
        while ((first = commits.firstEntry()) != null && first.getKey() <= version) {
            // Removed one by one, so that two threads adopting at once never record a change twice.
            if (commits.remove(first.getKey(), first.getValue()) && metrics != null) {
                metrics.recordAnalysisLag(first.getValue().structural(),
                        java.time.Duration.ofNanos(now - first.getValue().nanos()));
            }
        }
    }

    private volatile BiConsumer<String, Long> onCurrent;

    /**
     * Told of each analysis cached as current (account, version), on the thread that computed it; for
     * {@link AnalysisUpdates}. It must return quickly.
     */
    void onCurrent(BiConsumer<String, Long> listener) {
        this.onCurrent = listener;
    }

    /** True when other app instances may write to the database, so the stored version is checked before each use. */
    boolean verifiesVersion() {
        return verifyVersion;
    }

    private io.innercircle.operations.AppMetrics metrics;

    /** Recompute times for operations (optional, so the cache also works without a meter registry). */
    @Autowired(required = false)
    void setMetrics(io.innercircle.operations.AppMetrics metrics) {
        this.metrics = metrics;
        metrics.watchSweeps(sweeps, SweepMemory::freshSources, SweepMemory::sourcesSearchedAgain,
                SweepMemory::sourcesSkipped, SweepMemory::bytes);
    }

    private AtomicLong changes(String account) {
        return this.changes.computeIfAbsent(account, a -> new AtomicLong());
    }

    /**
     * The account changed: keep its analysis as the base of the next one, but never serve it as current (nor its
     * Inner Circle, when {@code structural}: the change may have moved a person or a line).
     */
    public void outdate(String account, boolean structural) {
        changes(account).incrementAndGet();
        entries.asMap().computeIfPresent(account,
                (k, e) -> new Entry(e.version(), e.analysis(), true, e.structureCurrent() && !structural));
    }

    /** Forgets every analysis (for a database changed behind the app's back, e.g. restored from a backup). */
    public void clear() {
        changes.values().forEach(AtomicLong::incrementAndGet);
        changeLogs.clear();
        waiting.clear();
        entries.invalidateAll();
    }

    /** How many accounts are cached (for tests and monitoring). */
    public int size() {
        entries.cleanUp();
        return (int) entries.estimatedSize();
    }
}
