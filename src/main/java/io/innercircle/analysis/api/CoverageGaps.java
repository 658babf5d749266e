package io.innercircle.analysis.api;

import io.innercircle.analysis.account.AccountAnalysis;
import io.innercircle.analysis.health.HealthParameters;
import io.innercircle.analysis.health.Severity;
import io.innercircle.analysis.api.Views.PersonRef;
import io.innercircle.map.AccountVisibility;
import io.innercircle.map.Opportunity;
import io.innercircle.map.Rows;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coach's portfolio view: every map-health warning of every opportunity that passes the filter, most
 * severe first, then largest amount. One query selects the opportunities with their account versions; the
 * warnings come from the per-account analyses, recomputed only for accounts that changed.
 */
@Service
@Transactional(readOnly = true)
public class CoverageGaps {

    record Gap(Opportunity opportunity, String severity, String code, List<PersonRef> people, String message) {}

    private final Neo4jClient neo4j;
    private final AnalysisCache cache;

    private final AccountVisibility visibility;

    CoverageGaps(Neo4jClient neo4j, AnalysisCache cache, AccountVisibility visibility) {
        this.neo4j = neo4j;
        this.cache = cache;
        this.visibility = visibility;
    }

    @SuppressWarnings("unchecked")
    List<Gap> find(Map<String, Object> filter, LocalDate today) {
        Double minAmount = (Double) filter.get("minAmount");
        List<String> stages = (List<String>) filter.get("stages");
        String teamMember = (String) filter.get("teamMember");
        Severity minSeverity = filter.get("minSeverity") == null ? Severity.LOW
                : Severity.valueOf((String) filter.get("minSeverity"));
        List<String> codes = (List<String>) filter.get("codes");
        Set<String> wanted = codes == null ? null : Set.copyOf(codes);
        HealthParameters parameters = new HealthParameters(today, AnalysisController.range("filter.staleAfterDays",
                (Integer) filter.get("staleAfterDays"), 1, 3650, HealthParameters.DEFAULT_STALE_AFTER_DAYS));

        Map<String, Object> params = new HashMap<>();
        params.put("minAmount", minAmount);
        params.put("stages", stages);
        params.put("teamMember", teamMember);
        // The coach view spans accounts: only those the caller may read.
        params.put("only", visibility.readableAccountsOrAll() == null ? null
                : List.copyOf(visibility.readableAccountsOrAll()));
        List<Map.Entry<Opportunity, Long>> opportunities = new ArrayList<>(neo4j.query("""
                        MATCH (o:Opportunity)
                        WHERE ($only IS NULL OR o.account IN $only)
                          AND ($stages IS NULL OR o.stage IN $stages)
                          AND ($minAmount IS NULL OR o.amount >= $minAmount)
                          AND ($teamMember IS NULL OR EXISTS { MATCH (:TeamMember {account: o.account, key: $teamMember}) })
                        MATCH (a:Account {key: o.account})
                        RETURN o, [(o)-[:AGAINST]->(c) | c.key][0] AS competitor, coalesce(a.version, 0) AS version
                        """)
                .bindAll(params)
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(Rows.opportunity(r.get("o"),
                                r.get("competitor").isNull() ? null : r.get("competitor").asString()),
                        r.get("version").asLong()))
                .all().stream().map(e -> (Map.Entry<Opportunity, Long>) e).toList());

        List<Gap> gaps = new ArrayList<>();
        for (Map.Entry<Opportunity, Long> entry : opportunities) {
            Opportunity o = entry.getKey();
            AccountAnalysis analysis = cache.analysis(o.account(), entry.getValue());
            analysis.health(o.key(), parameters).warnings().stream()
                    .filter(w -> w.severity().ordinal() <= minSeverity.ordinal())
                    .filter(w -> wanted == null || wanted.contains(w.code().name()))
                    .forEach(w -> gaps.add(new Gap(o, w.severity().name(), w.code().name(),
                            w.people().stream().map(k -> Views.person(o.account(), analysis.graphs(), k)).toList(),
                            w.message())));
        }
        gaps.sort(Comparator.comparing((Gap g) -> Severity.valueOf(g.severity()).ordinal())
                .thenComparing(g -> g.opportunity().amount() == null ? 0.0 : g.opportunity().amount(),
                        Comparator.reverseOrder())
                .thenComparing(g -> g.opportunity().id())
                .thenComparing(Gap::code));
        return gaps;
    }

}
