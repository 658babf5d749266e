package io.innercircle.analysis.api;

import io.innercircle.analysis.AccountGraphs;
import io.innercircle.analysis.account.AccountAnalysis;
import io.innercircle.analysis.health.HealthParameters;
import io.innercircle.analysis.innercircle.InnerCircleAnalysis;
import io.innercircle.analysis.innercircle.InnerCircleParameters;
import io.innercircle.analysis.innercircle.InnerCircleReport;
import io.innercircle.analysis.path.InfluencePathFinder;
import io.innercircle.analysis.strategy.DealStrategy;
import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.analysis.api.Views.DealStrategyView;
import io.innercircle.analysis.api.Views.HealthView;
import io.innercircle.analysis.api.Views.InnerCircleView;
import io.innercircle.analysis.api.Views.PathView;
import io.innercircle.analysis.api.Views.PersonInfluenceView;
import io.innercircle.analysis.api.Views.ReachView;
import io.innercircle.map.Account;
import io.innercircle.map.ItemId;
import io.innercircle.map.MapReads;
import io.innercircle.map.Opportunity;
import io.innercircle.map.Page;
import io.innercircle.map.Stakeholder;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** GraphQL entry points of the analysis; every answer comes from the cached {@link AccountAnalysis}. */
@Controller
class AnalysisController {

    private final AnalysisCache cache;
    private final MapReads map;
    private final CoverageGaps coverageGaps;
    private final Clock clock;

    AnalysisController(AnalysisCache cache, MapReads map, CoverageGaps coverageGaps, Clock clock) {
        this.cache = cache;
        this.map = map;
        this.coverageGaps = coverageGaps;
        this.clock = clock;
    }

    @QueryMapping
    InnerCircleView innerCircle(@Argument String account, @Argument Integer maxCandidates, @Argument Double minScore,
                                @Argument Integer minListeners) {
        InnerCircleParameters defaults = InnerCircleParameters.defaults();
        InnerCircleParameters parameters = new InnerCircleParameters(
                range("maxCandidates", maxCandidates, 1, 100, defaults.maxCandidates()),
                minScore == null ? defaults.minScore() : checkScore(minScore),
                range("minListeners", minListeners, 1, 50, defaults.minListeners()));
        return cache.analysis(account).map(a -> Views.innerCircle(account, a.graphs(), report(a, parameters)))
                .orElse(null);
    }

    private static InnerCircleReport report(AccountAnalysis analysis, InnerCircleParameters parameters) {
        return parameters.equals(analysis.innerCircle().parameters()) ? analysis.innerCircle()
                : InnerCircleAnalysis.analyse(analysis.graphs(), analysis.centralities(), parameters);
    }

    @QueryMapping
    DealStrategyView relationshipStrategies(@Argument String opportunity) {
        return deal("opportunity", opportunity).map(this::strategies).orElse(null);
    }

    @QueryMapping
    HealthView mapHealth(@Argument String opportunity, @Argument Integer staleAfterDays, @Argument LocalDate asOf) {
        return deal("opportunity", opportunity).map(d -> health(d, staleAfterDays, asOf)).orElse(null);
    }

    @QueryMapping
    List<ReachView> influenceNeighbourhood(@Argument String stakeholder, @Argument Integer hops,
                                           @Argument String direction) {
        Person p = person("stakeholder", stakeholder);
        int maxHops = range("hops", hops, 1, 6, 2);
        return p.analysis().paths().within(p.id().key(), maxHops).stream()
                .filter(r -> direction == null || r.direction().name().equals(direction))
                .map(r -> Views.reach(p.id().account(), p.analysis().graphs(), r)).toList();
    }

    @QueryMapping
    List<PathView> influencePaths(@Argument String from, @Argument String to, @Argument Integer limit,
                                  @Argument String opportunity) {
        Person start = person("from", from);
        Person end = person("to", to);
        if (!start.id().account().equals(end.id().account())) {
            throw new InvalidInputException("to", "'" + to + "' belongs to another account than '" + from + "'");
        }
        InfluencePathFinder finder = finder(start, opportunity);
        return finder.strongestPaths(start.id().key(), end.id().key(), range("limit", limit, 1, 20, 3)).stream()
                .map(p -> Views.path(start.id().account(), start.analysis().graphs(), p)).toList();
    }

    @QueryMapping
    List<PathView> whoCanReach(@Argument String stakeholder, @Argument Integer limit, @Argument String opportunity) {
        Person target = person("stakeholder", stakeholder);
        return finder(target, opportunity).whoCanReach(target.id().key()).stream()
                .limit(range("limit", limit, 1, 500, 10))
                .map(p -> Views.path(target.id().account(), target.analysis().graphs(), p)).toList();
    }

