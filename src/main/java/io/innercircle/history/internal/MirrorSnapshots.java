package io.innercircle.history.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Finds an account's mirror snapshot and keeps recent ones parsed, so that an edit right after an import looks its
 * facts up in memory. Cached by the snapshot's own id, a random UUID written once and never updated: whatever
 * another instance wrote since has another id, so a cached snapshot is never out of date (a snapshot of a
 * transaction that rolled back is never asked for again and ages out). Bounded by the characters held
 * ({@code innercircle.history.mirror-cache-chars}).
 */
@Component
class MirrorSnapshots {

    private static final Logger log = LoggerFactory.getLogger(MirrorSnapshots.class);

    private final Neo4jClient neo4j;
    private final long maxChars;
    private final Cache<String, MirrorSnapshot> parsed;

    /**
     * @param maxChars the bound, in characters of fact text plus 160 per fact: the default, 100 million (about
     *                 150 MB of heap at most, with the objects around the text), holds about twenty 2,000-person
     *                 maps (4.8 million each, 7.5 MB of heap with its line index), or one of about 30,000 people,
     *                 about the largest a bundle within its size limit carries
     */
    MirrorSnapshots(Neo4jClient neo4j, @Value("${innercircle.history.mirror-cache-chars:100000000}") long maxChars) {
        this.neo4j = neo4j;
        this.maxChars = maxChars;
        // Evictions on the caller's thread: by default Caffeine runs them later on the common pool, and until then
        // a snapshot heavier than the cache would still be served from it.
        this.parsed = Caffeine.newBuilder().maximumWeight(maxChars).executor(Runnable::run)
                .weigher((String id, MirrorSnapshot s) -> s.weight()).build();
    }

    /** The account's snapshot, or {@link MirrorSnapshot#EMPTY} when its mirror has none (only entries). */
    MirrorSnapshot of(String account) {
        String id = neo4j.query("MATCH (s:HistorySnapshot {account: $account}) RETURN s.id")
                .bind(account).to("account").fetchAs(String.class).first().orElse(null);
        if (id == null) {
            return MirrorSnapshot.EMPTY;
        }
        return parsed.get(id, key -> warnIfTooBig(MirrorSnapshot.unpack(key, neo4j.query("""
                        MATCH (s:HistorySnapshot {account: $account, id: $id}) RETURN s.packed AS packed""")
                .bindAll(Map.of("account", account, "id", key)).fetch().one()
                .map(row -> (byte[]) row.get("packed")).orElseThrow())));
    }

    /** A snapshot just written: the next edit finds it parsed. */
    void keep(MirrorSnapshot snapshot) {
        parsed.put(snapshot.id(), warnIfTooBig(snapshot));
    }

    /** A snapshot heavier than the whole cache is evicted at once: every edit of its map would read it again. */
    private MirrorSnapshot warnIfTooBig(MirrorSnapshot snapshot) {
        if (snapshot.weight() > maxChars) {
            log.warn("The history snapshot of a map of {} facts weighs {} characters, more than the cache holds "
                    + "(innercircle.history.mirror-cache-chars = {}): each edit of that map reads and parses it "
                    + "again; raise the setting", snapshot.size(), snapshot.weight(), maxChars);
        }
        return snapshot;
    }

    /** Forgets every parsed snapshot, as a new instance would start (tests of the cold path). */
    void forgetAll() {
        parsed.invalidateAll();
    }
}
