package io.innercircle.analysis.account;

import io.innercircle.analysis.AccountGraph;
import io.innercircle.analysis.AccountGraphs;
import io.innercircle.analysis.centrality.Centralities;
import io.innercircle.analysis.centrality.InfluenceCentralities;
import io.innercircle.analysis.deal.DealContext;
import io.innercircle.analysis.health.HealthParameters;
import io.innercircle.analysis.health.MapHealth;
import io.innercircle.analysis.health.MapHealthReport;
import io.innercircle.analysis.innercircle.InnerCircleAnalysis;
import io.innercircle.analysis.innercircle.InnerCircleParameters;
import io.innercircle.analysis.innercircle.InnerCircleReport;
import io.innercircle.analysis.path.InfluencePathFinder;
import io.innercircle.analysis.strategy.DealStrategy;
import io.innercircle.analysis.strategy.RelationshipStrategies;

/**
 * Everything computed for one account version, in one immutable object: the unit to cache by (account, version).
 * The projection, the centralities and the Inner Circle report are computed once here; per-deal strategies,
 * health and routes are derived on demand from them, since they are cheap and depend on the deal (and on today).
 */
public final class AccountAnalysis {

    private final AccountGraphs graphs;
    private final Centralities centralities;
    private final InnerCircleReport innerCircle;
    private final InfluencePathFinder paths;

    private AccountAnalysis(AccountGraph graph, InnerCircleParameters parameters) {
        this.graphs = AccountGraphs.of(graph);
        this.centralities = InfluenceCentralities.compute(graphs.influence());
        this.innerCircle = InnerCircleAnalysis.analyse(graphs, centralities, parameters);
        this.paths = InfluencePathFinder.of(graphs);
    }

    public static AccountAnalysis of(AccountGraph graph) {
        return of(graph, InnerCircleParameters.defaults());
    }

    public static AccountAnalysis of(AccountGraph graph, InnerCircleParameters parameters) {
        return new AccountAnalysis(graph, parameters);
    }

    public AccountGraphs graphs() {
        return graphs;
    }

    public Centralities centralities() {
        return centralities;
    }

    public InnerCircleReport innerCircle() {
        return innerCircle;
    }

    /** Routes on the whole map (conflict lines left out). */
    public InfluencePathFinder paths() {
        return paths;
    }

    /** Routes for one deal: also never through that deal's enemies. */
    public InfluencePathFinder paths(String dealKey) {
        return InfluencePathFinder.forDeal(graphs, dealKey);
    }

    public DealContext deal(String dealKey) {
        return DealContext.of(graphs, innerCircle, dealKey);
    }

    public DealStrategy strategy(String dealKey) {
        return RelationshipStrategies.plan(deal(dealKey));
    }

    public MapHealthReport health(String dealKey, HealthParameters parameters) {
        return MapHealth.check(deal(dealKey), parameters);
    }
}
