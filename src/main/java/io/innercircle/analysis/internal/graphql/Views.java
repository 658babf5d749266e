package io.innercircle.analysis.internal.graphql;

import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.deal.Ally;
import io.innercircle.analysis.health.HealthWarning;
import io.innercircle.analysis.innercircle.Disagreement;
import io.innercircle.analysis.innercircle.InnerCircleReport;
import io.innercircle.analysis.innercircle.Listener;
import io.innercircle.analysis.innercircle.Measure;
import io.innercircle.analysis.innercircle.PersonInfluence;
import io.innercircle.analysis.innercircle.RankInfluencePoint;
import io.innercircle.analysis.internal.path.InfluencePath;
import io.innercircle.analysis.internal.path.Reach;
import io.innercircle.analysis.strategy.StakeholderStrategy;
import io.innercircle.map.Opportunity;
import org.springframework.util.function.SingletonSupplier;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The analysis as the GraphQL schema shows it: the pure analysis works on keys within one account; these views
 * add the account so every person carries their API id.
 */
final class Views {

    private Views() {
    }

    record PersonRef(String id, String key, String name) {}

    /**
     * The Inner Circle report as served. Its lists are built when GraphQL first asks for them: a query may select
     * {@code stale} or the candidates alone, and on a big map every person's view (their listeners, the chart) is
     * thousands of objects. Repeated questions are answered from {@code InnerCircleResponses}' kept answers; this
     * spares the first answer of each, and the queries that cannot be kept.
     */
    static final class InnerCircleView {
        private final String accountKey;
        private final Settings settings;
        private final long analysisVersion;
        private final boolean stale;
        private final Supplier<List<PersonInfluenceView>> candidates;
        private final Supplier<List<PersonInfluenceView>> people;
        private final Supplier<List<DisagreementView>> disagreements;
        private final Supplier<List<ChartPoint>> chart;

        private InnerCircleView(String account, AccountNetwork graphs, InnerCircleReport report, boolean stale) {
            this.accountKey = account;
            this.settings = new Settings(report.parameters().maxCandidates(), report.parameters().minScore(),
                    report.parameters().minListeners());
            this.analysisVersion = graphs.source().version();
            this.stale = stale;
            this.candidates = SingletonSupplier.of(() -> report.candidates().stream()
                    .map(p -> influence(account, graphs, p)).toList());
            this.people = SingletonSupplier.of(() -> report.people().stream()
                    .map(p -> influence(account, graphs, p)).toList());
            this.disagreements = SingletonSupplier.of(() -> report.disagreements().stream()
                    .map(d -> disagreement(account, graphs, d)).toList());
            this.chart = SingletonSupplier.of(() -> report.chart().stream()
                    .map(c -> chartPoint(account, graphs, c)).toList());
        }

        String accountKey() {
            return accountKey;
        }

        public Settings settings() {
            return settings;
        }

        public List<PersonInfluenceView> candidates() {
            return candidates.get();
        }

        public List<PersonInfluenceView> people() {
            return people.get();
        }

        public List<DisagreementView> disagreements() {
            return disagreements.get();
        }

        public List<ChartPoint> chart() {
            return chart.get();
        }

        public long analysisVersion() {
            return analysisVersion;
        }

        public boolean stale() {
            return stale;
        }
    }

    record Settings(int maxCandidates, double minScore, int minListeners) {}

    record PersonInfluenceView(PersonRef person, String title, String department, boolean external, Integer rank,
                               Integer formalLevel, String formalLevelSource, double computedInfluence,
                               int computedLevel, Integer influenceBeyondRank, Integer judgedInfluence,
                               Boolean judgedInnerCircle, boolean candidate, String band, List<ListenerView> listeners,
                               List<String> departmentsBridged, int seniorListeners, List<Measure> measures,
                               List<String> reasons) {}

    record ListenerView(PersonRef person, String title, String department, Integer formalLevel, int strength,
                        String seniority, boolean otherDepartment) {}

    record DisagreementView(String kind, PersonRef person, String message) {}

    record ChartPoint(PersonRef person, Integer rank, Integer formalLevel, String formalLevelSource,
                      Integer judgedInfluence, int computedLevel, String band, String judgedBand) {}

    record DealStrategyView(Opportunity opportunity, List<AllyView> allies, List<StrategyView> stakeholders) {}

    record AllyView(PersonRef person, String status, String coverage, String teamMember, String why) {}

