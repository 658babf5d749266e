package io.innercircle.map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
        long version = next(account, true);
        events.publishEvent(new MapChanged(account, version));
        return version;
    }

    /**
     * For a write that changed no person and no reporting or influence line (a status, roles, a contact, an
     * opportunity, an assessment, a plan): the analysis keeps its centralities and its Inner Circle report, and
     * says so at once instead of answering stale until a recompute. Declaring a write so when it did change one of
     * them would serve an Inner Circle of the map as it was: when in doubt, use {@link #bump(String)}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long bumpKeepingStructure(String account) {
        long version = next(account, false);
        events.publishEvent(new MapChanged(account, version).keepingStructure());
        return version;
    }

    /**
     * {@link #bumpKeepingStructure(String)} for a write that changed only these nodes, as
     * {@link #bump(String, String...)}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long bumpKeepingStructure(String account, String... touched) {
        long version = next(account, false);
        events.publishEvent(MapChanged.touching(account, version, touched).keepingStructure());
        return version;
    }

    /**
     * For a write that changed only these nodes ("Label:key") and the relationships at them, so the history
     * compares only those; the account's own properties are always compared.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long bump(String account, String... touched) {
        long version = next(account, true);
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

    /** The current version of each of the accounts that exists, in one indexed read (the live feeds poll with it). */
    @Transactional(readOnly = true)
    public Map<String, Long> versions(Collection<String> accounts) {
        Map<String, Long> versions = new LinkedHashMap<>();
        neo4j.query("""
                        UNWIND $accounts AS key
                        MATCH (a:Account {key: key})
                        RETURN a.key AS key, coalesce(a.version, 0) AS version""")
                .bind(List.copyOf(accounts)).to("accounts").fetch().all()
                .forEach(r -> versions.put((String) r.get("key"), ((Number) r.get("version")).longValue()));
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

    /**
     * The account's current version, and the version since which its people and reporting and influence lines (its
     * structure) are as they are now: an analysis of any version from {@code structureSince} on has the current
     * centralities and Inner Circle.
     */
    public record StructureStamp(long version, long structureSince) {}

    /**
     * Answers {@code version} and {@code since} (see {@link StructureStamp}) for the account {@code $key}. The
     * claim "the structure has not changed from structureSince to structureCheckedAt" holds only while
     * structureCheckedAt is the account's version: a write that bumps the version without knowing of it (a bundle
     * import, a new kind of write) voids it without having to say so.
     */
    public static final String STRUCTURE = """
            MATCH (a:Account {key: $key})
            WITH a, coalesce(a.version, 0) AS version
            RETURN version,
                   CASE WHEN a.structureCheckedAt = version THEN a.structureSince ELSE version END AS since""";

    private long next(String account, boolean structural) {
        return neo4j.query("""
                        MATCH (a:Account {key: $key})
                        WITH a, coalesce(a.version, 0) AS before
                        SET a.version = before + 1, a.updatedAt = datetime(),
                            a.structureSince = CASE WHEN $structural THEN null
                                                    WHEN a.structureCheckedAt = before THEN a.structureSince
                                                    ELSE before END,
                            a.structureCheckedAt = CASE WHEN $structural THEN null ELSE before + 1 END
                        RETURN a.version""")
                .bindAll(Map.of("key", account, "structural", structural)).fetchAs(Long.class).one().orElseThrow();
    }
}
