package io.innercircle.history.internal;

import io.innercircle.map.MapChanged;
import io.innercircle.security.AccountAccess;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Records every change to a map as one change set, inside the write's own transaction: every write path
 * (edits, bundle imports, and whatever later features add) publishes {@link MapChanged} there, so nothing has
 * to call the history, and a change and its record commit or roll back together. Works the same on the
 * embedded database and on an external server: it is plain Cypher, no database plugin or trigger.
 *
 * <p>How: the account's current facts ({@link FactReader}) are compared with a mirror of the facts as last
 * recorded: a snapshot of the map as its last big write left it ({@link MirrorSnapshot}, one node) with
 * HistoryFact entries laid over it, one per fact changed since (by hash; a removed one as a tombstone). Only what
 * differs is written: the changed mirror entries, or a new snapshot when a whole-map write changed much, and one
 * ChangeSet node holding, for each changed fact, its whole before and after. ChangeSets are only ever created,
 * never updated or deleted; the mirror is a cache of the latest state, not history.
 */
@Component
class HistoryRecorder {

    private static final Logger log = LoggerFactory.getLogger(HistoryRecorder.class);

    private final Neo4jClient neo4j;
    private final FactReader facts;
    private final AccountAccess access;
    private final Clock clock;
    private final MirrorSnapshots snapshots;

    /**
     * From this many changes a whole-map write becomes the mirror's new snapshot: below it, entries are fewer
     * nodes than the snapshot's text is worth rewriting.
     */
    static final int SNAPSHOT_FROM = 512;

    HistoryRecorder(Neo4jClient neo4j, FactReader facts, AccountAccess access, Clock clock,
                    MirrorSnapshots snapshots) {
        this.neo4j = neo4j;
        this.facts = facts;
        this.access = access;
        this.clock = clock;
        this.snapshots = snapshots;
    }

    private static List<String> withAccount(Set<String> nodes) {
        List<String> ids = new ArrayList<>(nodes);
        ids.add("Account");
        return ids;
    }

    /**
     * What the last recording cost: facts compared, changes written, milliseconds to read and to write; scoped
     * when only what an edit touched was read, told when a replace said what it wrote and the map was not read.
     */
    record Timing(boolean scoped, boolean told, int facts, int changes, long readMs, long writeMs) {}

    private volatile Timing last;

    Timing last() {
        return last;
    }

