package io.innercircle.analysis.internal.graphql;

import io.innercircle.analysis.AnalysisService;
import io.innercircle.analysis.internal.focus.DealFocus;
import io.innercircle.map.FocusPeople;
import io.innercircle.map.ItemId;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/** The deal focus of the map ({@link DealFocus}) from the cached analysis of the account, remembered per version. */
@Component
class DealFocusPeople implements FocusPeople {

    private final AnalysisService cache;
    private final DealFocusMemo memo;

    DealFocusPeople(AnalysisService cache, DealFocusMemo memo) {
        this.cache = cache;
        this.memo = memo;
    }

    @Override
    public Optional<Set<String>> dealFocus(ItemId opportunity, int hops) {
        return cache.analysis(opportunity.account())
                .filter(a -> a.network().deals().containsKey(opportunity.key()))
                .map(a -> memo.people(a, opportunity.key(), hops));
    }
}
