package io.innercircle.assessment.internal;

import io.innercircle.assessment.AssessmentStore;
import io.innercircle.map.ItemId;
import io.innercircle.map.OpportunityEditCheck;
import org.springframework.stereotype.Component;

/** When a map edit changes an opportunity's primary competitor, the competitors' ratings stay their own. */
@Component
class RatingsFollowCompetitors implements OpportunityEditCheck {

    private final AssessmentStore store;

    RatingsFollowCompetitors(AssessmentStore store) {
        this.store = store;
    }

    @Override
    public void primaryCompetitorChanging(ItemId opportunity, String from, String to) {
        store.primaryChanging(opportunity, from, to);
    }
}
