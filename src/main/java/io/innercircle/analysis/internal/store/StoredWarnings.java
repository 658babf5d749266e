package io.innercircle.analysis.internal.store;

import io.innercircle.map.Opportunity;
import io.innercircle.map.Rows;
import org.neo4j.driver.Value;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coach's questions over the stored health warnings, each one indexed Cypher read: a filtered, ordered page of
 * warnings with the total, and counts by severity per account or per team member. Read-only transactions, so they
 * can run on followers of a cluster.
 */
@Component
@Transactional(readOnly = true)
public class StoredWarnings {

    /** What a coach filters on; null fields do not filter. {@code only}: the accounts the caller may read. */
    public record Filter(Collection<String> only, String teamMember, List<String> stages, Double minAmount,
                         int maxSeverityRank, List<String> codes) {

        /** True when only the accounts and the severity filter: the total is then read from the stored counts. */
        boolean countable() {
            return teamMember == null && stages == null && minAmount == null && codes == null;
        }

        Map<String, Object> parameters() {
            Map<String, Object> p = new HashMap<>();
            p.put("only", only == null ? null : List.copyOf(only));
            p.put("teamMember", teamMember);
            p.put("stages", stages);
            p.put("minAmount", minAmount);
            p.put("maxSeverity", maxSeverityRank);
            p.put("codes", codes);
            return p;
        }
    }

    /** One stored warning with its opportunity as the map holds it now. */
    public record Warning(Opportunity opportunity, String severity, String code, List<String> people,
                          List<String> peopleNames, String message, long analysisVersion) {}

    public record Page(List<Warning> warnings, int totalCount) {}

    public record Rollup(String key, String label, int high, int medium, int low, int total) {}

    /** The filter on a warning's own properties. */
    private static final String FILTER = """
              ($only IS NULL OR w.account IN $only)
              AND ($stages IS NULL OR w.stage IN $stages)
              AND ($minAmount IS NULL OR w.amount >= $minAmount)
              AND ($codes IS NULL OR w.code IN $codes)
              AND ($teamMember IS NULL OR $teamMember IN w.teamMembers)
            """;

    /** Archived accounts and opportunities are out of the coach view until restored. */
    private static final String NOT_ARCHIVED = """
              NOT EXISTS { MATCH (x:Account {key: %1$s}) WHERE x.archivedAt IS NOT NULL }
              AND NOT EXISTS { MATCH (x:Opportunity {account: %1$s, key: %2$s}) WHERE x.archivedAt IS NOT NULL }
            """;

    private static final String MATCH = "MATCH (w:HealthWarning)\nWHERE w.severityRank <= $maxSeverity AND "
            + FILTER + " AND " + NOT_ARCHIVED.formatted("w.account", "w.opportunity");

    /**
     * One page in the coach's order, read from the index on {@code rank} (which starts with the severity) in that
     * order: the read stops once the page is full, whatever the number of accounts.
     */
    static final String PAGE = """
            MATCH (w:HealthWarning)
            USING INDEX w:HealthWarning(rank)
            WHERE w.rank < $rankBelow AND """ + FILTER + " AND " + NOT_ARCHIVED.formatted("w.account", "w.opportunity")
            + """
            WITH w ORDER BY w.rank SKIP $skip LIMIT $limit
            OPTIONAL MATCH (o:Opportunity {account: w.account, key: w.opportunity})
            RETURN w, o, [(o)-[:AGAINST]->(c) | c.key][0] AS competitor
            """;

    /** How many warnings pass the filter: the archive checks once per opportunity, not per warning. */
    private static final String COUNT = """
            MATCH (w:HealthWarning)
            WHERE w.severityRank <= $maxSeverity AND """ + FILTER + """
            WITH w.account AS account, w.opportunity AS opportunity, count(*) AS warnings
            WHERE """ + NOT_ARCHIVED.formatted("account", "opportunity") + """
            RETURN sum(warnings) AS total
            """;

    /**
     * The counts stored per opportunity ({@code WarningCount}, written with the warnings) of the opportunities that
     * are not archived, by severity, those the severity filter leaves out as 0: the totals below are sums over the
     * portfolio's opportunities instead of counts of its warnings.
     */
    private static final String STORED_COUNTS = """
            MATCH (c:WarningCount)
            WHERE ($only IS NULL OR c.account IN $only) AND """ + NOT_ARCHIVED.formatted("c.account", "c.opportunity")
            + """
            WITH c.account AS account, c.high AS high,
                 CASE WHEN $maxSeverity >= 1 THEN c.medium ELSE 0 END AS medium,
                 CASE WHEN $maxSeverity >= 2 THEN c.low ELSE 0 END AS low
            """;

    /** The total of {@link #COUNT} from the stored counts. */
    private static final String COUNT_STORED = STORED_COUNTS + """
            RETURN sum(high + medium + low) AS total
            """;

    /** Counts by severity per account, from the stored counts (a filter that is {@link Filter#countable()}). */
    private static final String ROLLUPS_STORED = STORED_COUNTS + """
            WITH account AS key, sum(high) AS high, sum(medium) AS medium, sum(low) AS low
            WHERE high + medium + low > 0
            CALL (key) { OPTIONAL MATCH (a:Account {key: key}) RETURN a.name AS name }
            RETURN key, coalesce(name, key) AS label, high, medium, low, high + medium + low AS total
            ORDER BY high DESC, medium DESC, low DESC, key
            """;

    private final Neo4jClient neo4j;

