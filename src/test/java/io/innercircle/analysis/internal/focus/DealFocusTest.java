package io.innercircle.analysis.internal.focus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.Bundles;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.deal.Ally;
import io.innercircle.analysis.deal.DealContext;
import io.innercircle.analysis.innercircle.PersonInfluence;
import io.innercircle.analysis.internal.path.InfluencePathFinder;
import io.innercircle.support.BigAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deal focus searches routes only as far as a short route can reach: it must pick exactly the people the plain
 * definition picks (the strongest route from any ally to each key player, kept when it has at most two lines),
 * which is spelt out here the slow way and compared on generated accounts, every opportunity, 0 and 1 hop.
 */
class DealFocusTest {

    @ParameterizedTest
    @CsvSource({"focus-a, 300, 40, 11", "focus-b, 600, 60, 12", "focus-c, 900, 40, 13"})
    void picksTheSamePeopleAsTheUnboundedRouteSearch(String account, int people, int dealPeople, long seed) {
        ObjectNode bundle = BigAccounts.bundle(account, people, dealPeople, seed);
        AnalysedAccount analysis = AnalysedAccount.of(Bundles.read(bundle));
        int routesCompared = 0;
        for (String deal : analysis.network().deals().keySet()) {
            for (int hops = 0; hops <= 1; hops++) {
                Set<String> expected = slowly(analysis, deal, hops);
                Set<String> focus = DealFocus.people(analysis, deal, hops);
                assertThat(focus).as(deal + ", " + hops + " hops").containsExactlyElementsOf(expected);
            }
            routesCompared++;
        }
        assertThat(routesCompared).isGreaterThan(0);
        // The accounts do have short routes (else the comparison would prove little) and long ones left out.
        assertThat(shortRoutes).as("short routes found").isPositive();
        assertThat(longRoutes).as("routes too long to join").isPositive();
    }

    private int shortRoutes;
    private int longRoutes;

    /** The definition, without any shortcut: every key player, a full route search each. */
    private Set<String> slowly(AnalysedAccount analysis, String dealKey, int hops) {
        AccountNetwork graphs = analysis.network();
        DealContext deal = analysis.deal(dealKey);
        Set<String> focus = new LinkedHashSet<>(graphs.deal(dealKey).involvements().stream()
                .map(i -> i.stakeholder()).toList());
        analysis.innerCircle().candidates().stream().map(PersonInfluence::key).forEach(focus::add);
        List<String> allies = deal.allies().stream().map(Ally::key).toList();
        if (!allies.isEmpty()) {
            InfluencePathFinder paths = analysis.paths(dealKey);
            deal.keyPlayers().stream().filter(k -> focus.contains(k) && !allies.contains(k))
                    .limit(DealFocus.MAX_ROUTE_TARGETS).toList()
                    .forEach(target -> paths.bestFrom(allies, target).ifPresent(p -> {
                        if (p.people().size() - 1 <= DealFocus.MAX_ROUTE_LINES) {
                            shortRoutes++;
                            focus.addAll(p.people());
                        } else {
                            longRoutes++;
                        }
                    }));
        }
        // Widening by hops and adding the managers is not what this test compares: the same code as the focus.
        DealFocus.widen(graphs, focus, hops);
        return focus;
    }
}
