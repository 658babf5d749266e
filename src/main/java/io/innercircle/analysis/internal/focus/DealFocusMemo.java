package io.innercircle.analysis.internal.focus;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.innercircle.analysis.account.AnalysedAccount;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DealFocus} computed once per analysed version of an account, deal and widening: the focus depends on
 * nothing else, and on a 2,000-person account it costs hundreds of milliseconds of route searches, which every
 * opening of the map, every edit's redraw and every reload would otherwise pay again. Keyed by the analysis itself
 * (held weakly), so a newer version of the map simply starts a new entry and the old one goes with its analysis.
 */
@Component
public class DealFocusMemo {

    private final Cache<AnalysedAccount, Map<String, Set<String>>> focus = Caffeine.newBuilder()
            .weakKeys().maximumSize(256).build();

    /** {@link DealFocus#people}, remembered; the set is read-only. */
    public Set<String> people(AnalysedAccount analysis, String dealKey, int hops) {
        return focus.get(analysis, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(hops + ":" + dealKey, k -> Collections.unmodifiableSet(
                        new LinkedHashSet<>(DealFocus.people(analysis, dealKey, hops))));
    }
}
