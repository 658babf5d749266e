package io.innercircle.map;

import io.innercircle.map.Lines.ConflictLine;
import io.innercircle.map.Lines.Contact;
import io.innercircle.map.Lines.InfluenceLine;
import io.innercircle.map.Lines.Involvement;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every read of the map. Each method is one Cypher query in a read-only transaction (so a cluster routes it to
 * a reader); the batch methods take many ids at once so that GraphQL lists never cost one query per item.
 */
@Service
@Transactional(readOnly = true)
public class MapReads {

    private final Neo4jClient neo4j;
    private final AccountModelReader models;

    public MapReads(Neo4jClient neo4j, AccountModelReader models) {
        this.neo4j = neo4j;
        this.models = models;
    }

    // ---- accounts

    /** A page of accounts; {@code only} limits it to those keys (null: all), for callers who see only some. */
    public Page<Account> accounts(Page.Request request, Collection<String> only) {
        List<Record> rows = new ArrayList<>(neo4j.query(request.backward() ? ACCOUNTS_BEFORE : ACCOUNTS_AFTER)
                .bind(request.afterKey()).to("after")
                .bind(request.beforeKey()).to("before")
                .bind(request.size() + 1).to("limit")
                .bind(only == null ? null : List.copyOf(only)).to("only")
                .fetchAs(Record.class).mappedBy((t, r) -> r).all());
        int total = rows.isEmpty() ? countAccounts(only) : rows.get(0).get("total").asInt();
        return Page.of(rows.stream().map(r -> Rows.account(r.get("a"))).toList(), request, Account::key, total);
    }

    private static final String ACCOUNTS_AFTER = """
            MATCH (a:Account) WHERE ($after IS NULL OR a.key > $after) AND ($only IS NULL OR a.key IN $only)
            WITH a ORDER BY a.key LIMIT $limit
            RETURN a, COUNT { MATCH (x:Account) WHERE $only IS NULL OR x.key IN $only } AS total""";

    private static final String ACCOUNTS_BEFORE = """
            MATCH (a:Account) WHERE ($before IS NULL OR a.key < $before) AND ($only IS NULL OR a.key IN $only)
            WITH a ORDER BY a.key DESC LIMIT $limit
            RETURN a, COUNT { MATCH (x:Account) WHERE $only IS NULL OR x.key IN $only } AS total""";

    private int countAccounts(Collection<String> only) {
        return neo4j.query("MATCH (x:Account) WHERE $only IS NULL OR x.key IN $only RETURN count(x)")
                .bind(only == null ? null : List.copyOf(only)).to("only")
                .fetchAs(Integer.class).one().orElse(0);
    }

    public Optional<Account> account(String key) {
        return neo4j.query("MATCH (a:Account {key: $key}) RETURN a").bind(key).to("key")
                .fetchAs(Account.class).mappedBy((t, r) -> Rows.account(r.get("a"))).one();
    }

    public Map<String, Account> accounts(Collection<String> keys) {
        return index(neo4j.query("MATCH (a:Account) WHERE a.key IN $keys RETURN a").bind(keys).to("keys")
                .fetchAs(Account.class).mappedBy((t, r) -> Rows.account(r.get("a"))).all(), Account::key);
    }

    // ---- stakeholders

    public Optional<Stakeholder> stakeholder(ItemId id) {
        return neo4j.query("""
                        MATCH (s:Stakeholder {account: $account, key: $key})
                        RETURN s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s""")
                .bindAll(Map.of("account", id.account(), "key", id.key()))
                .fetchAs(Stakeholder.class).mappedBy((t, r) -> Rows.stakeholder(r.get("s"))).one();
    }

    public Map<ItemId, Stakeholder> stakeholders(Collection<ItemId> ids) {
        return index(neo4j.query("""
                        UNWIND $ids AS id MATCH (s:Stakeholder {account: id.account, key: id.key})
                        RETURN s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s""")
                .bind(params(ids)).to("ids")
                .fetchAs(Stakeholder.class).mappedBy((t, r) -> Rows.stakeholder(r.get("s"))).all(),
                s -> new ItemId(s.account(), s.key()));
    }

    public Page<Stakeholder> stakeholders(String account, Page.Request request) {
        List<Stakeholder> rows = new ArrayList<>(neo4j.query(request.backward() ? PEOPLE_BEFORE : PEOPLE_AFTER)
                .bind(account).to("account")
                .bind(request.afterKey()).to("after")
                .bind(request.beforeKey()).to("before")
                .bind(request.size() + 1).to("limit")
                .fetchAs(Stakeholder.class).mappedBy((t, r) -> Rows.stakeholder(r.get("s"))).all());
        int total = neo4j.query("MATCH (s:Stakeholder {account: $account}) RETURN count(s)")
                .bind(account).to("account").fetchAs(Integer.class).one().orElse(0);
        return Page.of(rows, request, Stakeholder::key, total);
    }

    private static final String PEOPLE_AFTER = """
            MATCH (s:Stakeholder {account: $account}) WHERE $after IS NULL OR s.key > $after
            WITH s ORDER BY s.key LIMIT $limit
            RETURN s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s""";

