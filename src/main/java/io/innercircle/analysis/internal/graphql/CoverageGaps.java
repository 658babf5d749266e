package io.innercircle.analysis.internal.graphql;

import io.innercircle.analysis.internal.store.AnalysisCache;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.health.HealthParameters;
import io.innercircle.analysis.health.Severity;
import io.innercircle.analysis.health.WarningCode;
import io.innercircle.analysis.internal.graphql.Views.PersonRef;
import io.innercircle.analysis.internal.store.AnalysisRefresher;
import io.innercircle.analysis.internal.store.StoredWarnings;
import io.innercircle.api.InvalidInputException;
import io.innercircle.map.AccountVisibility;
import io.innercircle.map.Page;
import io.innercircle.map.Opportunity;
import io.innercircle.map.Rows;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Base64;
import java.util.Collection;
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
public class CoverageGaps {

    record Gap(Opportunity opportunity, String severity, String code, List<PersonRef> people, String message) {}

    private final Neo4jClient neo4j;
    private final AnalysisCache cache;

    private final AccountVisibility visibility;
    private final StoredWarnings stored;
    private final AnalysisRefresher refresher;

    CoverageGaps(Neo4jClient neo4j, AnalysisCache cache, AccountVisibility visibility, StoredWarnings stored,
                 AnalysisRefresher refresher) {
        this.neo4j = neo4j;
        this.cache = cache;
        this.visibility = visibility;
        this.stored = stored;
        this.refresher = refresher;
    }

    /**
     * A page of gaps. With the default staleness the page is one indexed read over the stored warnings; accounts
     * never analysed, or last checked on another day, are analysed first (once a day each), and accounts whose
     * stored analysis is behind their map are served as stored while a refresh is queued. Another
     * {@code staleAfterDays} asks a question nothing stored answers: then the warnings are computed.
     */
    Page<Gap> page(CoverageGapFilter filter, Integer first, String after, LocalDate today) {
        Integer staleAfterDays = filter.staleAfterDays();
        if (staleAfterDays != null && staleAfterDays != HealthParameters.DEFAULT_STALE_AFTER_DAYS) {
            return Page.ofPositions(find(filter, today), first, after);
        }
        if (first != null && (first < 0 || first > Page.MAX_SIZE)) {
            throw new InvalidInputException("first", "must be between 0 and " + Page.MAX_SIZE);
        }
        int size = first == null ? Page.DEFAULT_SIZE : first;
        int start = positionAfter(after);
        StoredWarnings.Filter query = storedFilter(filter, today);
        StoredWarnings.Page page = stored.page(query, start, size);
        List<Gap> gaps = page.warnings().stream().map(CoverageGaps::gap).toList();
        // A window onto the whole ranking, so the cursors are those of every other ranked page.
        int total = page.totalCount();
        List<Gap> window = new AbstractList<>() {
            @Override
            public Gap get(int index) {
                return gaps.get(index - start);
            }

            @Override
            public int size() {
                return Math.max(total, start + gaps.size());
            }
        };
        return Page.ofPositions(window, first, after);
    }

    /** The position after a cursor of {@link Page#ofPositions}, 0 without one. */
    private static int positionAfter(String after) {
        if (after == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (text.startsWith("k:#")) {
                return Integer.parseInt(text.substring(3)) + 1;
            }
        } catch (IllegalArgumentException ignored) {
            // the error below
        }
        throw new InvalidInputException("after", "is not a cursor returned by this API");
    }

    /** Counts of gaps by severity per account or per team member, worst first. */
    List<StoredWarnings.Rollup> rollups(CoverageGapFilter filter, boolean byTeamMember, LocalDate today) {
        Integer staleAfterDays = filter.staleAfterDays();
        if (staleAfterDays != null && staleAfterDays != HealthParameters.DEFAULT_STALE_AFTER_DAYS) {
            throw new InvalidInputException("filter.staleAfterDays",
                    "roll-ups count the stored warnings, checked with " + HealthParameters.DEFAULT_STALE_AFTER_DAYS
                            + " days; leave it out");
        }
        return stored.rollups(storedFilter(filter, today), byTeamMember);
    }

    private StoredWarnings.Filter storedFilter(CoverageGapFilter filter, LocalDate today) {
        Collection<String> only = visibility.readableAccountsOrAll();
        for (String account : stored.missingOrOutdated(only, today)) {
            refresher.refreshNow(account);
        }
        stored.behind(only).forEach(refresher::refreshLater);
        Severity minSeverity = filter.minSeverity() == null ? Severity.LOW : filter.minSeverity();
        return new StoredWarnings.Filter(only, filter.teamMember(), filter.stages(), filter.minAmount(),
                minSeverity.ordinal(), filter.codes() == null ? null
                : filter.codes().stream().map(Enum::name).toList());
    }

    private static Gap gap(StoredWarnings.Warning w) {
        String account = w.opportunity().account();
        List<PersonRef> people = new ArrayList<>();
        for (int i = 0; i < w.people().size(); i++) {
            people.add(new PersonRef(account + "/" + w.people().get(i), w.people().get(i), w.peopleNames().get(i)));
        }
        return new Gap(w.opportunity(), w.severity(), w.code(), people, w.message());
    }

    /** The warnings computed from the analyses in memory (any staleness; the reference the stored read equals). */
    @Transactional(readOnly = true)
    List<Gap> find(CoverageGapFilter filter, LocalDate today) {
        Double minAmount = filter.minAmount();
        List<String> stages = filter.stages();
        String teamMember = filter.teamMember();
        Severity minSeverity = filter.minSeverity() == null ? Severity.LOW : filter.minSeverity();
        Set<WarningCode> wanted = filter.codes() == null ? null : Set.copyOf(filter.codes());
        HealthParameters parameters = new HealthParameters(today, AnalysisLookups.range("filter.staleAfterDays",
                filter.staleAfterDays(), 1, 3650, HealthParameters.DEFAULT_STALE_AFTER_DAYS));

        Map<String, Object> params = new HashMap<>();
        params.put("minAmount", minAmount);
        params.put("stages", stages);
        params.put("teamMember", teamMember);
        // The coach view spans accounts: only those the caller may read.
        Collection<String> only = visibility.readableAccountsOrAll();
        params.put("only", only == null ? null : List.copyOf(only));
        List<Map.Entry<Opportunity, Long>> opportunities = new ArrayList<>(neo4j.query("""
                        MATCH (o:Opportunity)
                        WHERE ($only IS NULL OR o.account IN $only)
                          AND ($stages IS NULL OR o.stage IN $stages)
                          AND ($minAmount IS NULL OR o.amount >= $minAmount)
                          AND ($teamMember IS NULL OR EXISTS { MATCH (:TeamMember {account: o.account, key: $teamMember}) })
                        MATCH (a:Account {key: o.account})
                        WHERE o.archivedAt IS NULL AND a.archivedAt IS NULL
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
            AnalysedAccount analysis = cache.analysis(o.account(), entry.getValue());
            analysis.health(o.key(), parameters).warnings().stream()
                    .filter(w -> w.severity().ordinal() <= minSeverity.ordinal())
                    .filter(w -> wanted == null || wanted.contains(w.code()))
                    .forEach(w -> gaps.add(new Gap(o, w.severity().name(), w.code().name(),
                            w.people().stream().map(k -> Views.person(o.account(), analysis.network(), k)).toList(),
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