    /** After the write guard (order 0): a refused write is not recorded. */
    @EventListener
    @Order(10)
    void record(MapChanged change) {
        long start = System.nanoTime();
        String account = change.account();
        // An edit says which nodes it touched: compare only those and the lines at them. A replace says what it
        // wrote: compare that, without reading the map back. Otherwise (a merge import, a write that does not
        // say) read and compare the whole map.
        Optional<Map<String, Fact>> around = change.touched() == null ? Optional.empty()
                : facts.readAround(account, change.touched());
        Optional<Map<String, Fact>> told = change.written() == null ? Optional.empty()
                : facts.readReplaced(account, change.written());
        if (change.written() != null && told.isEmpty()) {
            log.info("The replace of '{}' v{} wrote more than it says; its history reads the whole map", account,
                    change.version());
        }
        Map<String, Fact> now = around.or(() -> told).orElseGet(() -> facts.read(account));
        long mapRead = System.nanoTime();
        MirrorSnapshot snapshot = snapshots.of(account);
        Map<String, Object> params = new HashMap<>();
        params.put("account", account);
        String mirror;
        if (around.isPresent()) {
            params.put("ids", withAccount(change.touched()));
            mirror = """
                    MATCH (h:HistoryFact {account: $account}) WHERE h.fact IN $ids
                    RETURN h.fact AS fact, h.hash AS hash, elementId(h) AS id
                    UNION MATCH (h:HistoryFact {account: $account}) WHERE h.from IN $ids
                    RETURN h.fact AS fact, h.hash AS hash, elementId(h) AS id
                    UNION MATCH (h:HistoryFact {account: $account}) WHERE h.to IN $ids
                    RETURN h.fact AS fact, h.hash AS hash, elementId(h) AS id""";
        } else {
            mirror = """
                    MATCH (h:HistoryFact {account: $account})
                    RETURN h.fact AS fact, h.hash AS hash, elementId(h) AS id""";
        }
        // The mirror's nodes are written below by element id, read here in the same transaction: each seek on the
        // (account, fact) index copies the set of every node the transaction has deleted, and after a whole-map
        // replace (thousands of nodes deleted, tens of thousands of mirror entries changed) one seek per row cost
        // time quadratic in the change and, one cursor per row held until the statement ended, more than 2 GB.
        // (account, fact) is not a uniqueness constraint (that made a replace quadratic, see migration 022): a
        // second entry for one fact can only come from a write that skipped its account's lock. It is removed with
        // the next change written, and the fact compared against the entry kept.
        Map<String, Mirrored> entries = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (Record row : run(mirror, params)) {
            Mirrored twice = entries.put(row.get(0).asString(),
                    new Mirrored(row.get(1).isNull() ? null : row.get(1).asString(), row.get(2).asString()));
            if (twice != null) {
                duplicates.add(twice.node());
            }
        }
        if (!duplicates.isEmpty()) {
            log.warn("The history mirror of '{}' holds {} fact(s) twice; the extra entries go with this change",
                    account, duplicates.size());
        }
        // The snapshot's facts compared: those at the touched nodes, or all of them. An entry overrides them.
        Collection<String> inSnapshot = around.isPresent() ? snapshot.around(withAccount(change.touched()))
                : snapshot.factIds();
        Set<String> overridden = new HashSet<>(entries.keySet());
        long read = System.nanoTime();

        // New facts are created, changed ones updated in place: no existence check for what cannot exist yet
        // (the account is locked by the write, so nobody else records it meanwhile).
        List<Write> created = new ArrayList<>();
        List<Write> updated = new ArrayList<>();
        List<String> deleted = new ArrayList<>(duplicates);
        Map<String, String> afterJson = new HashMap<>();
        Map<String, String> beforeJson = new HashMap<>();
        Map<String, String> beforeInNode = new HashMap<>();
        Map<String, MirrorSnapshot.Entry> whole = around.isPresent() ? null : new HashMap<>(now.size() * 2);
        for (Fact f : now.values()) {
            String json = FactCodec.write(f);
            if (whole != null) {
                whole.put(f.id(), new MirrorSnapshot.Entry(f.from(), f.to(), json));
            }
            Mirrored entry = entries.remove(f.id());
            MirrorSnapshot.Entry base = snapshot.get(f.id());
            if (entry != null) {
                if (entry.hash() != null) {
                    if (FactCodec.hash(json).equals(entry.hash())) {
                        continue;
                    }
                    beforeInNode.put(f.id(), entry.node());
                }
                updated.add(new Write(f.id(), json, f.from(), f.to(), entry.node()));
            } else if (base == null) {
                created.add(new Write(f.id(), json, f.from(), f.to(), null));
            } else if (!base.json().equals(json)) {
                beforeJson.put(f.id(), base.json());
                created.add(new Write(f.id(), json, f.from(), f.to(), null));
            } else {
                continue;
            }
            afterJson.put(f.id(), json);
        }
        // Removed: a live entry left over (deleted, or a tombstone where the snapshot still holds the fact), and a
        // snapshot fact no entry overrides (a tombstone).
        List<String> removed = new ArrayList<>();
        entries.forEach((id, entry) -> {
            if (entry.hash() == null) {
                return;
            }
            removed.add(id);
            beforeInNode.put(id, entry.node());
            if (snapshot.get(id) == null) {
                deleted.add(entry.node());
            } else {
                updated.add(new Write(id, null, null, null, entry.node()));
            }
        });
        for (String id : inSnapshot) {
            if (!now.containsKey(id) && !overridden.contains(id)) {
                MirrorSnapshot.Entry base = snapshot.get(id);
                removed.add(id);
                beforeJson.put(id, base.json());
                created.add(new Write(id, null, base.from(), base.to(), null));
            }
        }
        if (afterJson.isEmpty() && removed.isEmpty()) {
            last = new Timing(around.isPresent(), told.isPresent(), now.size(), 0, ms(start, read),
                    ms(read, System.nanoTime()));
            log.debug("History of '{}' v{}: {} facts, none changed, read {} ms, compared {} ms{}", account,
                    change.version(), now.size(), ms(start, read), ms(read, System.nanoTime()),
                    told.isPresent() ? "; the map as the replace told it" : "");
            return;
        }
        long compared = System.nanoTime();
        if (!beforeInNode.isEmpty()) {
            for (Record row : run("""
                    UNWIND $nodes AS id
                    MATCH (h) WHERE elementId(h) = id
                    RETURN h.fact AS fact, h.json AS json""", Map.of("nodes", List.copyOf(beforeInNode.values())))) {
                beforeJson.put(row.get(0).asString(), row.get(1).asString());
            }
        }
        List<String> changes = new ArrayList<>();
        afterJson.forEach((id, json) -> changes.add(ChangeEntry.write(id, beforeJson.get(id), json)));
        removed.forEach(id -> changes.add(ChangeEntry.write(id, beforeJson.get(id), null)));
        changes.sort(null);
        long entriesDone = System.nanoTime();

        Map<String, Object> statement = changeSet(account, change.version(), changes);
        // A big change of the whole map (an import, a replace, a purge) becomes the new snapshot and the entries
        // go: the mirror is then the map as written, in one node. Smaller changes are entries over the snapshot.
        boolean rewrite = whole != null && (changes.size() >= SNAPSHOT_FROM || now.isEmpty());
        MirrorSnapshot written = null;
        if (rewrite) {
            written = now.isEmpty() ? null : new MirrorSnapshot(UUID.randomUUID().toString(), whole);
            statement.put("snapshotId", written == null ? null : written.id());
            statement.put("snapshot", written == null ? null : written.pack());
            statement.put("snapshotSize", now.size());
            run("""
                    CALL () { MATCH (h:HistoryFact {account: $account}) DELETE h }
                    CALL () { MATCH (s:HistorySnapshot {account: $account}) DELETE s }
                    FOREACH (packed IN CASE WHEN $snapshot IS NULL THEN [] ELSE [$snapshot] END |
                      CREATE (:HistorySnapshot {account: $account, id: $snapshotId, version: $version,
                                                size: $snapshotSize, packed: packed}))
                    CREATE (:ChangeSet {account: $account, version: $version, at: $at, by: $by,
                                        changes: $changes, packed: $packed, size: $size})""", statement);
        } else {
            statement.put("created", created.stream().map(Write::row).toList());
            statement.put("updated", updated.stream().map(Write::row).toList());
            statement.put("removed", deleted);
            run("""
                    CALL () { UNWIND $removed AS id
                              MATCH (h) WHERE elementId(h) = id DELETE h }
                    CALL () { UNWIND $updated AS u
                              MATCH (h) WHERE elementId(h) = u.node
                              SET h.hash = u.hash, h.json = u.json, h.from = coalesce(u.from, h.from),
                                  h.to = coalesce(u.to, h.to) }
                    CALL () { UNWIND $created AS u
                              CREATE (h:HistoryFact {account: $account, fact: u.fact})
                              SET h.hash = u.hash, h.json = u.json, h.from = u.from, h.to = u.to }
                    CREATE (:ChangeSet {account: $account, version: $version, at: $at, by: $by,
                                        changes: $changes, packed: $packed, size: $size})""", statement);
        }
        if (written != null) {
            snapshots.keep(written);
        }
        long done = System.nanoTime();
        last = new Timing(around.isPresent(), told.isPresent(), now.size(), changes.size(), ms(start, read),
                ms(read, done));
        log.debug("History of '{}' v{}: {} facts, {} changed, read {} ms (the map {} ms), written {} ms (compared {} "
                        + "ms, change entries {} ms, statement {} ms){}{}", account, change.version(), now.size(),
                changes.size(), ms(start, read), ms(start, mapRead), ms(read, done), ms(read, compared),
                ms(compared, entriesDone), ms(entriesDone, done), rewrite ? "; the mirror's new snapshot" : "",
                told.isPresent() ? "; the map as the replace told it" : "");
    }

