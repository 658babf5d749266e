package io.innercircle.bundle.internal;

import io.innercircle.map.Account;
import io.innercircle.map.AccountVersions;
import io.innercircle.map.WrittenMap;
import io.innercircle.map.FocusedMaps;
import io.innercircle.map.ItemId;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.innercircle.bundle.internal.Bundle.list;
import static io.innercircle.bundle.internal.BundleStatements.props;

/**
 * Writes a validated bundle into the graph in one transaction (Spring's, through SDN's transaction manager),
 * following the graph model of cypher/README.md. Every statement sends its rows as one parameter list and
 * walks them with UNWIND, so a 5,000-person map is about fifteen round trips rather than tens of thousands.
 *
 * <p>Order: the account (its lock serializes concurrent imports of it), then the nodes, each statement handing
 * back the element id of every node it wrote, then the lines, which find their two ends by those ids. A bundle
 * only refers to its own items (rule 2), so every end is among the nodes just written. Finding ends by id
 * instead of by (account, key) halves the cost of the lines: no index seek, no index lock, no look through
 * the transaction's uncommitted index entries. The ids never leave this transaction.
 *
 * <p>Replace first deletes the account's map and then CREATEs everything: nothing can exist any more, and
 * CREATE skips the existence checks MERGE makes for every row. Merge MERGEs nodes on (account, key) and lines
 * on their two ends. Either way node properties are set one by one from the fields the bundle format knows,
 * absent ones set to null: that removes what the bundle leaves out and keeps properties other features may
 * put on the same nodes.
 *
 * <p>A replace also tells what it wrote ({@link WrittenMap}): every node and line, with the properties as stored,
 * built from the same rows the statements send. The history takes the new map from there rather than reading
 * the whole map back.
 */
@Component
class BundleWriter {

    private static final List<String> STAKEHOLDER_FIELDS = List.of("name", "title", "department", "adaptability",
            "rank", "influence", "innerCircle", "external", "placeholder", "businessAgenda", "personalAgenda",
            "notes");
    private static final List<String> OPPORTUNITY_FIELDS = List.of("name", "amount", "currency", "stage",
            "strategy", "goal", "objective");

    /** What a replace deletes in the account before writing (see clearAccount) and then writes from the bundle. */
    static final Set<String> REPLACED_LABELS = Set.of("TeamMember", "Competitor", "Stakeholder", "Opportunity",
            "Rating", "Tactic", "RelationshipPlan");

    private final Neo4jClient neo4j;
    private final BundleStatements statements;
    private final FocusedMaps layouts;

    BundleWriter(Neo4jClient neo4j, FocusedMaps layouts) {
        this.neo4j = neo4j;
        this.statements = new BundleStatements(neo4j);
        this.layouts = layouts;
    }

    /** Element ids of the nodes written by this import, by key, one map per label. */
    private record Ids(Map<String, String> team, Map<String, String> competitors, Map<String, String> people,
                       Map<String, String> opportunities) {
    }

    /** The account after the write and, for a replace, everything the write left in it (null for a merge). */
    record Written(Account account, WrittenMap map) {
    }

    @Transactional
    public Account write(Bundle bundle, boolean merge) {
        return writeTelling(bundle, merge).account();
    }

    /** Writes the bundle and tells what a replace wrote. */
    @Transactional
    public Written writeTelling(Bundle bundle, boolean merge) {
        String account = bundle.account().key();
        // Touching the account node first takes its write lock, so two imports of the same account run one
        // after the other instead of interleaving their deletes and writes.
        Account written = upsertAccount(bundle.account());
        if (!merge) {
            clearAccount(account);
        }
        // Not user input: CREATE or MERGE, chosen by the mode.
        String verb = merge ? "MERGE" : "CREATE";
        WrittenMapBuilder told = new WrittenMapBuilder(merge ? null : new WrittenMap(REPLACED_LABELS));
        Ids ids = writeNodes(bundle, account, verb, told);
        if (merge) {
            clearWhatTheBundleRestates(ids);
        }
        writeLines(bundle, ids, verb, merge, told);
        writeOpportunityContents(bundle, account, ids, verb, told);
        return new Written(written, told.map);
    }

