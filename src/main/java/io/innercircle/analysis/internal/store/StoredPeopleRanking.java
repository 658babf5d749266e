package io.innercircle.analysis.internal.store;

import io.innercircle.map.Account;
import io.innercircle.map.Page;
import io.innercircle.map.Rows;
import io.innercircle.map.Stakeholder;
import io.innercircle.map.StakeholderOrder;
import io.innercircle.map.StakeholderRanking;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An account's people ordered by the stored analysis ({@code StakeholderAnalysis.computedInfluence}) or filtered
 * to its Inner Circle, in one Cypher read joining the map's people with their stored results.
 *
 * <p>Stale or absent analysis is handled as {@code coverageGaps} handles it: an account never analysed is analysed
 * and stored first; an account whose stored analysis is behind its map is answered from the stored (previous)
 * analysis while a refresh is queued. People added since are listed last (no computed influence yet) and are
 * never in the Inner Circle until analysed.
 *
 * <p>The cursor holds the person's rank value and key ({@code "0.4375|deng"}), so pages are keyset pages: stable
 * while the stored analysis does not change.
 */
@Component
class StoredPeopleRanking implements StakeholderRanking {

    private final Neo4jClient neo4j;
    private final AnalysisStore store;
    private final AnalysisRefresher refresher;
    private final TransactionTemplate readOnly;

    StoredPeopleRanking(Neo4jClient neo4j, AnalysisStore store, AnalysisRefresher refresher,
                        PlatformTransactionManager transactions) {
        this.neo4j = neo4j;
        this.store = store;
        this.refresher = refresher;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    private record Ranked(Stakeholder person, double rank) {}

    private record Position(double rank, String key) {
        static Position parse(String cursor) {
            if (cursor == null) {
                return null;
            }
            int bar = cursor.indexOf('|');
            try {
                return new Position(Double.parseDouble(cursor.substring(0, bar)), cursor.substring(bar + 1));
            } catch (RuntimeException e) {
                throw new io.innercircle.api.InvalidInputException("after",
                        "is not a cursor of this order; page with the cursors this ordering returned");
            }
        }
    }

    private static final String RANKED = """
            MATCH (s:Stakeholder {account: $account})
            OPTIONAL MATCH (p:StakeholderAnalysis {account: $account, key: s.key})
            WITH s, p WHERE NOT $innerCircleOnly OR p.innerCircle = true
            WITH s, CASE WHEN $byInfluence THEN coalesce(p.computedInfluence, -1.0) ELSE 0.0 END AS rank
            ORDER BY rank DESC, s.key
            WITH collect({s: s, rank: rank}) AS ranked
            WITH size(ranked) AS total, CASE WHEN $backward
                   THEN [r IN reverse(ranked) WHERE $beforeKey IS NULL OR r.rank > $beforeRank
                                               OR (r.rank = $beforeRank AND r.s.key < $beforeKey)][..$limit]
                   ELSE [r IN ranked WHERE $afterKey IS NULL OR r.rank < $afterRank
                                      OR (r.rank = $afterRank AND r.s.key > $afterKey)][..$limit] END AS page
            UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS r
            WITH total, r.s AS s, r.rank AS rank
            RETURN total, rank,
                   CASE WHEN s IS NULL THEN null ELSE s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} END AS s
            """;

    @Override
    public Page<Stakeholder> stakeholders(Account account, Page.Request request, StakeholderOrder order,
                                          boolean innerCircleOnly) {
        Optional<AnalysisStore.State> state = store.state(account.key());
        if (state.isEmpty()) {
            refresher.refreshNow(account.key());
        } else if (state.get().version() < account.version()) {
            refresher.refreshLater(account.key());
        }
        Position after = Position.parse(request.afterKey());
        Position before = Position.parse(request.beforeKey());
        Map<String, Object> p = new HashMap<>();
        p.put("account", account.key());
        p.put("innerCircleOnly", innerCircleOnly);
        p.put("byInfluence", order == StakeholderOrder.COMPUTED_INFLUENCE);
        p.put("backward", request.backward());
        p.put("afterRank", after == null ? null : after.rank());
        p.put("afterKey", after == null ? null : after.key());
        p.put("beforeRank", before == null ? null : before.rank());
        p.put("beforeKey", before == null ? null : before.key());
        p.put("limit", request.size() + 1);
        record Row(int total, Ranked ranked) {}
        List<Row> rows = readOnly.execute(tx -> List.copyOf(neo4j.query(RANKED).bindAll(p).fetchAs(Row.class)
                .mappedBy((t, r) -> new Row(r.get("total").asInt(), r.get("s").isNull() ? null
                        : new Ranked(Rows.stakeholder(r.get("s")), r.get("rank").asDouble())))
                .all()));
        int total = rows.isEmpty() ? 0 : rows.get(0).total();
        List<Ranked> ranked = rows.stream().map(Row::ranked).filter(java.util.Objects::nonNull).toList();
        Page<Ranked> page = Page.of(ranked, request, r -> r.rank() + "|" + r.person().key(), total);
        return new Page<>(page.edges().stream().map(e -> new Page.Edge<>(e.node().person(), e.cursor())).toList(),
                page.pageInfo(), page.totalCount());
    }
}
