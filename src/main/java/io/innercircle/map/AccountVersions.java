package io.innercircle.map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place an account's version goes up: every write to a map ends here, inside its own transaction, so
 * the version bump and the {@link MapChanged} event belong to the same change as the write itself.
 */
@Component
public class AccountVersions {

    private final Neo4jClient neo4j;
    private final ApplicationEventPublisher events;

    public AccountVersions(Neo4jClient neo4j, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.events = events;
    }

    /** Sets the account's version one higher and announces it; must run inside the write's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long bump(String account) {
        long version = neo4j.query("MATCH (a:Account {key: $key}) "
                        + "SET a.version = coalesce(a.version, 0) + 1, a.updatedAt = datetime() RETURN a.version")
                .bind(account).to("key").fetchAs(Long.class).one().orElseThrow();
        events.publishEvent(new MapChanged(account, version));
        return version;
    }
}
