package io.innercircle.bundle.internal;

import io.innercircle.map.FocusedMaps;
import io.innercircle.map.ItemId;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one account's map back out as a bundle.
 *
 * <p>The order is fixed so that the same graph always gives the same bytes (export, import, export again is
 * byte-identical): team, competitors, stakeholders and opportunities by key; influence lines by from then to;
 * conflicts by their first then second key, each pair written smaller key first; contacts by team member then
 * stakeholder; inside an opportunity roles and status by stakeholder, assessment by criterion, tactics in
 * plan order (position). A person's list of buying roles keeps its stored order. Keys compare as Java strings
 * (UTF-16 code units), which is plain ASCII order for valid keys.
 *
 * <p>Absent optional fields are left out, never written as null; empty optional arrays are left out too.
 * Amounts and costs that are whole numbers are written without a fraction (3000000, not 3000000.0).
 * Properties the bundle format does not know are not exported.
 *
 * <p>Queries return whole property maps ({@code .*}, {@code properties(r)}) rather than naming optional
 * properties: naming one that no node in the database has yet makes Neo4j send an "unknown property" warning
 * that the driver logs on every export.
 */
@Service
public class BundleExporter {

    private final Neo4jClient neo4j;

    private final FocusedMaps layouts;

    public BundleExporter(Neo4jClient neo4j, FocusedMaps layouts) {
        this.neo4j = neo4j;
        this.layouts = layouts;
    }

    /** The account's map as a bundle, or empty when there is no account with that key. */
    @Transactional(readOnly = true)
    public Optional<Bundle> export(String accountKey) {
        Optional<Map<String, Object>> account = neo4j
                .query("MATCH (a:Account {key: $account}) RETURN a {.*} AS a")
                .bind(accountKey).to("account").fetch().one();
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> a = map(account.get().get("a"));

        List<Bundle.TeamMember> team = rows("MATCH (t:TeamMember {account: $account}) RETURN t {.*} AS n",
                accountKey).stream()
                .map(r -> map(r.get("n")))
                .map(t -> new Bundle.TeamMember(str(t, "key"), str(t, "name"), str(t, "role")))
                .sorted(Comparator.comparing(Bundle.TeamMember::key))
                .toList();

        List<Bundle.Competitor> competitors = rows("MATCH (c:Competitor {account: $account}) RETURN c {.*} AS n",
                accountKey).stream()
                .map(r -> map(r.get("n")))
                .map(c -> new Bundle.Competitor(str(c, "key"), str(c, "name")))
                .sorted(Comparator.comparing(Bundle.Competitor::key))
                .toList();

        List<Bundle.Stakeholder> stakeholders = rows("""
                MATCH (s:Stakeholder {account: $account})
                RETURN s {.*} AS n, [(s)-[:REPORTS_TO]->(m:Stakeholder) | m.key][0] AS reportsTo""", accountKey)
                .stream()
                .map(r -> {
                    Map<String, Object> s = map(r.get("n"));
                    return new Bundle.Stakeholder(str(s, "key"), str(s, "name"), str(s, "title"),
                            str(s, "department"), (String) r.get("reportsTo"), str(s, "adaptability"),
                            integer(s, "rank"), integer(s, "influence"), bool(s, "innerCircle"),
                            bool(s, "external"), bool(s, "placeholder"), str(s, "businessAgenda"),
                            str(s, "personalAgenda"), str(s, "notes"));
                })
                .sorted(Comparator.comparing(Bundle.Stakeholder::key))
                .toList();

        List<Bundle.Influence> influences = rows("""
                MATCH (a:Stakeholder {account: $account})-[r:INFLUENCES]->(b:Stakeholder)
                RETURN a.key AS from, b.key AS to, properties(r) AS r""", accountKey)
                .stream()
                .map(row -> {
                    Map<String, Object> r = map(row.get("r"));
                    return new Bundle.Influence(str(row, "from"), str(row, "to"),
                            r.get("strength") == null ? Bundle.DEFAULT_STRENGTH : integer(r, "strength"),
                            str(r, "note"));
                })
                .sorted(Comparator.comparing(Bundle.Influence::from).thenComparing(Bundle.Influence::to))
                .toList();

        // A conflict has no direction: write each pair smaller key first, and once even if it was stored twice.
        Map<String, Bundle.Conflict> conflictsByPair = new HashMap<>();
        for (Map<String, Object> r : rows("""
                MATCH (a:Stakeholder {account: $account})-[r:CONFLICTS_WITH]->(b:Stakeholder)
                RETURN a.key AS a, b.key AS b, properties(r) AS r""", accountKey)) {
            String x = str(r, "a");
            String y = str(r, "b");
            List<String> pair = x.compareTo(y) <= 0 ? List.of(x, y) : List.of(y, x);
            String note = str(map(r.get("r")), "note");
            conflictsByPair.merge(pair.get(0) + "\u0000" + pair.get(1), new Bundle.Conflict(pair, note),
                    (kept, other) -> kept.note() != null ? kept : other);
        }
        List<Bundle.Conflict> conflicts = conflictsByPair.values().stream()
                .sorted(Comparator.comparing((Bundle.Conflict c) -> c.between().get(0))
                        .thenComparing(c -> c.between().get(1)))
                .toList();

        List<Bundle.Contact> contacts = rows("""
                MATCH (t:TeamMember {account: $account})-[r:HAS_CONTACT]->(s:Stakeholder)
                RETURN t.key AS teamMember, s.key AS stakeholder, properties(r) AS r""", accountKey)
                .stream()
                .map(row -> {
                    Map<String, Object> r = map(row.get("r"));
                    return new Bundle.Contact(str(row, "teamMember"), str(row, "stakeholder"), str(r, "coverage"),
                            date(r, "lastContact"), str(r, "relationship"));
                })
                .sorted(Comparator.comparing(Bundle.Contact::teamMember).thenComparing(Bundle.Contact::stakeholder))
                .toList();

        return Optional.of(new Bundle(Bundle.FORMAT,
                new Bundle.Account(str(a, "key"), str(a, "name"), str(a, "industry"), str(a, "notes")),
                orNull(team), orNull(competitors), stakeholders, orNull(influences), orNull(conflicts),
                orNull(contacts), orNull(opportunities(accountKey))));
    }

