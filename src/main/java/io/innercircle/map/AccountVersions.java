package io.innercircle.map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a write announces itself: the account's version goes up by one and {@link MapChanged} is
 * published inside the write's transaction. Every feature that writes into an account's graph (the map edits,
 * the assessment, the plan, the CRM imports) calls this, so caches keyed by version see every change.
 */
@Component
public class AccountVersions {

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

    private long next(String account) {
        return neo4j.query("MATCH (a:Account {key: $key}) "
                        + "SET a.version = coalesce(a.version, 0) + 1, a.updatedAt = datetime() RETURN a.version")
                .bind(account).to("key").fetchAs(Long.class).one().orElseThrow();
    }
}
