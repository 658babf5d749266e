package io.innercircle.plan.internal;

import io.innercircle.map.ItemId;
import io.innercircle.map.OpportunityEditCheck;
import io.innercircle.vocabulary.SalesStage;
import org.springframework.stereotype.Component;

/**
 * Holds a stage changed through updateOpportunity to the same rule as advanceStage: it may not go past outcomes
 * not met (that needs advanceStage's explicit override with a reason), and every change is recorded.
 */
@Component
class StageGate implements OpportunityEditCheck {

    private final PlanStore store;

    StageGate(PlanStore store) {
        this.store = store;
    }

    @Override
    public void stageChanging(ItemId opportunity, String from, String to) {
        store.checkEditedStage(opportunity, from == null ? null : SalesStage.valueOf(from),
                to == null ? null : SalesStage.valueOf(to));
    }
}
