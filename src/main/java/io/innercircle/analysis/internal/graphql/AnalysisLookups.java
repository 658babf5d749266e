package io.innercircle.analysis.internal.graphql;

import io.innercircle.analysis.internal.store.AnalysisCache;
import io.innercircle.analysis.internal.store.AnalysisRefresher;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.internal.path.InfluencePathFinder;
import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.ItemId;
import io.innercircle.map.OpportunityReads;
import io.innercircle.map.Opportunity;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** What every analysis controller resolves the same way: IDs to analysed people and deals, ranges, today. */
@Component
class AnalysisLookups {

    record Deal(Opportunity opportunity, AnalysedAccount analysis) {}

    record Person(ItemId id, AnalysedAccount analysis) {}

    private final AnalysisCache cache;
    private final AnalysisRefresher refresher;
    private final OpportunityReads opportunityReads;
    private final Clock clock;

    AnalysisLookups(AnalysisCache cache, AnalysisRefresher refresher, OpportunityReads opportunityReads,
                    Clock clock) {
        this.cache = cache;
        this.refresher = refresher;
        this.opportunityReads = opportunityReads;
        this.clock = clock;
    }

    /** The cached analysis of a map too big to refresh in the writer's thread, when a refresh is under way. */
    Optional<AnalysisCache.Entry> outdatedBigMap(String account) {
        Optional<AnalysisCache.Entry> entry = cache.peek(account)
                .filter(e -> e.outdated() && e.analysis().network().size() > Math.max(refresher.syncMaxPeople(), 1_000));
        entry.ifPresent(e -> refresher.refreshLater(account));
        return entry;
    }

    Optional<AnalysedAccount> analysis(String account) {
        return cache.analysis(account);
    }

    /** See {@link AnalysisCache#currentInnerCircle}. */
    Optional<AnalysedAccount> currentInnerCircle(String account) {
        return cache.currentInnerCircle(account);
    }

    /**
     * An analysis whose Inner Circle and people's computed influence are the map's: the cached one when only
     * statuses, roles, contacts or plans changed since it was computed (no recompute, no wait), else the current one.
     */
    Optional<AnalysedAccount> influence(String account) {
        return cache.currentInnerCircle(account).or(() -> cache.analysis(account));
    }

    Optional<Deal> deal(String field, String id) {
        ItemId opportunityId = ItemId.parse(field, id);
        return opportunityReads.opportunity(opportunityId).map(this::deal);
    }

    Deal deal(Opportunity opportunity) {
        AnalysedAccount analysis = cache.analysis(opportunity.account()).orElseThrow(
                () -> new NotFoundException("opportunity", "account", opportunity.account()));
        return new Deal(opportunity, analysis);
    }

    Person person(String field, String id) {
        ItemId personId = ItemId.parse(field, id);
        AnalysedAccount analysis = cache.analysis(personId.account())
                .filter(a -> a.network().contains(personId.key()))
                .orElseThrow(() -> new NotFoundException(field, "stakeholder", id));
        return new Person(personId, analysis);
    }

    /** Routes on the whole map, or for one deal of the same account (then never through its enemies). */
    InfluencePathFinder finder(Person person, String opportunity) {
        if (opportunity == null) {
            return person.analysis().paths();
        }
        ItemId deal = ItemId.parse("opportunity", opportunity);
        if (!deal.account().equals(person.id().account())
                || !person.analysis().network().deals().containsKey(deal.key())) {
            throw new NotFoundException("opportunity", "opportunity", opportunity);
        }
        return person.analysis().paths(deal.key());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static int range(String field, Integer value, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max + " (got " + value + ")");
        }
        return value;
    }
}
