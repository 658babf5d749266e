package io.innercircle.map.internal;

import io.innercircle.map.FocusPeople;
import io.innercircle.map.FocusedMaps;
import io.innercircle.map.ItemId;
import io.innercircle.map.OpportunityReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Runs the political map's reads once, in the background, when the app is ready. The first whole-account map
 * after a start waited about 2.4 s longer than the next one, whatever the account's size (11 people or 2,000):
 * Neo4j plans each distinct Cypher query on its first run and the JVM compiles the code that maps its rows. Done
 * here, a rep's first map is answered as fast as later ones. The reads run on one opportunity of the database, or
 * on none (a query is planned even when it finds nothing); a failure is logged and changes nothing.
 */
@Component
class MapReadsWarmUp {

    private static final Logger log = LoggerFactory.getLogger(MapReadsWarmUp.class);

    private final Neo4jClient neo4j;
    private final OpportunityReads opportunityReads;
    private final FocusedMaps focused;
    private final FocusPeople focusPeople;
    private final boolean enabled;

    MapReadsWarmUp(Neo4jClient neo4j, OpportunityReads opportunityReads, FocusedMaps focused,
                   FocusPeople focusPeople, @Value("${innercircle.map.warm-up:true}") boolean enabled) {
        this.neo4j = neo4j;
        this.opportunityReads = opportunityReads;
        this.focused = focused;
        this.focusPeople = focusPeople;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                long started = System.nanoTime();
                int people = warmUp();
                log.info("Ran the political map's reads once ({} people) in {} ms, so that the first map a rep opens "
                        + "does not wait for their planning", people, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Could not run the political map's reads ahead of the first request: {}", e.toString());
            }
        }, "map-reads-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The whole-account map, the deal's focus and the account's shape of one opportunity (the smallest account's
     * first, or a made-up one when there is none).
     * @return the people read in the whole-account map
     */
    int warmUp() {
        String smallest = neo4j.query("""
                        MATCH (o:Opportunity)
                        WITH o, COUNT { (:Stakeholder {account: o.account}) } AS people
                        RETURN o.account + '/' + o.key AS id ORDER BY people, id LIMIT 1""")
                .fetchAs(String.class).first().orElse("warm-up/none");
        ItemId id = ItemId.parse("opportunity", smallest);
        int people = opportunityReads.politicalMap(id).map(m -> m.people().size()).orElse(0);
        Set<String> deal = focusPeople.dealFocus(id, 0).orElse(Set.of());
        focused.politicalMap(id, deal);
        focused.shape(id.account());
        return people;
    }
}
