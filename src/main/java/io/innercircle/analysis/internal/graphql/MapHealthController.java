package io.innercircle.analysis.internal.graphql;

import io.innercircle.analysis.internal.graphql.AnalysisLookups.Deal;
import io.innercircle.analysis.internal.graphql.Views.HealthView;
import io.innercircle.analysis.health.HealthParameters;
import io.innercircle.map.Opportunity;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.LocalDate;

/** Warnings about the map of one opportunity. */
@Controller
class MapHealthController {

    private final AnalysisLookups lookups;

    MapHealthController(AnalysisLookups lookups) {
        this.lookups = lookups;
    }

    @QueryMapping
    HealthView mapHealth(@Argument String opportunity, @Argument Integer staleAfterDays, @Argument LocalDate asOf) {
        return lookups.deal("opportunity", opportunity).map(d -> health(d, staleAfterDays, asOf)).orElse(null);
    }

    @SchemaMapping(typeName = "Opportunity")
    HealthView health(Opportunity opportunity, @Argument Integer staleAfterDays, @Argument LocalDate asOf) {
        return health(lookups.deal(opportunity), staleAfterDays, asOf);
    }

    private HealthView health(Deal deal, Integer staleAfterDays, LocalDate asOf) {
        HealthParameters parameters = new HealthParameters(asOf == null ? lookups.today() : asOf,
                AnalysisLookups.range("staleAfterDays", staleAfterDays, 1, 3650,
                        HealthParameters.DEFAULT_STALE_AFTER_DAYS));
        String account = deal.opportunity().account();
        return new HealthView(deal.opportunity(), parameters.today(), parameters.staleAfterDays(),
                deal.analysis().health(deal.opportunity().key(), parameters).warnings().stream()
                        .map(w -> Views.warning(account, deal.analysis().network(), w)).toList());
    }
}
