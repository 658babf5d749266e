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
 * the Inner Circle candidates, the strongest route from our allies to each key player among them when it has at
 * most two lines (an ally on no such route stays out), widened by N influence
 * lines, and then everybody's managers up to the top so the drawing stays an org chart. Computed from the
 * analysis of the account (cached by the api package), so it costs no query of its own.
 */
public final class DealFocus {

    /** Routes are searched to at most this many key players (a deal rarely has more; each route costs a search). */
    static final int MAX_ROUTE_TARGETS = 60;

    /**
     * A route joins the focus only when it is one a rep can work: an ally who speaks to the key player, or to
     * someone who does. Longer routes stay one click away ("Best path from our allies") or a hop wider.
     */
    static final int MAX_ROUTE_LINES = 2;

    private DealFocus() {
    }

    /** Keys of the people a deal-focused map draws; the deal must exist in the analysed account. */
    public static Set<String> people(AnalysedAccount analysis, String dealKey, int hops) {
        AccountNetwork graphs = analysis.network();
        DealContext deal = analysis.deal(dealKey);
        Set<String> focus = new LinkedHashSet<>(graphs.deal(dealKey).involvements().stream()
                .map(i -> i.stakeholder()).toList());
        analysis.innerCircle().candidates().stream().map(PersonInfluence::key).forEach(focus::add);
        // Routes lead to the key players among those people only, and bring in the allies that start them: an
        // account-wide list of people someone on our team knows well (or of Inner Circle people the rep marked
        // for the whole account) would turn a 40-person deal into hundreds of boxes.
        List<String> allies = deal.allies().stream().map(Ally::key).toList();
        if (!allies.isEmpty()) {
            InfluencePathFinder paths = analysis.paths(dealKey);
            List<String> targets = deal.keyPlayers().stream()
                    .filter(k -> focus.contains(k) && !allies.contains(k)).limit(MAX_ROUTE_TARGETS).toList();
            targets.forEach(target -> paths.bestFrom(allies, target)
                    .filter(p -> p.people().size() - 1 <= MAX_ROUTE_LINES)
                    .ifPresent(p -> focus.addAll(p.people())));
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
