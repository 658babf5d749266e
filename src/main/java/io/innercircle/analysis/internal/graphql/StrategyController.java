package io.innercircle.analysis.internal.graphql;

import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.internal.graphql.AnalysisLookups.Deal;
import io.innercircle.analysis.internal.graphql.Views.DealStrategyView;
import io.innercircle.analysis.strategy.DealStrategy;
import io.innercircle.map.Opportunity;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Leverage / Motivate / Neutralize for the people of one opportunity. */
@Controller
class StrategyController {

    private final AnalysisLookups lookups;

    StrategyController(AnalysisLookups lookups) {
        this.lookups = lookups;
    }

    @QueryMapping
    DealStrategyView relationshipStrategies(@Argument String opportunity) {
        return lookups.deal("opportunity", opportunity).map(StrategyController::strategies).orElse(null);
    }

    @SchemaMapping(typeName = "Opportunity")
    DealStrategyView strategies(Opportunity opportunity) {
        return strategies(lookups.deal(opportunity));
    }

    private static DealStrategyView strategies(Deal deal) {
        String account = deal.opportunity().account();
        AccountNetwork network = deal.analysis().network();
        DealStrategy strategy = deal.analysis().strategy(deal.opportunity().key());
        return new DealStrategyView(deal.opportunity(),
                strategy.allies().stream().map(a -> Views.ally(account, network, a)).toList(),
                strategy.stakeholders().stream().map(s -> Views.strategy(account, network, s)).toList());
    }
}