    private Map<String, Object> changeSet(String account, long version, List<String> changes) {
        // A null parameter sets no property: a change set has its entries either listed or packed.
        Map<String, Object> params = new HashMap<>();
        params.put("account", account);
        params.put("version", version);
        params.put("at", ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC));
        params.put("by", access.who());
        params.put("changes", StoredChanges.listed(changes));
        params.put("packed", StoredChanges.packed(changes));
        params.put("size", changes.size());
        return params;
    }

    /**
     * A mirror entry to write: the fact's text (null: a tombstone, the fact removed while the snapshot holds it),
     * its line ends, and the node to update (null: a new node).
     */
    private record Write(String fact, String json, String from, String to, String node) {
        Map<String, Object> row() {
            Map<String, Object> row = new HashMap<>();
            row.put("fact", fact);
            row.put("hash", json == null ? null : FactCodec.hash(json));
            row.put("json", json);
            row.put("from", from);
            row.put("to", to);
            row.put("node", node);
            return row;
        }
    }

    /** A mirror entry as read: the hash of the fact's text (null: a tombstone), and its node (element id). */
    private record Mirrored(String hash, String node) {}

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /**
     * Runs a statement on the driver's runner inside the write's transaction: Neo4jClient's own binding converts
     * every value of the parameters (tens of thousands of facts here) through Spring's conversion service.
     */
    private List<Record> run(String cypher, Map<String, Object> parameters) {
        Function<QueryRunner, Optional<List<Record>>> call = runner -> Optional.of(runner.run(cypher, parameters).list());
        return neo4j.delegateTo(call).run().orElseThrow();
    }
}
