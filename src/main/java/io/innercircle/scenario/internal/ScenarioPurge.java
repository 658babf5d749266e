package io.innercircle.scenario.internal;

import io.innercircle.map.OpportunityPurged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes a purged opportunity's scenarios in the purge's own transaction. Left behind, they would show up again on
 * a new opportunity given the same key, and their changes (no account key of their own) would outlive even an
 * account purge.
 */
@Component
class ScenarioPurge {

    private final ScenarioStore store;

    ScenarioPurge(ScenarioStore store) {
        this.store = store;
    }

    @EventListener
    void on(OpportunityPurged purged) {
        store.deleteOfOpportunity(purged.opportunity());
    }
}
