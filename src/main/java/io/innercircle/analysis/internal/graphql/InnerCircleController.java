package io.innercircle.analysis.internal.graphql;

import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.internal.graphql.Views.InnerCircleView;
import io.innercircle.analysis.internal.graphql.Views.PersonInfluenceView;
import io.innercircle.analysis.innercircle.CandidateScoring;
import io.innercircle.analysis.internal.store.AnalysisCache;
import io.innercircle.analysis.innercircle.InnerCircleParameters;
import io.innercircle.analysis.innercircle.InnerCircleReport;
import io.innercircle.api.InvalidInputException;
import io.innercircle.map.Account;
import io.innercircle.map.AccountReads;
import io.innercircle.map.Stakeholder;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Inner Circle report of an account, and each stakeholder's computed influence. */
@Controller
class InnerCircleController {

    private final AnalysisLookups lookups;
    private final AccountReads accountReads;

    InnerCircleController(AnalysisLookups lookups, AccountReads accountReads) {
        this.lookups = lookups;
        this.accountReads = accountReads;
    }

    @QueryMapping
    InnerCircleView innerCircle(@Argument String account, @Argument Integer maxCandidates, @Argument Double minScore,
                                @Argument Integer minListeners) {
        InnerCircleParameters defaults = InnerCircleParameters.defaults();
        InnerCircleParameters parameters = new InnerCircleParameters(
                AnalysisLookups.range("maxCandidates", maxCandidates, 1, 100, defaults.maxCandidates()),
                minScore == null ? defaults.minScore() : checkScore(minScore),
                AnalysisLookups.range("minListeners", minListeners, 1, 50, defaults.minListeners()));
        // After a change of statuses, roles, contacts or plans only, the cached report is still the map's.
        Optional<AnalysedAccount> current = lookups.currentInnerCircle(account);
        if (current.isPresent()) {
            return Views.innerCircle(account, current.get().network(), report(current.get(), parameters), false);
        }
        // A big map being refreshed in the background is answered from the previous version, said so.
        Optional<AnalysisCache.Entry> outdated = lookups.outdatedBigMap(account);
        if (outdated.isPresent()) {
            AnalysedAccount a = outdated.get().analysis();
            return Views.innerCircle(account, a.network(), report(a, parameters), true);
        }
        return lookups.analysis(account).map(a -> Views.innerCircle(account, a.network(), report(a, parameters), false))
                .orElse(null);
    }

    private static InnerCircleReport report(AnalysedAccount analysis, InnerCircleParameters parameters) {
        return parameters.equals(analysis.innerCircle().parameters()) ? analysis.innerCircle()
                : CandidateScoring.analyse(analysis.network(), analysis.centralities(), parameters);
    }

    @BatchMapping(typeName = "Stakeholder")
    Map<Stakeholder, PersonInfluenceView> influenceAnalysis(List<Stakeholder> people) {
        Map<String, Optional<AnalysedAccount>> analyses = people.stream().map(Stakeholder::account).distinct()
                .collect(Collectors.toMap(a -> a, lookups::influence));
        Map<Stakeholder, PersonInfluenceView> result = new LinkedHashMap<>();
        for (Stakeholder s : people) {
            analyses.get(s.account()).ifPresent(a -> a.innerCircle().person(s.key())
                    .ifPresent(p -> result.put(s, Views.influence(s.account(), a.network(), p))));
        }
        return result;
    }

    @SchemaMapping(typeName = "InnerCircleReport")
    Account account(InnerCircleView report) {
        return accountReads.account(report.accountKey()).orElse(null);
    }

    private static double checkScore(double score) {
        if (score < 0 || score > 1) {
            throw new InvalidInputException("minScore", "must be between 0 and 1 (got " + score + ")");
        }
        return score;
    }
}