    private Account upsertAccount(Bundle.Account a) {
        return neo4j.query("""
                        %s
                        MERGE (a:Account {key: $key})
                          ON CREATE SET a.createdAt = datetime(), a.version = recordedBefore
                        SET a.name = $name, a.industry = $industry, a.notes = $notes,
                            a.version = coalesce(a.version, 0) + 1, a.updatedAt = datetime()
                        RETURN a.key AS key, a.name AS name, a.industry AS industry, a.notes AS notes,
                               a.version AS version""".formatted(AccountVersions.RECORDED_BEFORE))
                .bindAll(props("key", a.key(), "name", a.name(), "industry", a.industry(), "notes", a.notes()))
                .fetchAs(Account.class)
                .mappedBy((types, r) -> new Account(r.get("key").asString(), r.get("name").asString(),
                        r.get("industry").asString(null), r.get("notes").asString(null), r.get("version").asLong()))
                .one()
                .orElseThrow();
    }

    /** Replace: everything that carries the account's key goes; the Account node itself stays (createdAt). */
    private void clearAccount(String account) {
        // One statement, one round trip. Ratings and tactics have no index on account, but are reached from
        // their opportunities; the label scans after that catch any that lost their opportunity some other way.
        // The plan's records outside the bundle format (strategy choices, reviews, stage outcomes and moves) go
        // with their opportunity.
        statements.run("""
                CALL () { MATCH (:Opportunity {account: $account})
                                -[:HAS_RATING|HAS_TACTIC|CHOSE_STRATEGY|HAS_REVIEW|HAS_OUTCOME|MOVED|HAS_RELATIONSHIP_PLAN]->(x)
                          DETACH DELETE x }
                CALL () { MATCH (x:Rating {account: $account}) DETACH DELETE x }
                CALL () { MATCH (x:RelationshipPlan {account: $account}) DETACH DELETE x }
                CALL () { MATCH (x:Tactic {account: $account}) DETACH DELETE x }
                CALL () { MATCH (x:Opportunity {account: $account}) DETACH DELETE x }
                CALL () { MATCH (x:Stakeholder {account: $account}) DETACH DELETE x }
                CALL () { MATCH (x:TeamMember {account: $account}) DETACH DELETE x }
                CALL () { MATCH (x:Competitor {account: $account}) DETACH DELETE x }""", Map.of("account", account));
    }

    /**
     * Merge: what the bundle restates about an item it contains is replaced, the rest of the account stays.
     * A stakeholder's manager and an opportunity's roles, statuses, assessment, tactics and competitor are
     * part of that item, so they are cleared here and rewritten from the bundle.
     */
    private void clearWhatTheBundleRestates(Ids ids) {
        statements.unwind("""
                UNWIND $rows AS id
                MATCH (s) WHERE elementId(s) = id
                MATCH (s)-[r:REPORTS_TO]->()
                DELETE r""", null, new ArrayList<>(ids.people().values()));
        statements.unwind("""
                UNWIND $rows AS id
                MATCH (o) WHERE elementId(o) = id
                CALL (o) { MATCH (o)-[:HAS_RATING|HAS_TACTIC]->(x) DETACH DELETE x }
                CALL (o) { MATCH (o)-[r:INVOLVED_IN|AGAINST]-() DELETE r }""", null,
                new ArrayList<>(ids.opportunities().values()));
    }

