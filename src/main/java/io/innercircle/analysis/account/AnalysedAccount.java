package io.innercircle.analysis.account;

import io.innercircle.analysis.MapSnapshot;
import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.internal.centrality.Centralities;
import io.innercircle.analysis.internal.centrality.InfluenceCentralities;
import io.innercircle.analysis.internal.centrality.SweepMemory;
import io.innercircle.analysis.deal.DealContext;
import io.innercircle.analysis.health.HealthParameters;
import io.innercircle.analysis.health.MapHealth;
import io.innercircle.analysis.health.MapHealthReport;
import io.innercircle.analysis.innercircle.CandidateScoring;
import io.innercircle.analysis.innercircle.InnerCircleParameters;
import io.innercircle.analysis.innercircle.InnerCircleReport;
import io.innercircle.analysis.internal.path.InfluencePathFinder;
import io.innercircle.analysis.strategy.DealStrategy;
import io.innercircle.analysis.strategy.RelationshipStrategies;

/**
 * Everything computed for one account version, in one immutable object: the unit to cache by (account, version).
 * The projection, the centralities and the Inner Circle report are computed once here; per-deal strategies,
 * health and routes are derived on demand from them, since they are cheap and depend on the deal (and on today).
 */
public final class AnalysedAccount {

    private final AccountNetwork network;
    private final Centralities centralities;
    private final InnerCircleReport innerCircle;
    private final InfluencePathFinder paths;

    private final boolean centralitiesReused;
    private final long reusedFrom;

    private AnalysedAccount(MapSnapshot graph, InnerCircleParameters parameters, AnalysedAccount previous,
                            SweepMemory sweeps) {
        this.network = AccountNetwork.of(graph);
        if (previous != null && sameStructure(previous.network.source(), graph)
                && previous.innerCircle.parameters().equals(parameters)) {
            // Status, coverage, contacts, roles and texts do not move influence: keep the expensive part.
            this.centralities = previous.centralities;
            this.innerCircle = previous.innerCircle;
            this.centralitiesReused = true;
            this.reusedFrom = previous.centralitiesReused ? previous.reusedFrom : previous.version();
        } else {
            // A map analysed for the first time (an import, a portfolio scan) keeps no sweep: only maps being
            // edited gain from one, and keeping every map's would churn through the memory's bound.
            this.centralities = previous == null ? InfluenceCentralities.compute(network.influence())
                    : InfluenceCentralities.compute(network.influence(), sweeps, graph.accountKey());
            this.innerCircle = CandidateScoring.analyse(network, centralities, parameters);
            this.centralitiesReused = false;
            this.reusedFrom = -1;
        }
        this.paths = InfluencePathFinder.of(network);
    }

    /**
     * True when the people and the lines are the same: then centralities and the Inner Circle report, which
     * depend on nothing else, are still right.
     */
    static boolean sameStructure(MapSnapshot before, MapSnapshot after) {
        return before.accountKey().equals(after.accountKey())
                && before.people().equals(after.people())
                && before.reportingLines().equals(after.reportingLines())
                && before.influenceLines().equals(after.influenceLines());
    }

    public static AnalysedAccount of(MapSnapshot graph) {
        return of(graph, InnerCircleParameters.defaults());
    }

    public static AnalysedAccount of(MapSnapshot graph, InnerCircleParameters parameters) {
        return new AnalysedAccount(graph, parameters, null, SweepMemory.none());
    }

    /**
     * The analysis of a newer snapshot of the same account, reusing what the change cannot have moved: an edit
     * that touches no person, reporting line or influence line recomputes health and strategies only.
     */
    public static AnalysedAccount of(MapSnapshot graph, AnalysedAccount previous) {
        return of(graph, previous, SweepMemory.none());
    }

    /**
     * As {@link #of(MapSnapshot, AnalysedAccount)}, and when the centralities must be computed, starting from the
     * account's last sweep kept in {@code sweeps}: after an edit of a few lines only the people whose shortest
     * paths they touch are searched from again. The sweep is kept from the second analysis of a map on (with a
     * previous one), the first of a map being edited.
     *
     * @param previous the analysis of an earlier version, or null
     */
    public static AnalysedAccount of(MapSnapshot graph, AnalysedAccount previous, SweepMemory sweeps) {
        return new AnalysedAccount(graph, InnerCircleParameters.defaults(), previous, sweeps);
    }

    /** True when this analysis took its centralities from the previous version instead of computing them. */
    public boolean centralitiesReused() {
        return centralitiesReused;
    }

    /** The version whose centralities this analysis reuses, or -1 when it computed its own. */
    public long reusedFrom() {
        return reusedFrom;
    }

    public long version() {
        return network.source().version();
    }

    public AccountNetwork network() {
        return network;
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
        return InfluencePathFinder.forDeal(network, dealKey);
    }

    public DealContext deal(String dealKey) {
        return DealContext.of(network, innerCircle, dealKey);
    }

    public DealStrategy strategy(String dealKey) {
        return RelationshipStrategies.plan(deal(dealKey));
    }

    public MapHealthReport health(String dealKey, HealthParameters parameters) {
        return MapHealth.check(deal(dealKey), parameters);
    }
}
