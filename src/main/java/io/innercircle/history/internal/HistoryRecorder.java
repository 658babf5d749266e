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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records every change to a map as one change set, inside the write's own transaction: every write path
 * (edits, bundle imports, and whatever later features add) publishes {@link MapChanged} there, so nothing has
 * to call the history, and a change and its record commit or roll back together. Works the same on the
 * embedded database and on an external server: it is plain Cypher, no database plugin or trigger.
 *
 * <p>How: the account's current facts ({@link FactReader}) are compared, by hash, with a mirror of the facts
 * as last recorded (HistoryFact nodes, one per fact). Only what differs is written: the changed mirror entries
 * and one ChangeSet node holding, for each changed fact, its whole before and after. ChangeSets are only ever
 * created, never updated or deleted; the mirror is a cache of the latest state, not history.
 */
@Component
class HistoryRecorder {

    private static final Logger log = LoggerFactory.getLogger(HistoryRecorder.class);

    private final Neo4jClient neo4j;
    private final FactReader facts;
    private final AccountAccess access;
    private final Clock clock;

    HistoryRecorder(Neo4jClient neo4j, FactReader facts, AccountAccess access, Clock clock) {
        this.neo4j = neo4j;
        this.facts = facts;
        this.access = access;
        this.clock = clock;
    }

    private static List<String> withAccount(java.util.Set<String> nodes) {
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
        Map<String, Mirrored> recorded = new HashMap<>();
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
        List<String> duplicates = new ArrayList<>();
        for (Record row : run(mirror, params)) {
            Mirrored twice = recorded.put(row.get(0).asString(),
                    new Mirrored(row.get(1).asString(), row.get(2).asString()));
            if (twice != null) {
                duplicates.add(twice.node());
            }
        }
        if (!duplicates.isEmpty()) {
            log.warn("The history mirror of '{}' holds {} fact(s) twice; the extra entries go with this change",
                    account, duplicates.size());
        }
        long read = System.nanoTime();

        // New facts are created, changed ones updated in place: no existence check for what cannot exist yet
        // (the account is locked by the write, so nobody else records it meanwhile).
        List<Map<String, Object>> created = new ArrayList<>();
        List<Map<String, Object>> updated = new ArrayList<>();
        List<String> changedOrRemovedNodes = new ArrayList<>();
        Map<String, String> afterJson = new HashMap<>();
        for (Fact f : now.values()) {
            String json = FactCodec.write(f);
            String hash = FactCodec.hash(json);
            Mirrored old = recorded.remove(f.id());
            if (old == null || !hash.equals(old.hash())) {
                Map<String, Object> upsert = new HashMap<>();
                upsert.put("fact", f.id());
                upsert.put("hash", hash);
                upsert.put("json", json);
                upsert.put("from", f.from());
                upsert.put("to", f.to());
                afterJson.put(f.id(), json);
                if (old != null) {
                    changedOrRemovedNodes.add(old.node());
                    upsert.put("node", old.node());
                    updated.add(upsert);
                } else {
                    created.add(upsert);
                }
            }
        }
        List<String> removed = List.copyOf(recorded.keySet());
        List<String> removedNodes = recorded.values().stream().map(Mirrored::node).toList();
        changedOrRemovedNodes.addAll(removedNodes);
        if (afterJson.isEmpty() && removed.isEmpty()) {
            last = new Timing(around.isPresent(), told.isPresent(), now.size(), 0, ms(start, read),
                    ms(read, System.nanoTime()));
            log.debug("History of '{}' v{}: {} facts, none changed, read {} ms, compared {} ms{}", account,
                    change.version(), now.size(), ms(start, read), ms(read, System.nanoTime()),
                    told.isPresent() ? "; the map as the replace told it" : "");
            return;
        }
        long compared = System.nanoTime();
        Map<String, String> beforeJson = new HashMap<>();
        if (!changedOrRemovedNodes.isEmpty()) {
            for (Record row : run("""
                    UNWIND $nodes AS id
                    MATCH (h) WHERE elementId(h) = id
                    RETURN h.fact AS fact, h.json AS json""", Map.of("nodes", changedOrRemovedNodes))) {
                beforeJson.put(row.get(0).asString(), row.get(1).asString());
            }
        }
        List<String> changes = new ArrayList<>();
        afterJson.forEach((id, json) -> changes.add(ChangeEntry.write(id, beforeJson.get(id), json)));
        removed.forEach(id -> changes.add(ChangeEntry.write(id, beforeJson.get(id), null)));
        changes.sort(null);
        long entries = System.nanoTime();

        run("""
                CALL () { UNWIND $removed AS id
                          MATCH (h) WHERE elementId(h) = id DELETE h }
                CALL () { UNWIND $updated AS u
                          MATCH (h) WHERE elementId(h) = u.node
                          SET h.hash = u.hash, h.json = u.json, h.from = u.from, h.to = u.to }
                CALL () { UNWIND $created AS u
                          CREATE (h:HistoryFact {account: $account, fact: u.fact})
                          SET h.hash = u.hash, h.json = u.json, h.from = u.from, h.to = u.to }
                CREATE (:ChangeSet {account: $account, version: $version, at: $at, by: $by,
                                    changes: $changes, packed: $packed, size: $size})""",
                changeSet(account, change.version(), created, updated,
                        java.util.stream.Stream.concat(removedNodes.stream(), duplicates.stream()).toList(), changes));
        long done = System.nanoTime();
        last = new Timing(around.isPresent(), told.isPresent(), now.size(), changes.size(), ms(start, read),
                ms(read, done));
        log.debug("History of '{}' v{}: {} facts, {} changed, read {} ms, written {} ms (compared {} ms, change "
                        + "entries {} ms, statement {} ms){}", account, change.version(), now.size(), changes.size(),
                ms(start, read), ms(read, done), ms(read, compared), ms(compared, entries), ms(entries, done),
                told.isPresent() ? "; the map as the replace told it" : "");
    }

    private Map<String, Object> changeSet(String account, long version, List<Map<String, Object>> created,
                                          List<Map<String, Object>> updated, List<String> removed,
                                          List<String> changes) {
        // A null parameter sets no property: a change set has its entries either listed or packed.
        Map<String, Object> params = new HashMap<>();
        params.put("account", account);
        params.put("created", created);
        params.put("updated", updated);
        params.put("removed", removed);
        params.put("version", version);
        params.put("at", ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC));
        params.put("by", access.who());
        params.put("changes", StoredChanges.listed(changes));
        params.put("packed", StoredChanges.packed(changes));
        params.put("size", changes.size());
        return params;
    }

    /** A mirror entry as read: the hash of the fact's text, and the node holding it (its element id). */
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