    private Ids writeNodes(Bundle bundle, String account, String verb, WrittenMapBuilder told) {
        Map<String, String> team = statements.upsert("""
                        UNWIND $rows AS row
                        %s (n:TeamMember {account: $account, key: row.key})
                        SET n.name = row.name, n.role = row.role""".formatted(verb),
                account, told(told, "TeamMember", list(bundle.team()).stream()
                        .map(t -> props("key", t.key(), "name", t.name(), "role", t.role())).toList()));
        Map<String, String> competitors = statements.upsert("""
                        UNWIND $rows AS row
                        %s (n:Competitor {account: $account, key: row.key})
                        SET n.name = row.name""".formatted(verb), account,
                told(told, "Competitor", list(bundle.competitors()).stream()
                        .map(c -> props("key", c.key(), "name", c.name())).toList()));
        Map<String, String> people = statements.upsert("""
                        UNWIND $rows AS row
                        %s (n:Stakeholder {account: $account, key: row.key})
                        SET %s""".formatted(verb, assignments(STAKEHOLDER_FIELDS)), account,
                told(told, "Stakeholder", list(bundle.stakeholders()).stream().map(s -> props("key", s.key(),
                        "name", s.name(),
                        "title", s.title(), "department", s.department(), "adaptability", s.adaptability(),
                        "rank", s.rank(), "influence", s.influence(), "innerCircle", s.innerCircle(),
                        "external", s.external(), "placeholder", s.placeholder(),
                        "businessAgenda", s.businessAgenda(), "personalAgenda", s.personalAgenda(),
                        "notes", s.notes())).toList()));
        List<Map<String, Object>> opportunityRows = list(bundle.opportunities()).stream().map(o -> props(
                        "key", o.key(), "name", o.name(),
                        // The graph model stores amounts as floats, whatever number the JSON held.
                        "amount", o.amount() == null ? null : o.amount().doubleValue(), "currency", o.currency(),
                        "closeDate", o.closeDate(), "stage", o.stage(), "strategy", o.strategy(), "goal", o.goal(),
                        "objective", o.objective())).toList();
        Map<String, String> opportunities = statements.upsert("""
                        UNWIND $rows AS row
                        %s (n:Opportunity {account: $account, key: row.key})
                        SET %s, n.closeDate = date(row.closeDate)""".formatted(verb, assignments(OPPORTUNITY_FIELDS)),
                account, opportunityRows);
        for (Map<String, Object> row : opportunityRows) {
            Map<String, Object> stored = new HashMap<>(row);
            stored.put("closeDate", date(row.get("closeDate")));
            told.node("Opportunity", stored);
        }
        return new Ids(team, competitors, people, opportunities);
    }

    /** Tells the written map about each row of a node statement (a row is the node's properties and key). */
    private static List<Map<String, Object>> told(WrittenMapBuilder told, String label,
                                                  List<Map<String, Object>> rows) {
        rows.forEach(row -> told.node(label, row));
        return rows;
    }

    /** A date of the bundle (ISO text, checked by the validator) as Neo4j's date() stores it. */
    private static LocalDate date(Object text) {
        return text == null ? null : LocalDate.parse((String) text);
    }

