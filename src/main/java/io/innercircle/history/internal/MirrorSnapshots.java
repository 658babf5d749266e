package io.innercircle.history.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Finds an account's mirror snapshot and keeps recent ones parsed, so that an edit right after an import looks its
 * facts up in memory. Cached by the snapshot's own id, a random UUID written once and never updated: whatever
 * another instance wrote since has another id, so a cached snapshot is never out of date (a snapshot of a
 * transaction that rolled back is never asked for again and ages out). Bounded by the characters held.
 */
@Component
class MirrorSnapshots {

    /** About 40 MB of text: the last few 5,000-person maps or a dozen of 2,000. */
    private static final long MAX_WEIGHT = 40_000_000;

    private final Neo4jClient neo4j;
    private final Cache<String, MirrorSnapshot> parsed = Caffeine.newBuilder().maximumWeight(MAX_WEIGHT)
            .weigher((String id, MirrorSnapshot s) -> s.weight()).build();

    MirrorSnapshots(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The account's snapshot, or {@link MirrorSnapshot#EMPTY} when its mirror has none (only entries). */
    MirrorSnapshot of(String account) {
        String id = neo4j.query("MATCH (s:HistorySnapshot {account: $account}) RETURN s.id")
                .bind(account).to("account").fetchAs(String.class).first().orElse(null);
        if (id == null) {
            return MirrorSnapshot.EMPTY;
        }
        return parsed.get(id, key -> MirrorSnapshot.unpack(key, neo4j.query("""
                        MATCH (s:HistorySnapshot {account: $account, id: $id}) RETURN s.packed AS packed""")
                .bindAll(Map.of("account", account, "id", key)).fetch().one()
                .map(row -> (byte[]) row.get("packed")).orElseThrow()));
    }

    /** A snapshot just written: the next edit finds it parsed. */
    void keep(MirrorSnapshot snapshot) {
        parsed.put(snapshot.id(), snapshot);
    }

    /** Forgets every parsed snapshot, as a new instance would start (tests of the cold path). */
    void forgetAll() {
        parsed.invalidateAll();
    }
}
