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

    /**
     * A route of at most {@link #MAX_ROUTE_LINES} lines passes on at least this much of an opinion (each line at least
     * a third; a hair less allows for rounding), so the search for one can stop there.
     */
    static final double MIN_ROUTE_STRENGTH = Math.pow(1 / 3.0, MAX_ROUTE_LINES) * (1 - 1e-9);

    /** Keys of the people a deal-focused map draws; the deal must exist in the analysed account. */
    public static Set<String> people(AnalysedAccount analysis, String dealKey, int hops) {
        AccountNetwork graphs = analysis.network();
        DealContext deal = analysis.deal(dealKey);
        Set<String> focus = new LinkedHashSet<>(deal.deal().involvements().stream()
                .map(i -> i.stakeholder()).toList());
        Set<String> candidates = new LinkedHashSet<>();
        analysis.innerCircle().candidates().stream().map(PersonInfluence::key).forEach(candidates::add);
        Set<String> involved = Set.copyOf(focus);
        focus.addAll(candidates);
        // Routes lead to the key players among those people only, and bring in the allies that start them: an
        // account-wide list of people someone on our team knows well (or of Inner Circle people the rep marked
        // for the whole account) would turn a 40-person deal into hundreds of boxes.
        List<String> allies = deal.allies().stream().map(Ally::key).toList();
        if (!allies.isEmpty()) {
            Set<String> allySet = Set.copyOf(allies);
            InfluencePathFinder paths = analysis.paths(dealKey);
            targets(graphs, deal, involved, candidates).stream().filter(k -> !allySet.contains(k))
                    .limit(MAX_ROUTE_TARGETS)
                    // Only a short route joins, so the search stops at the weakest a short route can be: the same
                    // route as an unbounded search whenever it is short, without walking the whole account.
                    .forEach(target -> paths.bestFrom(allies, target, MIN_ROUTE_STRENGTH)
                            .filter(p -> p.people().size() - 1 <= MAX_ROUTE_LINES)
                            .ifPresent(p -> focus.addAll(p.people())));
        }
        widen(graphs, focus, hops);
        return focus;
    }

    /**
     * The deal's key players ({@link DealContext#keyPlayers()}, in its order) who are in the focus: the involved
     * ones, then the Inner Circle candidates not involved, in map order. Asked only of those people, not of
     * everyone in the account (each question looks the person up in the Inner Circle report).
     */
    private static List<String> targets(AccountNetwork graphs, DealContext deal, Set<String> involved,
                                        Set<String> candidates) {
        List<String> targets = new ArrayList<>();
        deal.deal().involvements().stream().map(i -> i.stakeholder()).distinct()
                .filter(deal::keyPlayer).forEach(targets::add);
        graphs.people().keySet().stream()
                .filter(k -> candidates.contains(k) && !involved.contains(k) && deal.innerCircle(k))
                .forEach(targets::add);
        return targets;
    }

    /**
     * Adds everyone within {@code hops} influence lines of the focus, in either direction, then everyone's chain of
     * managers (so that each box hangs in its reporting tree).
     */
    static void widen(AccountNetwork graphs, Set<String> focus, int hops) {
        Set<String> frontier = new LinkedHashSet<>(focus);
        for (int round = 0; round < hops && !frontier.isEmpty(); round++) {
            Set<String> next = new LinkedHashSet<>();
            for (String key : frontier) {
                graphs.listenersOf(key).stream().filter(focus::add).forEach(next::add);
                graphs.influencersOf(key).stream().filter(focus::add).forEach(next::add);
            }
            frontier = next;
        }
        // A manager already in the focus has had (or will have) their own chain walked.
        for (String key : new ArrayList<>(focus)) {
            Optional<String> manager = graphs.manager(key);
            while (manager.isPresent() && focus.add(manager.get())) {
                manager = graphs.manager(manager.get());
            }
        }
    }
}