    private void writeLines(Bundle bundle, Ids ids, String verb, boolean merge, WrittenMapBuilder told) {
        Map<String, String> people = ids.people();
        for (Bundle.Stakeholder s : list(bundle.stakeholders())) {
            if (s.reportsTo() != null) {
                told.line("REPORTS_TO", told.get("Stakeholder", s.key()), told.get("Stakeholder", s.reportsTo()));
            }
        }
        for (Bundle.Influence i : list(bundle.influences())) {
            told.line("INFLUENCES", told.get("Stakeholder", i.from()), told.get("Stakeholder", i.to()),
                    "strength", i.effectiveStrength(), "note", i.note());
        }
        for (Bundle.Contact c : list(bundle.contacts())) {
            told.line("HAS_CONTACT", told.get("TeamMember", c.teamMember()), told.get("Stakeholder", c.stakeholder()),
                    "coverage", c.coverage(), "lastContact", date(c.lastContact()), "relationship", c.relationship());
        }
        statements.unwind("""
                UNWIND $rows AS row
                MATCH (s) WHERE elementId(s) = row.person
                MATCH (m) WHERE elementId(m) = row.manager
                %s (s)-[:REPORTS_TO]->(m)""".formatted(verb), null, list(bundle.stakeholders()).stream()
                .filter(s -> s.reportsTo() != null)
                .map(s -> props("person", people.get(s.key()), "manager", people.get(s.reportsTo()))).toList());
        statements.unwind("""
                UNWIND $rows AS row
                MATCH (a) WHERE elementId(a) = row.from
                MATCH (b) WHERE elementId(b) = row.to
                %s (a)-[r:INFLUENCES]->(b)
                SET r.strength = row.strength, r.note = row.note""".formatted(verb), null,
                list(bundle.influences()).stream().map(i -> props("from", people.get(i.from()),
                        "to", people.get(i.to()), "strength", i.effectiveStrength(), "note", i.note())).toList());
        // Stored once, from the smaller key to the larger, so that a pair has exactly one place to look. When
        // merging, a line stored the other way round by some older write is replaced rather than doubled.
        statements.unwind("""
                UNWIND $rows AS row
                MATCH (a) WHERE elementId(a) = row.a
                MATCH (b) WHERE elementId(b) = row.b
                %s
                %s (a)-[r:CONFLICTS_WITH]->(b)
                SET r.note = row.note""".formatted(merge
                        ? "CALL (a, b) { MATCH (b)-[reverse:CONFLICTS_WITH]->(a) DELETE reverse }" : "", verb),
                null, list(bundle.conflicts()).stream().map(c -> {
                    String x = c.between().get(0);
                    String y = c.between().get(1);
                    boolean ordered = x.compareTo(y) < 0;
                    told.line("CONFLICTS_WITH", told.get("Stakeholder", ordered ? x : y),
                            told.get("Stakeholder", ordered ? y : x), "note", c.note());
                    return props("a", people.get(ordered ? x : y), "b", people.get(ordered ? y : x),
                            "note", c.note());
                }).toList());
        statements.unwind("""
                UNWIND $rows AS row
                MATCH (t) WHERE elementId(t) = row.teamMember
                MATCH (s) WHERE elementId(s) = row.stakeholder
                %s (t)-[r:HAS_CONTACT]->(s)
                SET r.coverage = row.coverage, r.lastContact = date(row.lastContact),
                    r.relationship = row.relationship""".formatted(verb), null, list(bundle.contacts()).stream()
                .map(c -> props("teamMember", ids.team().get(c.teamMember()), "stakeholder",
                        people.get(c.stakeholder()), "coverage", c.coverage(), "lastContact", c.lastContact(),
                        "relationship", c.relationship())).toList());
    }