    private List<Bundle.Opportunity> opportunities(String accountKey) {
        Map<String, List<Bundle.Roles>> roles = new HashMap<>();
        Map<String, List<Bundle.Status>> status = new HashMap<>();
        for (Map<String, Object> r : rows("""
                MATCH (s:Stakeholder {account: $account})-[r:INVOLVED_IN]->(o:Opportunity)
                RETURN o.key AS opportunity, s.key AS stakeholder, properties(r) AS r""", accountKey)) {
            Map<String, Object> line = map(r.get("r"));
            List<String> list = strings(line.get("roles"));
            if (!list.isEmpty()) {
                roles.computeIfAbsent(str(r, "opportunity"), k -> new ArrayList<>())
                        .add(new Bundle.Roles(str(r, "stakeholder"), list));
            }
            if (line.get("status") != null) {
                status.computeIfAbsent(str(r, "opportunity"), k -> new ArrayList<>())
                        .add(new Bundle.Status(str(r, "stakeholder"), str(line, "status")));
            }
        }

        Map<String, List<Bundle.Rating>> ratings = new HashMap<>();
        for (Map<String, Object> r : rows("""
                MATCH (o:Opportunity {account: $account})-[:HAS_RATING]->(x:Rating)
                RETURN o.key AS opportunity, x {.*} AS n""", accountKey)) {
            Map<String, Object> x = map(r.get("n"));
            ratings.computeIfAbsent(str(r, "opportunity"), k -> new ArrayList<>())
                    .add(new Bundle.Rating(integer(x, "criterion"), str(x, "us"), str(x, "competitor"),
                            str(x, "note")));
        }

        Map<String, List<Map<String, Object>>> tactics = new HashMap<>();
        for (Map<String, Object> r : rows("""
                MATCH (o:Opportunity {account: $account})-[:HAS_TACTIC]->(t:Tactic)
                RETURN o.key AS opportunity, t {.*, owner: [(t)-[:OWNED_BY]->(m:TeamMember) | m.key][0]} AS n""",
                accountKey)) {
            tactics.computeIfAbsent(str(r, "opportunity"), k -> new ArrayList<>()).add(map(r.get("n")));
        }

        return rows("""
                MATCH (o:Opportunity {account: $account})
                RETURN o {.*} AS n, [(o)-[:AGAINST]->(c:Competitor) | c.key][0] AS competitor""", accountKey)
                .stream()
                .map(r -> {
                    Map<String, Object> o = map(r.get("n"));
                    String key = str(o, "key");
                    List<Bundle.Tactic> plan = tactics.getOrDefault(key, List.of()).stream()
                            .sorted(Comparator.comparing(t -> t.get("position") == null ? Long.MAX_VALUE
                                    : ((Number) t.get("position")).longValue()))
                            .map(t -> new Bundle.Tactic(str(t, "prime"), str(t, "what"), str(t, "owner"),
                                    date(t, "due"), str(t, "resources"), number(t.get("cost")), bool(t, "done")))
                            .toList();
                    return new Bundle.Opportunity(key, str(o, "name"), number(o.get("amount")), str(o, "currency"),
                            date(o, "closeDate"), str(o, "stage"), (String) r.get("competitor"),
                            orNull(sorted(roles.get(key), Comparator.comparing(Bundle.Roles::stakeholder))),
                            orNull(sorted(status.get(key), Comparator.comparing(Bundle.Status::stakeholder))),
                            orNull(sorted(ratings.get(key), Comparator.comparing(Bundle.Rating::criterion))),
                            str(o, "strategy"), str(o, "goal"), str(o, "objective"), orNull(plan),
                            orNull(layouts.positions(new ItemId(accountKey, key)).values().stream()
                                    .map(p -> new Bundle.Position(p.stakeholder(), p.x(), p.y()))
                                    .sorted(Comparator.comparing(Bundle.Position::stakeholder)).toList()));
                })
                .sorted(Comparator.comparing(Bundle.Opportunity::key))
                .toList();
    }

    private Collection<Map<String, Object>> rows(String cypher, String account) {
        return neo4j.query(cypher).bind(account).to("account").fetch().all();
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items == null ? null : items.stream().sorted(order).toList();
    }

    private static <T> List<T> orNull(List<T> items) {
        return items == null || items.isEmpty() ? null : items;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : new LinkedHashMap<>((Map<String, Object>) value);
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static Integer integer(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : ((Number) v).intValue();
    }

    private static Boolean bool(Map<String, Object> m, String key) {
        return (Boolean) m.get(key);
    }

    private static String date(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof LocalDate d ? d.toString() : v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    /** Whole numbers without a fraction, so an amount of 3000000 survives the graph's float as 3000000. */
    static Number number(Object value) {
        if (value == null) {
            return null;
        }
        double d = ((Number) value).doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (long) d;
        }
        return d;
    }
}