    record StrategyView(PersonRef person, String title, List<String> roles, String status, String strategy,
                        String posture, boolean keyPlayer, boolean innerCircle, double computedInfluence,
                        int computedLevel, double priorityScore, String priority, String adaptability,
                        String sellThem, List<String> actions, List<String> caveats, PathView approach,
                        AllyView approachVia, String approachNote) {}

    record PathView(List<PersonRef> people, List<HopView> hops, double strength, int length, String description) {}

    record HopView(PersonRef from, PersonRef to, int strength) {}

    record ReachView(PersonRef person, String direction, int hops, double strength, PathView path) {}

    record HealthView(Opportunity opportunity, LocalDate asOf, int staleAfterDays, List<WarningView> warnings) {}

    record WarningView(String severity, String code, List<PersonRef> people, String message) {}

    // ---- conversions

    static PersonRef person(String account, AccountNetwork graphs, String key) {
        return new PersonRef(account + "/" + key, key, graphs.contains(key) ? graphs.name(key) : key);
    }

    static InnerCircleView innerCircle(String account, AccountNetwork graphs, InnerCircleReport report,
                                       boolean stale) {
        return new InnerCircleView(account, graphs, report, stale);
    }

    static PersonInfluenceView influence(String account, AccountNetwork graphs, PersonInfluence p) {
        return new PersonInfluenceView(person(account, graphs, p.key()), p.title(), p.department(), p.external(),
                p.rank(), p.formalLevel().level(), p.formalLevel().source().name(), p.computedInfluence(),
                p.computedLevel(), p.influenceBeyondRank(), p.judgedInfluence(), p.judgedInnerCircle(), p.candidate(),
                p.band().name(), p.listeners().stream().map(l -> listener(account, graphs, l)).toList(),
                p.departmentsBridged(), p.seniorListeners(), p.measures(), p.reasons());
    }

    private static ListenerView listener(String account, AccountNetwork graphs, Listener l) {
        return new ListenerView(person(account, graphs, l.key()), l.title(), l.department(), l.formalLevel().level(),
                l.strength(), l.seniority().name(), l.otherDepartment());
    }

    private static DisagreementView disagreement(String account, AccountNetwork graphs, Disagreement d) {
        return new DisagreementView(d.kind().name(), person(account, graphs, d.key()), d.message());
    }

    private static ChartPoint chartPoint(String account, AccountNetwork graphs, RankInfluencePoint c) {
        return new ChartPoint(person(account, graphs, c.key()), c.rank(), c.formalLevel(), c.formalLevelSource().name(),
                c.judgedInfluence(), c.computedLevel(), c.band().name(),
                c.judgedBand() == null ? null : c.judgedBand().name());
    }

    static AllyView ally(String account, AccountNetwork graphs, Ally a) {
        return a == null ? null : new AllyView(person(account, graphs, a.key()),
                a.status() == null ? null : a.status().name(), a.coverage() == null ? null : a.coverage().name(),
                a.teamMember(), a.why());
    }

    static StrategyView strategy(String account, AccountNetwork graphs, StakeholderStrategy s) {
        return new StrategyView(person(account, graphs, s.key()), s.title(),
                s.roles().stream().map(Enum::name).toList(), s.status() == null ? null : s.status().name(),
                s.strategy().name(), s.posture().name(), s.keyPlayer(), s.innerCircle(), s.computedInfluence(),
                s.computedLevel(), s.priorityScore(), s.priority().name(),
                s.adaptability() == null ? null : s.adaptability().name(), s.sellThem(), s.actions(), s.caveats(),
                path(account, graphs, s.approach()), ally(account, graphs, s.approachVia()), s.approachNote());
    }

    static PathView path(String account, AccountNetwork graphs, InfluencePath p) {
        if (p == null) {
            return null;
        }
        return new PathView(p.people().stream().map(k -> person(account, graphs, k)).toList(),
                p.hops().stream().map(h -> new HopView(person(account, graphs, h.from()), person(account, graphs, h.to()),
                        h.strength())).toList(),
                p.strength(), p.length(), p.describe());
    }

    static ReachView reach(String account, AccountNetwork graphs, Reach r) {
        return new ReachView(person(account, graphs, r.key()), r.direction().name(), r.hops(), r.strength(),
                path(account, graphs, r.path()));
    }

    static WarningView warning(String account, AccountNetwork graphs, HealthWarning w) {
        return new WarningView(w.severity().name(), w.code().name(),
                w.people().stream().map(k -> person(account, graphs, k)).toList(), w.message());
    }
}