    private void writeOpportunityContents(Bundle bundle, String account, Ids ids, String verb, WrittenMapBuilder told) {
        List<Map<String, Object>> against = new ArrayList<>();
        List<Map<String, Object>> involvements = new ArrayList<>();
        List<Map<String, Object>> ratings = new ArrayList<>();
        List<Map<String, Object>> tactics = new ArrayList<>();
        List<Map<String, Object>> targets = new ArrayList<>();
        List<String> plansRestated = new ArrayList<>();
        List<Map<String, Object>> relationshipPlans = new ArrayList<>();
        for (Bundle.Opportunity o : list(bundle.opportunities())) {
            String opportunity = ids.opportunities().get(o.key());
            WrittenMap.Node deal = told.get("Opportunity", o.key());
            if (o.competitor() != null) {
                against.add(props("opportunity", opportunity, "competitor", ids.competitors().get(o.competitor())));
                told.line("AGAINST", deal, told.get("Competitor", o.competitor()));
            }
            // roles and status are separate arrays in the bundle but one INVOLVED_IN line in the graph.
            Map<String, Map<String, Object>> byPerson = new LinkedHashMap<>();
            for (Bundle.Roles r : list(o.roles())) {
                involvement(byPerson, opportunity, r.stakeholder(), ids).put("roles", r.roles());
            }
            for (Bundle.Status s : list(o.status())) {
                involvement(byPerson, opportunity, s.stakeholder(), ids).put("status", s.status());
            }
            involvements.addAll(byPerson.values());
            byPerson.forEach((person, row) -> told.line("INVOLVED_IN", told.get("Stakeholder", person), deal,
                    "roles", row.get("roles"), "status", row.get("status")));
            if (o.positions() != null) {
                // Saved box positions: a bundle that has them restates them; one without leaves them as they are.
                layouts.replacePositions(new ItemId(account, o.key()), o.positions().stream()
                        .map(p -> new FocusedMaps.Position(p.stakeholder(), p.x(), p.y())).toList());
            }
            for (Bundle.Rating r : list(o.assessment())) {
                Map<String, Object> rating = props("opportunity", opportunity, "criterion", r.criterion(),
                        "us", r.us(), "competitor", r.competitor(), "note", r.note());
                ratings.add(rating);
                told.line("HAS_RATING", deal, told.node("Rating", stored(rating, List.of("opportunity"))));
            }
            List<Bundle.Tactic> plan = list(o.tactics());
            for (int position = 0; position < plan.size(); position++) {
                Bundle.Tactic t = plan.get(position);
                Map<String, Object> row = props("opportunity", opportunity, "position", position,
                        "prime", t.prime(), "what", t.what(),
                        "owner", t.owner() == null ? null : ids.team().get(t.owner()), "due", t.due(),
                        "resources", t.resources(), "cost", t.cost() == null ? null : t.cost().doubleValue(),
                        "done", t.done());
                tactics.add(row);
                WrittenMap.Node tactic = told.node("Tactic", stored(row, List.of("opportunity", "owner"),
                        "key", o.key() + "-tactic-" + position));
                told.line("HAS_TACTIC", deal, tactic);
                if (t.owner() != null) {
                    told.line("OWNED_BY", tactic, told.get("TeamMember", t.owner()));
                }
                for (String person : list(t.targets())) {
                    targets.add(props("opportunity", opportunity, "position", position,
                            "stakeholder", ids.people().get(person)));
                    told.line("TARGETS", tactic, told.get("Stakeholder", person));
                }
            }
            if (o.relationshipPlans() != null) {
                // Like positions: a bundle that has the array restates the plans; one without leaves them.
                plansRestated.add(opportunity);
                for (Bundle.RelationshipPlan p : o.relationshipPlans()) {
                    Map<String, Object> row = props("opportunity", opportunity, "stakeholder",
                            ids.people().get(p.stakeholder()), "person", p.stakeholder(), "strategy", p.strategy(),
                            "owner", p.owner(), "nextStep", p.nextStep(), "due", p.due(), "outcome", p.outcome());
                    relationshipPlans.add(row);
                    WrittenMap.Node record = told.node("RelationshipPlan", stored(row,
                            List.of("opportunity", "stakeholder", "person"), "key", o.key() + "|" + p.stakeholder(),
                            "opportunity", o.key(), "stakeholder", p.stakeholder()));
                    told.line("HAS_RELATIONSHIP_PLAN", deal, record);
                    told.line("FOR", record, told.get("Stakeholder", p.stakeholder()));
                }
            }
        }
        statements.unwind("""
                UNWIND $rows AS row
                MATCH (o) WHERE elementId(o) = row.opportunity
                MATCH (c) WHERE elementId(c) = row.competitor
                %s (o)-[:AGAINST]->(c)""".formatted(verb), null, against);
        statements.unwind("""
                UNWIND $rows AS row
                MATCH (s) WHERE elementId(s) = row.stakeholder
                MATCH (o) WHERE elementId(o) = row.opportunity
                %s (s)-[r:INVOLVED_IN]->(o)
                SET r.roles = row.roles, r.status = row.status""".formatted(verb), null, involvements);
        // Ratings and tactics have no key in a bundle; merge clears an opportunity's before rewriting, so CREATE
        // is right in both modes. A tactic's key comes from its place in the plan, so importing the same bundle
        // again gives the same keys and the history sees no change.
        statements.unwind("""
                UNWIND $rows AS row
                MATCH (o) WHERE elementId(o) = row.opportunity
                CREATE (o)-[:HAS_RATING]->(r:Rating {account: $account})
                SET r.criterion = row.criterion, r.us = row.us, r.competitor = row.competitor,
                    r.note = row.note""", account, ratings);
        statements.unwind("""
                UNWIND $rows AS row
                MATCH (o) WHERE elementId(o) = row.opportunity
                CREATE (o)-[:HAS_TACTIC]->(t:Tactic {account: $account, key: o.key + '-tactic-' + toString(row.position)})
                SET t.position = row.position, t.prime = row.prime, t.what = row.what, t.due = date(row.due),
                    t.resources = row.resources, t.cost = row.cost, t.done = row.done
                WITH t, row WHERE row.owner IS NOT NULL
                MATCH (m) WHERE elementId(m) = row.owner
                CREATE (t)-[:OWNED_BY]->(m)""", account, tactics);
        statements.unwind("""
                UNWIND $rows AS row
                MATCH (o) WHERE elementId(o) = row.opportunity
                MATCH (o)-[:HAS_TACTIC]->(t:Tactic {position: row.position})
                MATCH (s) WHERE elementId(s) = row.stakeholder
                MERGE (t)-[:TARGETS]->(s)""", null, targets);
        statements.unwind("""
                UNWIND $rows AS id
                MATCH (o) WHERE elementId(o) = id
                CALL (o) { MATCH (o)-[:HAS_RELATIONSHIP_PLAN]->(x) DETACH DELETE x }""", null, plansRestated);
        // The plan's key and properties are those setRelationshipPlan writes, so the two are one record.
        statements.unwind("""
                UNWIND $rows AS row
                MATCH (o) WHERE elementId(o) = row.opportunity
                MATCH (s) WHERE elementId(s) = row.stakeholder
                CREATE (o)-[:HAS_RELATIONSHIP_PLAN]->(r:RelationshipPlan {account: $account,
                        key: o.key + '|' + row.person})
                SET r.opportunity = o.key, r.stakeholder = row.person, r.strategy = row.strategy,
                    r.owner = row.owner, r.nextStep = row.nextStep, r.due = date(row.due), r.outcome = row.outcome
                CREATE (r)-[:FOR]->(s)""", account, relationshipPlans);
    }

    /** The row of a person's INVOLVED_IN line, by the person's key. */
    private static Map<String, Object> involvement(Map<String, Map<String, Object>> byPerson, String opportunity,
                                                   String person, Ids ids) {
        return byPerson.computeIfAbsent(person, key -> props("opportunity", opportunity, "stakeholder",
                ids.people().get(key), "roles", null, "status", null));
    }

    /**
     * What the history is told of a node written from a statement row, as the statement stores it: the row without
     * the element ids of the nodes it links (no property), its due date as a date, and these further properties.
     */
    private static Map<String, Object> stored(Map<String, Object> row, List<String> links, Object... more) {
        Map<String, Object> node = new HashMap<>(row);
        links.forEach(node::remove);
        if (node.containsKey("due")) {
            node.put("due", date(node.get("due")));
        }
        node.putAll(props(more));
        return node;
    }

    /** "n.name = row.name, n.title = row.title, ..." for a fixed list of field names (never input). */
    private static String assignments(List<String> fields) {
        return fields.stream().map(f -> "n." + f + " = row." + f).collect(Collectors.joining(", "));
    }
}
