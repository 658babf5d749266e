package io.innercircle.analysis.internal.focus;

import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.deal.Ally;
import io.innercircle.analysis.deal.DealContext;
import io.innercircle.analysis.innercircle.PersonInfluence;
import io.innercircle.analysis.internal.path.InfluencePathFinder;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The people who matter to one opportunity, as the map opens on them: everyone with a buying role or a status,
 * the Inner Circle candidates, the strongest route from our allies to each key player, widened by N influence
 * lines, and then everybody's managers up to the top so the drawing stays an org chart. Computed from the
 * analysis of the account (cached by the api package), so it costs no query of its own.
 */
public final class DealFocus {

    /** Routes are searched to at most this many key players (a deal rarely has more; each route costs a search). */
    static final int MAX_ROUTE_TARGETS = 60;

    private DealFocus() {
    }

    /** Keys of the people a deal-focused map draws; the deal must exist in the analysed account. */
    public static Set<String> people(AnalysedAccount analysis, String dealKey, int hops) {
        AccountNetwork graphs = analysis.network();
        DealContext deal = analysis.deal(dealKey);
        Set<String> focus = new LinkedHashSet<>(graphs.deal(dealKey).involvements().stream()
                .map(i -> i.stakeholder()).toList());
        analysis.innerCircle().candidates().stream().map(PersonInfluence::key).forEach(focus::add);
        List<String> allies = deal.allies().stream().map(Ally::key).toList();
        focus.addAll(allies);
        if (!allies.isEmpty()) {
            InfluencePathFinder paths = analysis.paths(dealKey);
            deal.keyPlayers().stream().filter(k -> !allies.contains(k)).limit(MAX_ROUTE_TARGETS)
                    .forEach(target -> paths.bestFrom(allies, target).ifPresent(p -> focus.addAll(p.people())));
        }
        widen(graphs, focus, hops);
        // A manager already in the focus has had (or will have) their own chain walked.
        for (String key : new ArrayList<>(focus)) {
            Optional<String> manager = graphs.manager(key);
            while (manager.isPresent() && focus.add(manager.get())) {
                manager = graphs.manager(manager.get());
            }
        }
        return focus;
    }

    /** Adds everyone within {@code hops} influence lines of the focus, in either direction. */
    private static void widen(AccountNetwork graphs, Set<String> focus, int hops) {
        Set<String> frontier = new LinkedHashSet<>(focus);
        for (int round = 0; round < hops && !frontier.isEmpty(); round++) {
            Set<String> next = new LinkedHashSet<>();
            for (String key : frontier) {
                graphs.listenersOf(key).stream().filter(focus::add).forEach(next::add);
                graphs.influencersOf(key).stream().filter(focus::add).forEach(next::add);
            }
            frontier = next;
        }
    }
}
