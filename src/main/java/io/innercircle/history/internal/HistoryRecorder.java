package io.innercircle.history.internal;

import io.innercircle.map.MapChanged;
import io.innercircle.security.AccountAccess;
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

    /** What the last recording cost: facts compared, changes written, milliseconds to read and to write. */
    record Timing(boolean scoped, int facts, int changes, long readMs, long writeMs) {}

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
        // An edit says which nodes it touched: compare only those and the lines at them. Otherwise (an import,
        // a write that does not say) compare the whole map.
        Optional<Map<String, Fact>> around = change.touched() == null ? Optional.empty()
                : facts.readAround(account, change.touched());
        Map<String, Fact> now = around.orElseGet(() -> facts.read(account));
        Map<String, String> recorded = new HashMap<>();
        (around.isPresent()
                ? neo4j.query("""
                        MATCH (h:HistoryFact {account: $account}) WHERE h.fact IN $ids RETURN h.fact AS fact, h.hash AS hash
                        UNION MATCH (h:HistoryFact {account: $account}) WHERE h.from IN $ids RETURN h.fact AS fact, h.hash AS hash
                        UNION MATCH (h:HistoryFact {account: $account}) WHERE h.to IN $ids RETURN h.fact AS fact, h.hash AS hash""")
                .bindAll(Map.of("account", account, "ids", withAccount(change.touched())))
                : neo4j.query("""
                        MATCH (h:HistoryFact {account: $account})
                        RETURN h.fact AS fact, h.hash AS hash""")
                .bind(account).to("account"))
                .fetch().all().forEach(row -> recorded.put((String) row.get("fact"), (String) row.get("hash")));
        long read = System.nanoTime();

        List<Map<String, Object>> upserts = new ArrayList<>();
        List<String> changedOrRemoved = new ArrayList<>();
        Map<String, String> afterJson = new HashMap<>();
        for (Fact f : now.values()) {
            String json = FactCodec.write(f);
            String hash = FactCodec.hash(json);
            String old = recorded.remove(f.id());
            if (!hash.equals(old)) {
                Map<String, Object> upsert = new HashMap<>();
                upsert.put("fact", f.id());
                upsert.put("hash", hash);
                upsert.put("json", json);
                upsert.put("from", f.from());
                upsert.put("to", f.to());
                upserts.add(upsert);
                afterJson.put(f.id(), json);
                if (old != null) {
                    changedOrRemoved.add(f.id());
                }
            }
        }
        List<String> removed = List.copyOf(recorded.keySet());
        changedOrRemoved.addAll(removed);
        if (upserts.isEmpty() && removed.isEmpty()) {
            return;
        }
        Map<String, String> beforeJson = new HashMap<>();
        if (!changedOrRemoved.isEmpty()) {
            neo4j.query("""
                            MATCH (h:HistoryFact {account: $account}) WHERE h.fact IN $facts
                            RETURN h.fact AS fact, h.json AS json""")
                    .bindAll(Map.of("account", account, "facts", changedOrRemoved)).fetch().all()
                    .forEach(row -> beforeJson.put((String) row.get("fact"), (String) row.get("json")));
        }
        List<String> changes = new ArrayList<>();
        afterJson.forEach((id, json) -> changes.add(ChangeEntry.write(id, beforeJson.get(id), json)));
        removed.forEach(id -> changes.add(ChangeEntry.write(id, beforeJson.get(id), null)));
        changes.sort(null);

        neo4j.query("""
                        CALL () { UNWIND $upserts AS u
                                  MERGE (h:HistoryFact {account: $account, fact: u.fact})
                                  SET h.hash = u.hash, h.json = u.json, h.from = u.from, h.to = u.to }
                        CALL () { UNWIND $removed AS f
                                  MATCH (h:HistoryFact {account: $account, fact: f}) DELETE h }
                        CREATE (:ChangeSet {account: $account, version: $version, at: $at, by: $by,
                                            changes: $changes, size: size($changes)})""")
                .bindAll(Map.of("account", account, "upserts", upserts, "removed", removed,
                        "version", change.version(), "at", ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC),
                        "by", access.who(), "changes", changes))
                .run();
        long done = System.nanoTime();
        last = new Timing(around.isPresent(), now.size(), changes.size(), (read - start) / 1_000_000, (done - read) / 1_000_000);
        log.debug("History of '{}' v{}: {} facts, {} changed, read {} ms, written {} ms", account, change.version(),
                now.size(), changes.size(), (read - start) / 1_000_000, (done - read) / 1_000_000);
    }
}
