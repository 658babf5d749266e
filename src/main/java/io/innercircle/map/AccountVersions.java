package io.innercircle.map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The one way a write announces itself: the account's version goes up by one and {@link MapChanged} is
 * published inside the write's transaction. Every feature that writes into an account's graph (the map edits,
 * the assessment, the plan, the CRM imports) calls this, so caches keyed by version see every change.
 */
@Component
public class AccountVersions {

    /**
     * A Cypher clause to open a query that may create the account {@code $key}: {@code recordedBefore} is the
     * version of the last change set the history recorded under that key (a purged account's stay), else 0. An
     * account purged and created again goes on from there, so its versions, and the history's, never repeat.
     */
    public static final String RECORDED_BEFORE = """
            WITH coalesce(COLLECT { MATCH (recorded:ChangeSet {account: $key})
                                    RETURN recorded.version ORDER BY recorded.version DESC LIMIT 1 }[0], 0)
                 AS recordedBefore
            """;

    private final Neo4jClient neo4j;
    private final ApplicationEventPublisher events;

    public AccountVersions(Neo4jClient neo4j, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.events = events;
    }

    /**
     * For a write that may have changed anything in the account (the history then compares the whole account).
     * Must run inside the caller's write transaction, so the bump commits or rolls back with the change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long bump(String account) {
        long version = next(account);
        events.publishEvent(new MapChanged(account, version));
        return version;
    }

    /**
     * For a write that changed only these nodes ("Label:key") and the relationships at them, so the history
     * compares only those; the account's own properties are always compared.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long bump(String account, String... touched) {
        long version = next(account);
        events.publishEvent(MapChanged.touching(account, version, touched));
        return version;
    }

    /**
     * Takes the write lock of these accounts, in key order, and answers their versions (missing accounts are
     * left out). A write calls this first, before touching any item: then every writer of an account queues on
     * the same node in the same order, and none holds an item another waits for while it waits for the account
     * (the deadlock of writes that bumped the version last). Locking again in the same transaction is free.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Long> lock(Collection<String> accounts) {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (String key : new TreeSet<>(accounts)) {
            // Setting and removing a property takes the node's write lock and leaves the node as it was.
            neo4j.query("""
                            MATCH (a:Account {key: $key})
                            SET a._locked = true REMOVE a._locked
                            RETURN coalesce(a.version, 0)""")
                    .bind(key).to("key").fetchAs(Long.class).one().ifPresent(v -> versions.put(key, v));
        }
        return versions;
    }

    /**
     * The account's version and when it was created: together they name one state of one account, even where a
     * key's versions could start again (a database restored without the history of an account since purged).
     */
    public record Stamp(long version, String createdAt) {}

    @Transactional(readOnly = true)
    public Optional<Stamp> stamp(String account) {
        return neo4j.query("""
                        MATCH (a:Account {key: $key})
                        RETURN coalesce(a.version, 0) AS version, toString(a.createdAt) AS createdAt""")
                .bind(account).to("key").fetchAs(Stamp.class)
                .mappedBy((t, r) -> new Stamp(r.get("version").asLong(),
                        r.get("createdAt").isNull() ? null : r.get("createdAt").asString()))
                .one();
    }

    private long next(String account) {
        return neo4j.query("MATCH (a:Account {key: $key}) "
                        + "SET a.version = coalesce(a.version, 0) + 1, a.updatedAt = datetime() RETURN a.version")
                .bind(account).to("key").fetchAs(Long.class).one().orElseThrow();
    }
}