    private static final String PEOPLE_BEFORE = """
            MATCH (s:Stakeholder {account: $account}) WHERE $before IS NULL OR s.key < $before
            WITH s ORDER BY s.key DESC LIMIT $limit
            RETURN s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s""";

    public Map<ItemId, List<Stakeholder>> directReports(Collection<ItemId> managers) {
        return group(neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (s:Stakeholder)-[:REPORTS_TO]->(m:Stakeholder {account: id.account, key: id.key})
                        RETURN id, s{.*, reportsTo: m.key} AS s ORDER BY s.key""")
                .bind(params(managers)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(itemId(r.get("id")), Rows.stakeholder(r.get("s"))))
                .all());
    }

    private static final String INFLUENCES_IN = """
            UNWIND $ids AS id
            MATCH (f:Stakeholder)-[r:INFLUENCES]->(t:Stakeholder {account: id.account, key: id.key})
            RETURN id, f{.*, reportsTo: [(f)-[:REPORTS_TO]->(m) | m.key][0]} AS fromPerson,
                   t{.*, reportsTo: [(t)-[:REPORTS_TO]->(m) | m.key][0]} AS toPerson,
                   r.strength AS strength, r.note AS note
            ORDER BY fromPerson.key, toPerson.key""";

    private static final String INFLUENCES_OUT = """
            UNWIND $ids AS id
            MATCH (f:Stakeholder {account: id.account, key: id.key})-[r:INFLUENCES]->(t:Stakeholder)
            RETURN id, f{.*, reportsTo: [(f)-[:REPORTS_TO]->(m) | m.key][0]} AS fromPerson,
                   t{.*, reportsTo: [(t)-[:REPORTS_TO]->(m) | m.key][0]} AS toPerson,
                   r.strength AS strength, r.note AS note
            ORDER BY fromPerson.key, toPerson.key""";

    /** Influence lines arriving at (incoming) or leaving (outgoing) each of the given people. */
    public Map<ItemId, List<InfluenceLine>> influenceLines(Collection<ItemId> people, boolean incoming) {
        return group(neo4j.query(incoming ? INFLUENCES_IN : INFLUENCES_OUT)
                .bind(params(people)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(itemId(r.get("id")), new InfluenceLine(
                        Rows.stakeholder(r.get("fromPerson")), Rows.stakeholder(r.get("toPerson")),
                        r.get("strength").asInt(), str(r.get("note")))))
                .all());
    }

    public Map<ItemId, List<ConflictLine>> conflictLines(Collection<ItemId> people) {
        return group(neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (p:Stakeholder {account: id.account, key: id.key})-[r:CONFLICTS_WITH]-(:Stakeholder)
                        WITH id, r, startNode(r) AS a, endNode(r) AS b
                        RETURN id, a{.*, reportsTo: [(a)-[:REPORTS_TO]->(m) | m.key][0]} AS first,
                               b{.*, reportsTo: [(b)-[:REPORTS_TO]->(m) | m.key][0]} AS second, r.note AS note
                        ORDER BY first.key, second.key""")
                .bind(params(people)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(itemId(r.get("id")), new ConflictLine(
                        List.of(Rows.stakeholder(r.get("first")), Rows.stakeholder(r.get("second"))),
                        str(r.get("note")))))
                .all());
    }

    private static final String CONTACTS_OF_MEMBERS = """
            UNWIND $ids AS id
            MATCH (tm:TeamMember {account: id.account, key: id.key})-[c:HAS_CONTACT]->(s:Stakeholder)
            RETURN id, tm, s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s, c ORDER BY tm.key, s.key""";

    private static final String CONTACTS_OF_PEOPLE = """
            UNWIND $ids AS id
            MATCH (tm:TeamMember)-[c:HAS_CONTACT]->(s:Stakeholder {account: id.account, key: id.key})
            RETURN id, tm, s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s, c ORDER BY tm.key, s.key""";

    /** Contacts of the given stakeholders (byTeamMember false) or of the given team members (true). */
    public Map<ItemId, List<Contact>> contacts(Collection<ItemId> ids, boolean byTeamMember) {
        return group(neo4j.query(byTeamMember ? CONTACTS_OF_MEMBERS : CONTACTS_OF_PEOPLE)
                .bind(params(ids)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(itemId(r.get("id")),
                        contact(Rows.teamMember(r.get("tm")), Rows.stakeholder(r.get("s")), r.get("c"))))
                .all());
    }

    private static final String INVOLVEMENTS_IN_OPPORTUNITIES = """
            UNWIND $ids AS id
            MATCH (s:Stakeholder)-[i:INVOLVED_IN]->(o:Opportunity {account: id.account, key: id.key})
            RETURN id, s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s, o,
                   [(o)-[:AGAINST]->(c) | c.key][0] AS competitor, i
            ORDER BY o.key, s.key""";

    private static final String INVOLVEMENTS_OF_PEOPLE = """
            UNWIND $ids AS id
            MATCH (s:Stakeholder {account: id.account, key: id.key})-[i:INVOLVED_IN]->(o:Opportunity)
            RETURN id, s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s, o,
                   [(o)-[:AGAINST]->(c) | c.key][0] AS competitor, i
            ORDER BY o.key, s.key""";

    /** Involvements of the given stakeholders (byOpportunity false) or in the given opportunities (true). */
    public Map<ItemId, List<Involvement>> involvements(Collection<ItemId> ids, boolean byOpportunity) {
        return group(neo4j.query(byOpportunity ? INVOLVEMENTS_IN_OPPORTUNITIES : INVOLVEMENTS_OF_PEOPLE)
                .bind(params(ids)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(itemId(r.get("id")), new Involvement(
                        Rows.opportunity(r.get("o"), str(r.get("competitor"))), Rows.stakeholder(r.get("s")),
                        Rows.strings(r.get("i").get("roles")), Rows.str(r.get("i"), "status"))))
                .all());
    }

    // ---- team, competitors, opportunities

    public Optional<TeamMember> teamMember(ItemId id) {
        return neo4j.query("MATCH (t:TeamMember {account: $account, key: $key}) RETURN t")
                .bindAll(Map.of("account", id.account(), "key", id.key()))
                .fetchAs(TeamMember.class).mappedBy((t, r) -> Rows.teamMember(r.get("t"))).one();
    }

    public Map<String, List<TeamMember>> teamMembers(Collection<String> accounts) {
        return groupBy(neo4j.query("MATCH (t:TeamMember) WHERE t.account IN $accounts RETURN t ORDER BY t.key")
                .bind(accounts).to("accounts")
                .fetchAs(TeamMember.class).mappedBy((t, r) -> Rows.teamMember(r.get("t"))).all(), TeamMember::account);
    }

    public Map<String, List<Competitor>> competitors(Collection<String> accounts) {
        return groupBy(neo4j.query("MATCH (c:Competitor) WHERE c.account IN $accounts RETURN c ORDER BY c.key")
                .bind(accounts).to("accounts")
                .fetchAs(Competitor.class).mappedBy((t, r) -> Rows.competitor(r.get("c"))).all(), Competitor::account);
    }

    public Map<ItemId, Competitor> competitorsById(Collection<ItemId> ids) {
        return index(neo4j.query("""
                        UNWIND $ids AS id MATCH (c:Competitor {account: id.account, key: id.key}) RETURN c""")
                .bind(params(ids)).to("ids")
                .fetchAs(Competitor.class).mappedBy((t, r) -> Rows.competitor(r.get("c"))).all(),
                c -> new ItemId(c.account(), c.key()));
    }

    public Optional<Opportunity> opportunity(ItemId id) {
        return neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $key})
                        RETURN o, [(o)-[:AGAINST]->(c) | c.key][0] AS competitor""")
                .bindAll(Map.of("account", id.account(), "key", id.key()))
                .fetchAs(Opportunity.class).mappedBy((t, r) -> Rows.opportunity(r.get("o"), str(r.get("competitor"))))
                .one();
    }

    public Map<String, List<Opportunity>> opportunities(Collection<String> accounts) {
        return groupBy(neo4j.query("""
                        MATCH (o:Opportunity) WHERE o.account IN $accounts
                        RETURN o, [(o)-[:AGAINST]->(c) | c.key][0] AS competitor ORDER BY o.key""")
                .bind(accounts).to("accounts")
                .fetchAs(Opportunity.class).mappedBy((t, r) -> Rows.opportunity(r.get("o"), str(r.get("competitor"))))
                .all(), Opportunity::account);
    }

    // ---- the political map

    /**
     * The whole map of one opportunity in one query: the account's read model, from which the opportunity's
     * people (with roles, status and best coverage) and lines are taken.
     */
    public Optional<PoliticalMap> politicalMap(ItemId opportunityId) {
        return models.read(opportunityId.account()).flatMap(m -> m.politicalMap(opportunityId.key()));
    }

    // ---- helpers

    private static Contact contact(TeamMember tm, Stakeholder s, Value c) {
        return new Contact(tm, s, Rows.str(c, "coverage"), Rows.date(c, "lastContact"), Rows.str(c, "relationship"));
    }

    private static String str(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    private static List<Map<String, String>> params(Collection<ItemId> ids) {
        return ids.stream().map(id -> Map.of("account", id.account(), "key", id.key())).toList();
    }

    private static ItemId itemId(Value v) {
        return new ItemId(v.get("account").asString(), v.get("key").asString());
    }

    private static <K, T> Map<K, T> index(Collection<T> items, Function<T, K> key) {
        Map<K, T> map = new HashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return map;
    }

    private static <T> Map<String, List<T>> groupBy(Collection<T> items, Function<T, String> key) {
        Map<String, List<T>> map = new HashMap<>();
        items.forEach(i -> map.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
        return map;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Map<ItemId, List<T>> group(Collection<Map.Entry> entries) {
        Map<ItemId, List<T>> map = new HashMap<>();
        for (Map.Entry e : entries) {
            map.computeIfAbsent((ItemId) e.getKey(), k -> new ArrayList<>()).add((T) e.getValue());
        }
        return map;
    }
}
