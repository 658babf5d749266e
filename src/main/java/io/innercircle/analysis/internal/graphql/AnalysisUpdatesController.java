package io.innercircle.analysis.internal.graphql;

import io.innercircle.analysis.internal.store.AnalysisUpdates;
import io.innercircle.analysis.internal.store.AnalysisUpdates.AnalysisUpdate;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** When an account's analysis is current ({@code analysisUpdates}); access is checked before this runs. */
@Controller
class AnalysisUpdatesController {

    private final AnalysisUpdates updates;

    AnalysisUpdatesController(AnalysisUpdates updates) {
        this.updates = updates;
    }

    @SubscriptionMapping
    Flux<AnalysisUpdate> analysisUpdates(@Argument String account) {
        return updates.updates(account);
    }
}
