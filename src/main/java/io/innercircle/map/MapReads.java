package io.innercircle.map;

import io.innercircle.map.Lines.ConflictLine;
import io.innercircle.map.Lines.Contact;
import io.innercircle.map.Lines.InfluenceLine;
import io.innercircle.map.Lines.Involvement;
import io.innercircle.map.Lines.ReportingLine;
import io.innercircle.map.PoliticalMap.MapPerson;
import io.innercircle.vocabulary.Coverage;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** A stakeholder node {@code s} as a map, with its manager's key. */
    static final String PERSON = "s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]}";

    /** The one query behind {@link #politicalMap}; parameters {@code account} and {@code key} (opportunity). */
    public static final String POLITICAL_MAP = """
                        MATCH (o:Opportunity {account: $account, key: $key})
                        MATCH (a:Account {key: $account})
                        RETURN a, o, [(o)-[:AGAINST]->(c) | c.key][0] AS competitor,
                          COLLECT { MATCH (s:Stakeholder {account: $account})
                                    OPTIONAL MATCH (s)-[i:INVOLVED_IN]->(o)
                                    RETURN s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0],
                                             roles: i.roles, status: i.status}
                                    ORDER BY s.key } AS people,
                          COLLECT { MATCH (f:Stakeholder {account: $account})-[r:INFLUENCES]->(t)
                                    RETURN [f.key, t.key, r.strength, r.note] ORDER BY f.key, t.key } AS influences,
                          COLLECT { MATCH (f:Stakeholder {account: $account})-[r:CONFLICTS_WITH]->(t)
                                    RETURN [f.key, t.key, r.note] ORDER BY f.key, t.key } AS conflicts,
                          COLLECT { MATCH (t:TeamMember {account: $account}) RETURN t ORDER BY t.key } AS team,
                          COLLECT { MATCH (t:TeamMember {account: $account})-[c:HAS_CONTACT]->(s)
                                    RETURN [t.key, s.key, c.coverage, c.lastContact, c.relationship]
                                    ORDER BY t.key, s.key } AS contacts
            """;

    private final Neo4jClient neo4j;

    public MapReads(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    // ---- accounts

    /** A page of accounts; {@code only} limits it to those keys (null: all), for callers who see only some. */
    public Page<Account> accounts(Page.Request request, Collection<String> only) {
        String cypher = request.backward()
                ? "MATCH (a:Account) WHERE ($before IS NULL OR a.key < $before) AND ($only IS NULL OR a.key IN $only) "
                + "WITH a ORDER BY a.key DESC LIMIT $limit RETURN a, " + COUNT_VISIBLE + " AS total"
                : "MATCH (a:Account) WHERE ($after IS NULL OR a.key > $after) AND ($only IS NULL OR a.key IN $only) "
                + "WITH a ORDER BY a.key LIMIT $limit RETURN a, " + COUNT_VISIBLE + " AS total";
        List<Record> rows = new ArrayList<>(neo4j.query(cypher)
                .bind(request.afterKey()).to("after")
                .bind(request.beforeKey()).to("before")
                .bind(request.size() + 1).to("limit")
                .bind(only == null ? null : List.copyOf(only)).to("only")
                .fetchAs(Record.class).mappedBy((t, r) -> r).all());
        int total = rows.isEmpty() ? countAccounts(only) : rows.get(0).get("total").asInt();
        return Page.of(rows.stream().map(r -> Rows.account(r.get("a"))).toList(), request, Account::key, total);
    }

    private static final String COUNT_VISIBLE = "COUNT { MATCH (x:Account) WHERE $only IS NULL OR x.key IN $only }";

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
        return neo4j.query("MATCH (s:Stakeholder {account: $account, key: $key}) RETURN " + PERSON + " AS s")
                .bindAll(Map.of("account", id.account(), "key", id.key()))
                .fetchAs(Stakeholder.class).mappedBy((t, r) -> Rows.stakeholder(r.get("s"))).one();
    }

    public Map<ItemId, Stakeholder> stakeholders(Collection<ItemId> ids) {
        return index(neo4j.query("UNWIND $ids AS id MATCH (s:Stakeholder {account: id.account, key: id.key}) "
                        + "RETURN " + PERSON + " AS s")
                .bind(params(ids)).to("ids")
                .fetchAs(Stakeholder.class).mappedBy((t, r) -> Rows.stakeholder(r.get("s"))).all(),
                s -> new ItemId(s.account(), s.key()));
    }

    public Page<Stakeholder> stakeholders(String account, Page.Request request) {
        String cypher = request.backward()
                ? "MATCH (s:Stakeholder {account: $account}) WHERE $before IS NULL OR s.key < $before "
                + "WITH s ORDER BY s.key DESC LIMIT $limit RETURN " + PERSON + " AS s"
                : "MATCH (s:Stakeholder {account: $account}) WHERE $after IS NULL OR s.key > $after "
                + "WITH s ORDER BY s.key LIMIT $limit RETURN " + PERSON + " AS s";
        List<Stakeholder> rows = new ArrayList<>(neo4j.query(cypher)
                .bind(account).to("account")
                .bind(request.afterKey()).to("after")
                .bind(request.beforeKey()).to("before")
                .bind(request.size() + 1).to("limit")
                .fetchAs(Stakeholder.class).mappedBy((t, r) -> Rows.stakeholder(r.get("s"))).all());
        int total = neo4j.query("MATCH (s:Stakeholder {account: $account}) RETURN count(s)")
                .bind(account).to("account").fetchAs(Integer.class).one().orElse(0);
        return Page.of(rows, request, Stakeholder::key, total);
    }

    public Map<ItemId, List<Stakeholder>> directReports(Collection<ItemId> managers) {
        return group(neo4j.query("UNWIND $ids AS id "
                        + "MATCH (s:Stakeholder)-[:REPORTS_TO]->(m:Stakeholder {account: id.account, key: id.key}) "
                        + "RETURN id, " + PERSON + " AS s ORDER BY s.key")
                .bind(params(managers)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(itemId(r.get("id")), Rows.stakeholder(r.get("s"))))
                .all());
    }

    /** Influence lines arriving at (incoming) or leaving (outgoing) each of the given people. */
    public Map<ItemId, List<InfluenceLine>> influenceLines(Collection<ItemId> people, boolean incoming) {
        String pattern = incoming
                ? "MATCH (f:Stakeholder)-[r:INFLUENCES]->(p:Stakeholder {account: id.account, key: id.key}) WITH id, r, f, p AS t "
                : "MATCH (f:Stakeholder {account: id.account, key: id.key})-[r:INFLUENCES]->(t:Stakeholder) WITH id, r, f, t ";
        return group(neo4j.query("UNWIND $ids AS id " + pattern
                        + "CALL (f) { WITH f AS s RETURN " + PERSON + " AS fromPerson } "
                        + "CALL (t) { WITH t AS s RETURN " + PERSON + " AS toPerson } "
                        + "RETURN id, fromPerson, toPerson, r.strength AS strength, r.note AS note "
                        + "ORDER BY fromPerson.key, toPerson.key")
                .bind(params(people)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(itemId(r.get("id")), new InfluenceLine(
                        Rows.stakeholder(r.get("fromPerson")), Rows.stakeholder(r.get("toPerson")),
                        r.get("strength").asInt(), str(r.get("note")))))
                .all());
    }

    public Map<ItemId, List<ConflictLine>> conflictLines(Collection<ItemId> people) {
        return group(neo4j.query("UNWIND $ids AS id "
                        + "MATCH (p:Stakeholder {account: id.account, key: id.key})-[r:CONFLICTS_WITH]-(o:Stakeholder) "
                        + "WITH id, r, startNode(r) AS a, endNode(r) AS b "
                        + "CALL (a) { WITH a AS s RETURN " + PERSON + " AS first } "
                        + "CALL (b) { WITH b AS s RETURN " + PERSON + " AS second } "
                        + "RETURN id, first, second, r.note AS note ORDER BY first.key, second.key")
                .bind(params(people)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(itemId(r.get("id")), new ConflictLine(
                        List.of(Rows.stakeholder(r.get("first")), Rows.stakeholder(r.get("second"))),
                        str(r.get("note")))))
                .all());
    }

    /** Contacts of the given stakeholders (byTeamMember false) or of the given team members (true). */
    public Map<ItemId, List<Contact>> contacts(Collection<ItemId> ids, boolean byTeamMember) {
        String match = byTeamMember
                ? "MATCH (tm:TeamMember {account: id.account, key: id.key})-[c:HAS_CONTACT]->(s:Stakeholder) "
                : "MATCH (tm:TeamMember)-[c:HAS_CONTACT]->(s:Stakeholder {account: id.account, key: id.key}) ";
        return group(neo4j.query("UNWIND $ids AS id " + match
                        + "RETURN id, tm, " + PERSON + " AS s, c ORDER BY tm.key, s.key")
                .bind(params(ids)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(itemId(r.get("id")),
                        contact(Rows.teamMember(r.get("tm")), Rows.stakeholder(r.get("s")), r.get("c"))))
                .all());
    }

    /** Involvements of the given stakeholders (byOpportunity false) or in the given opportunities (true). */
    public Map<ItemId, List<Involvement>> involvements(Collection<ItemId> ids, boolean byOpportunity) {
        String match = byOpportunity
                ? "MATCH (s:Stakeholder)-[i:INVOLVED_IN]->(o:Opportunity {account: id.account, key: id.key}) "
                : "MATCH (s:Stakeholder {account: id.account, key: id.key})-[i:INVOLVED_IN]->(o:Opportunity) ";
        return group(neo4j.query("UNWIND $ids AS id " + match
                        + "RETURN id, " + PERSON + " AS s, o, [(o)-[:AGAINST]->(c) | c.key][0] AS competitor, i "
                        + "ORDER BY o.key, s.key")
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
        return index(neo4j.query("UNWIND $ids AS id MATCH (c:Competitor {account: id.account, key: id.key}) RETURN c")
                .bind(params(ids)).to("ids")
                .fetchAs(Competitor.class).mappedBy((t, r) -> Rows.competitor(r.get("c"))).all(),
                c -> new ItemId(c.account(), c.key()));
    }

    public Optional<Opportunity> opportunity(ItemId id) {
        return neo4j.query("MATCH (o:Opportunity {account: $account, key: $key}) "
                        + "RETURN o, [(o)-[:AGAINST]->(c) | c.key][0] AS competitor")
                .bindAll(Map.of("account", id.account(), "key", id.key()))
                .fetchAs(Opportunity.class).mappedBy((t, r) -> Rows.opportunity(r.get("o"), str(r.get("competitor"))))
                .one();
    }

    public Map<String, List<Opportunity>> opportunities(Collection<String> accounts) {
        return groupBy(neo4j.query("MATCH (o:Opportunity) WHERE o.account IN $accounts "
                        + "RETURN o, [(o)-[:AGAINST]->(c) | c.key][0] AS competitor ORDER BY o.key")
                .bind(accounts).to("accounts")
                .fetchAs(Opportunity.class).mappedBy((t, r) -> Rows.opportunity(r.get("o"), str(r.get("competitor"))))
                .all(), Opportunity::account);
    }

    // ---- the political map

    /**
     * The whole map of one opportunity in one query: the account, the opportunity, every person with their
     * roles, status and best coverage, and every reporting, influence, conflict and contact line. Lines are
     * returned as keys and joined to the people in memory, so each person is read once.
     */
    public Optional<PoliticalMap> politicalMap(ItemId opportunityId) {
        return neo4j.query(POLITICAL_MAP)
                .bindAll(Map.of("account", opportunityId.account(), "key", opportunityId.key()))
                .fetchAs(PoliticalMap.class).mappedBy((t, r) -> politicalMap(r)).one();
    }

    /**
     * Builds the map from one row shaped as {@link #POLITICAL_MAP} returns it (a, o, competitor, people,
     * influences, conflicts, team, contacts); public so a map replayed from the history is built the same way.
     */
    public static PoliticalMap politicalMap(Record r) {
        Map<String, Stakeholder> people = new LinkedHashMap<>();
        Map<String, Value> involvement = new HashMap<>();
        for (Value p : r.get("people").values()) {
            Stakeholder s = Rows.stakeholder(p);
            people.put(s.key(), s);
            involvement.put(s.key(), p);
        }
        Map<String, TeamMember> team = new LinkedHashMap<>();
        r.get("team").values().forEach(v -> team.put(Rows.str(v, "key"), Rows.teamMember(v)));

        List<Contact> contacts = new ArrayList<>();
        Map<String, String> bestCoverage = new HashMap<>();
        for (Value c : r.get("contacts").values()) {
            Stakeholder s = people.get(c.get(1).asString());
            Contact contact = new Contact(team.get(c.get(0).asString()), s, str(c.get(2)),
                    c.get(3).isNull() ? null : c.get(3).asLocalDate(), str(c.get(4)));
            contacts.add(contact);
            bestCoverage.merge(s.key(), contact.coverage(),
                    (a, b) -> Coverage.better(Coverage.valueOf(a), Coverage.valueOf(b)).name());
        }
        List<MapPerson> mapPeople = people.values().stream().map(s -> new MapPerson(s,
                Rows.strings(involvement.get(s.key()).get("roles")), Rows.str(involvement.get(s.key()), "status"),
                bestCoverage.getOrDefault(s.key(), "NONE"))).toList();
        List<ReportingLine> reporting = people.values().stream().filter(s -> s.reportsToKey() != null)
                .map(s -> new ReportingLine(s, people.get(s.reportsToKey()))).toList();
        List<InfluenceLine> influences = r.get("influences").asList(v -> v).stream().map(v -> new InfluenceLine(
                people.get(v.get(0).asString()), people.get(v.get(1).asString()), v.get(2).asInt(),
                str(v.get(3)))).toList();
        List<ConflictLine> conflicts = r.get("conflicts").asList(v -> v).stream().map(v -> new ConflictLine(
                List.of(people.get(v.get(0).asString()), people.get(v.get(1).asString())), str(v.get(2)))).toList();
        return new PoliticalMap(Rows.account(r.get("a")), Rows.opportunity(r.get("o"), str(r.get("competitor"))),
                mapPeople, reporting, influences, conflicts, contacts, List.copyOf(team.values()));
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