    public StoredWarnings(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Most severe first, then largest amount, then opportunity and position; {@code skip} rows left out. The page
     * and the total are two reads: the page stops after its rows, the count reads no more than it must.
     */
    public Page page(Filter filter, int skip, int limit) {
        Map<String, Object> p = filter.parameters();
        p.put("skip", skip);
        p.put("limit", limit);
        p.put("rankBelow", String.valueOf(filter.maxSeverityRank() + 1));
        // An opportunity deleted while this read ran leaves its warnings without one: they are left out.
        record Row(Warning warning) {}
        List<Warning> warnings = neo4j.query(PAGE).bindAll(p).fetchAs(Row.class)
                .mappedBy((t, r) -> new Row(r.get("o").isNull() ? null : warning(r.get("w"), r.get("o"),
                        r.get("competitor").isNull() ? null : r.get("competitor").asString())))
                .all().stream().map(Row::warning).filter(java.util.Objects::nonNull).toList();
        return new Page(warnings, Math.max(total(filter), skip + warnings.size()));
    }

    /** How many warnings pass the filter: from the stored counts when the filter allows, else counted one by one. */
    int total(Filter filter) {
        return filter.countable() ? storedCount(filter) : matching(filter);
    }

    int storedCount(Filter filter) {
        return neo4j.query(COUNT_STORED).bindAll(filter.parameters()).fetchAs(Long.class).one().orElse(0L).intValue();
    }

    int matching(Filter filter) {
        return neo4j.query(COUNT).bindAll(filter.parameters()).fetchAs(Long.class).one().orElse(0L).intValue();
    }

    private static Warning warning(Value w, Value o, String competitor) {
        if (w.get("people").isNull() || w.get("code").isNull()) {
            // Read committed: a refresh that committed while this read ran removed the warning between the MATCH
            // and the reading of its properties. Reading again sees the refreshed set whole.
            throw new TransientDataAccessResourceException(
                    "A health warning was replaced by a refresh while it was being read");
        }
        return new Warning(Rows.opportunity(o, competitor), w.get("severity").asString(), w.get("code").asString(),
                w.get("people").asList(Value::asString), w.get("peopleNames").asList(Value::asString),
                w.get("message").asString(), w.get("analysisVersion").asLong());
    }

    /**
     * Counts by severity per account (label: the account's name) or per team member (label: their name). Per account
     * under a filter the stored counts can answer (the coach's default view), they are summed rather than every
     * warning read.
     */
    public List<Rollup> rollups(Filter filter, boolean byTeamMember) {
        return !byTeamMember && filter.countable() ? rollupsStored(filter) : rollupsCounted(filter, byTeamMember);
    }

    List<Rollup> rollupsStored(Filter filter) {
        return rollups(neo4j.query(ROLLUPS_STORED).bindAll(filter.parameters()));
    }

    List<Rollup> rollupsCounted(Filter filter, boolean byTeamMember) {
        String group = byTeamMember ? """
                UNWIND w.teamMembers AS key
                WITH key, w
                CALL (key, w) { OPTIONAL MATCH (t:TeamMember {account: w.account, key: key}) RETURN t.name AS name }
                """ : """
                WITH w.account AS key, w
                CALL (key) { OPTIONAL MATCH (a:Account {key: key}) RETURN a.name AS name }
                """;
        return rollups(neo4j.query(MATCH + group + """
                        WITH key, max(name) AS label,
                             sum(CASE w.severityRank WHEN 0 THEN 1 ELSE 0 END) AS high,
                             sum(CASE w.severityRank WHEN 1 THEN 1 ELSE 0 END) AS medium,
                             sum(CASE w.severityRank WHEN 2 THEN 1 ELSE 0 END) AS low,
                             count(*) AS total
                        RETURN key, coalesce(label, key) AS label, high, medium, low, total
                        ORDER BY high DESC, medium DESC, low DESC, key
                        """).bindAll(filter.parameters()));
    }

    private static List<Rollup> rollups(Neo4jClient.RunnableSpec query) {
        return query.fetchAs(Rollup.class)
                .mappedBy((t, r) -> new Rollup(r.get("key").asString(), r.get("label").asString(),
                        r.get("high").asInt(), r.get("medium").asInt(), r.get("low").asInt(), r.get("total").asInt()))
                .all().stream().toList();
    }

    /** Accounts (of those given, or all) whose stored analysis is missing, or was checked on another day. */
    public List<String> missingOrOutdated(Collection<String> only, LocalDate today) {
        Map<String, Object> p = new HashMap<>();
        p.put("only", only == null ? null : List.copyOf(only));
        p.put("today", today);
        return List.copyOf(neo4j.query("""
                        MATCH (a:Account)
                        WHERE ($only IS NULL OR a.key IN $only)
                        OPTIONAL MATCH (s:AnalysisState {account: a.key})
                        WITH a, s
                        WHERE s IS NULL OR s.version IS NULL OR s.asOf <> $today
                        RETURN a.key
                        """).bindAll(p).fetchAs(String.class).all());
    }

    /** Accounts whose stored analysis reflects an older version than the map's. */
    public List<String> behind(Collection<String> only) {
        Map<String, Object> p = new HashMap<>();
        p.put("only", only == null ? null : List.copyOf(only));
        return List.copyOf(neo4j.query("""
                        MATCH (s:AnalysisState) WHERE ($only IS NULL OR s.account IN $only)
                        MATCH (a:Account {key: s.account})
                        WHERE s.version < coalesce(a.version, 0)
                        RETURN a.key
                        """).bindAll(p).fetchAs(String.class).all());
    }
}
