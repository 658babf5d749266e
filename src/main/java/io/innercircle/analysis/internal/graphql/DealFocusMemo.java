package io.innercircle.analysis.internal.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.internal.focus.DealFocus;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@link DealFocus} computed once per version of an account, deal and widening: the focus depends on nothing but
 * the analysed map, and on a 2,000-person account it costs hundreds of milliseconds of route searches, which every
 * opening of the map, every reload and every redraw after an edit that changes no person or line would otherwise
 * pay again. Keyed by the account's version rather than by the analysis object, so that the same version analysed
 * again (by the background refresher, after an import) still finds it. Bounded by the people remembered in all.
 */
@Component
class DealFocusMemo {

    private record Key(String account, long version, String deal, int hops) {}

    private final Cache<Key, Set<String>> focus = Caffeine.newBuilder()
            .maximumWeight(1_000_000).weigher((Key k, Set<String> people) -> people.size() + 1).build();

    /** {@link DealFocus#people}, remembered; the set is read-only. */
    Set<String> people(AnalysedAccount analysis, String dealKey, int hops) {
        Key key = new Key(analysis.network().source().accountKey(), analysis.version(), dealKey, hops);
        return focus.get(key, k -> Collections.unmodifiableSet(
                new LinkedHashSet<>(DealFocus.people(analysis, dealKey, hops))));
    }
}