    @QueryMapping
    Page<CoverageGaps.Gap> coverageGaps(@Argument Map<String, Object> filter, @Argument Integer first,
                                        @Argument String after) {
        return Page.ofPositions(coverageGaps.find(filter == null ? Map.of() : filter, today()), first, after);
    }

    @BatchMapping(typeName = "Stakeholder")
    Map<Stakeholder, PersonInfluenceView> influenceAnalysis(List<Stakeholder> people) {
        Map<String, Optional<AccountAnalysis>> analyses = people.stream().map(Stakeholder::account).distinct()
                .collect(Collectors.toMap(a -> a, cache::analysis));
        Map<Stakeholder, PersonInfluenceView> result = new LinkedHashMap<>();
        for (Stakeholder s : people) {
            analyses.get(s.account()).ifPresent(a -> {
                a.innerCircle().person(s.key())
                        .ifPresent(p -> result.put(s, Views.influence(s.account(), a.graphs(), p)));
            });
        }
        return result;
    }

    @SchemaMapping(typeName = "InnerCircleReport")
    Account account(InnerCircleView report) {
        return map.account(report.accountKey()).orElse(null);
    }

    @SchemaMapping(typeName = "Opportunity")
    HealthView health(Opportunity opportunity, @Argument Integer staleAfterDays, @Argument LocalDate asOf) {
        return health(deal(opportunity), staleAfterDays, asOf);
    }

    @SchemaMapping(typeName = "Opportunity")
    DealStrategyView strategies(Opportunity opportunity) {
        return strategies(deal(opportunity));
    }

    // ---- shared

    private record Deal(Opportunity opportunity, AccountAnalysis analysis) {}

    private record Person(ItemId id, AccountAnalysis analysis) {}

    private Optional<Deal> deal(String field, String id) {
        ItemId opportunityId = ItemId.parse(field, id);
        return map.opportunity(opportunityId).map(this::deal);
    }

    private Deal deal(Opportunity opportunity) {
        AccountAnalysis analysis = cache.analysis(opportunity.account()).orElseThrow(
                () -> new NotFoundException("opportunity", "account", opportunity.account()));
        return new Deal(opportunity, analysis);
    }

    private Person person(String field, String id) {
        ItemId personId = ItemId.parse(field, id);
        AccountAnalysis analysis = cache.analysis(personId.account())
                .filter(a -> a.graphs().contains(personId.key()))
                .orElseThrow(() -> new NotFoundException(field, "stakeholder", id));
        return new Person(personId, analysis);
    }

    private InfluencePathFinder finder(Person person, String opportunity) {
        if (opportunity == null) {
            return person.analysis().paths();
        }
        ItemId deal = ItemId.parse("opportunity", opportunity);
        if (!deal.account().equals(person.id().account())
                || !person.analysis().graphs().deals().containsKey(deal.key())) {
            throw new NotFoundException("opportunity", "opportunity", opportunity);
        }
        return person.analysis().paths(deal.key());
    }

    private DealStrategyView strategies(Deal deal) {
        String account = deal.opportunity().account();
        AccountGraphs graphs = deal.analysis().graphs();
        DealStrategy strategy = deal.analysis().strategy(deal.opportunity().key());
        return new DealStrategyView(deal.opportunity(),
                strategy.allies().stream().map(a -> Views.ally(account, graphs, a)).toList(),
                strategy.stakeholders().stream().map(s -> Views.strategy(account, graphs, s)).toList());
    }

    private HealthView health(Deal deal, Integer staleAfterDays, LocalDate asOf) {
        HealthParameters parameters = new HealthParameters(asOf == null ? today() : asOf,
                range("staleAfterDays", staleAfterDays, 1, 3650, HealthParameters.DEFAULT_STALE_AFTER_DAYS));
        String account = deal.opportunity().account();
        return new HealthView(deal.opportunity(), parameters.today(), parameters.staleAfterDays(),
                deal.analysis().health(deal.opportunity().key(), parameters).warnings().stream()
                        .map(w -> Views.warning(account, deal.analysis().graphs(), w)).toList());
    }

    private LocalDate today() {
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

    private static double checkScore(double score) {
        if (score < 0 || score > 1) {
            throw new InvalidInputException("minScore", "must be between 0 and 1 (got " + score + ")");
        }
        return score;
    }
}
