package io.innercircle.bundle;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.innercircle.bundle.Bundle.list;

/**
 * Writes a validated bundle into the graph in one transaction, following the graph model of cypher/README.md.
 * Every statement sends its rows as one parameter list and walks them with UNWIND, so a 5,000-person map is a
 * handful of round trips rather than tens of thousands.
 *
 * <p>Nodes are upserted with {@code SET n += props} where props holds every field the bundle format knows, the
 * absent ones as null: that sets what the bundle gives, removes what it leaves out, and keeps properties other
 * features may put on the same nodes (the bundle format does not know them and must not wipe them).
 */
@Component
class BundleWriter {

    /** Rows per statement: large enough to keep round trips few, small enough to bound one message's size. */
    static final int BATCH = 10_000;

    private final Neo4jClient neo4j;

    BundleWriter(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @Transactional
    public BundleAccount write(Bundle bundle, boolean merge) {
        String account = bundle.account().key();
        // Touching the account node first takes its write lock, so two imports of the same account run one
        // after the other instead of interleaving their deletes and writes.
        BundleAccount written = upsertAccount(bundle.account());
        if (merge) {
            clearWhatTheBundleRestates(bundle, account);
        } else {
            clearAccount(account);
        }
        writeNodes(bundle, account);
        writeLines(bundle, account);
        writeOpportunityContents(bundle, account);
        return written;
    }

    private BundleAccount upsertAccount(Bundle.Account a) {
        Map<String, Object> props = new HashMap<>();
        props.put("name", a.name());
        props.put("industry", a.industry());
        props.put("notes", a.notes());
        return neo4j.query("""
                        MERGE (a:Account {key: $key})
                          ON CREATE SET a.createdAt = datetime()
                        SET a += $props, a.version = coalesce(a.version, 0) + 1, a.updatedAt = datetime()
                        RETURN a.key AS key, a.name AS name, a.industry AS industry, a.notes AS notes,
                               a.version AS version""")
                .bind(a.key()).to("key")
                .bind(props).to("props")
                .fetchAs(BundleAccount.class)
                .mappedBy((types, r) -> new BundleAccount(r.get("key").asString(), r.get("name").asString(),
                        r.get("industry").asString(null), r.get("notes").asString(null), r.get("version").asLong()))
                .one()
                .orElseThrow();
    }

    /** Replace: everything that carries the account's key goes, the Account node itself stays (createdAt). */
    private void clearAccount(String account) {
        // Ratings and tactics first while their opportunities still lead to them; the label scans after
        // catch any that lost their opportunity some other way (they have no index on account).
        run("MATCH (:Opportunity {account: $account})-[:HAS_RATING|HAS_TACTIC]->(x) DETACH DELETE x", account);
        run("MATCH (x:Rating {account: $account}) DETACH DELETE x", account);
        run("MATCH (x:Tactic {account: $account}) DETACH DELETE x", account);
        for (String label : List.of("Opportunity", "Stakeholder", "TeamMember", "Competitor")) {
            // Labels cannot be parameters; these four are constants, never input.
            run("MATCH (x:" + label + " {account: $account}) DETACH DELETE x", account);
        }
    }

    /**
     * Merge: what the bundle restates about an item it contains is replaced, the rest of the account stays.
     * A stakeholder's manager and an opportunity's roles, statuses, assessment, tactics and competitor are
     * part of that item, so they are cleared here and rewritten from the bundle.
     */
    private void clearWhatTheBundleRestates(Bundle bundle, String account) {
        List<String> people = list(bundle.stakeholders()).stream().map(Bundle.Stakeholder::key).toList();
        List<String> opportunities = list(bundle.opportunities()).stream().map(Bundle.Opportunity::key).toList();
        unwind("""
                UNWIND $rows AS key
                MATCH (:Stakeholder {account: $account, key: key})-[r:REPORTS_TO]->()
                DELETE r""", account, people);
        unwind("""
                UNWIND $rows AS key
                MATCH (:Opportunity {account: $account, key: key})-[:HAS_RATING|HAS_TACTIC]->(x)
                DETACH DELETE x""", account, opportunities);
        unwind("""
                UNWIND $rows AS key
                MATCH (:Opportunity {account: $account, key: key})-[r:INVOLVED_IN|AGAINST]-()
                DELETE r""", account, opportunities);
    }

    private void writeNodes(Bundle bundle, String account) {
        unwind("""
                UNWIND $rows AS row
                MERGE (t:TeamMember {account: $account, key: row.key})
                SET t += row.props""", account, list(bundle.team()).stream()
                .map(t -> row(t.key(), props("name", t.name(), "role", t.role()))).toList());
        unwind("""
                UNWIND $rows AS row
                MERGE (c:Competitor {account: $account, key: row.key})
                SET c += row.props""", account, list(bundle.competitors()).stream()
                .map(c -> row(c.key(), props("name", c.name()))).toList());
        unwind("""
                UNWIND $rows AS row
                MERGE (s:Stakeholder {account: $account, key: row.key})
                SET s += row.props""", account, list(bundle.stakeholders()).stream()
                .map(s -> row(s.key(), props("name", s.name(), "title", s.title(), "department", s.department(),
                        "adaptability", s.adaptability(), "rank", s.rank(), "influence", s.influence(),
                        "innerCircle", s.innerCircle(), "external", s.external(), "placeholder", s.placeholder(),
                        "businessAgenda", s.businessAgenda(), "personalAgenda", s.personalAgenda(),
                        "notes", s.notes())))
                .toList());
        unwind("""
                UNWIND $rows AS row
                MERGE (o:Opportunity {account: $account, key: row.key})
                SET o += row.props, o.closeDate = date(row.closeDate)""", account,
                list(bundle.opportunities()).stream().map(o -> {
                    Map<String, Object> row = row(o.key(), props("name", o.name(),
                            "amount", o.amount() == null ? null : o.amount().doubleValue(), "currency", o.currency(),
                            "stage", o.stage(), "strategy", o.strategy(), "goal", o.goal(),
                            "objective", o.objective()));
                    row.put("closeDate", o.closeDate());
                    return row;
                }).toList());
    }

    private void writeLines(Bundle bundle, String account) {
        unwind("""
                UNWIND $rows AS row
                MATCH (s:Stakeholder {account: $account, key: row.person})
                MATCH (m:Stakeholder {account: $account, key: row.manager})
                MERGE (s)-[:REPORTS_TO]->(m)""", account, list(bundle.stakeholders()).stream()
                .filter(s -> s.reportsTo() != null)
                .map(s -> props("person", s.key(), "manager", s.reportsTo())).toList());
        unwind("""
                UNWIND $rows AS row
                MATCH (a:Stakeholder {account: $account, key: row.from})
                MATCH (b:Stakeholder {account: $account, key: row.to})
                MERGE (a)-[r:INFLUENCES]->(b)
                SET r.strength = row.strength, r.note = row.note""", account, list(bundle.influences()).stream()
                .map(i -> props("from", i.from(), "to", i.to(), "strength", i.effectiveStrength(),
                        "note", i.note())).toList());
        // Stored once, from the smaller key to the larger, so that a pair has exactly one place to look; a
        // line stored the other way round by an older write is replaced rather than doubled.
        unwind("""
                UNWIND $rows AS row
                MATCH (a:Stakeholder {account: $account, key: row.a})
                MATCH (b:Stakeholder {account: $account, key: row.b})
                CALL { WITH a, b MATCH (b)-[reverse:CONFLICTS_WITH]->(a) DELETE reverse }
                MERGE (a)-[r:CONFLICTS_WITH]->(b)
                SET r.note = row.note""", account, list(bundle.conflicts()).stream().map(c -> {
            String x = c.between().get(0);
            String y = c.between().get(1);
            boolean ordered = x.compareTo(y) < 0;
            return props("a", ordered ? x : y, "b", ordered ? y : x, "note", c.note());
        }).toList());
        unwind("""
                UNWIND $rows AS row
                MATCH (t:TeamMember {account: $account, key: row.teamMember})
                MATCH (s:Stakeholder {account: $account, key: row.stakeholder})
                MERGE (t)-[r:HAS_CONTACT]->(s)
                SET r.coverage = row.coverage, r.lastContact = date(row.lastContact),
                    r.relationship = row.relationship""", account, list(bundle.contacts()).stream()
                .map(c -> props("teamMember", c.teamMember(), "stakeholder", c.stakeholder(),
                        "coverage", c.coverage(), "lastContact", c.lastContact(),
                        "relationship", c.relationship())).toList());
    }

    private void writeOpportunityContents(Bundle bundle, String account) {
        List<Map<String, Object>> against = new ArrayList<>();
        List<Map<String, Object>> involvements = new ArrayList<>();
        List<Map<String, Object>> ratings = new ArrayList<>();
        List<Map<String, Object>> tactics = new ArrayList<>();
        for (Bundle.Opportunity o : list(bundle.opportunities())) {
            if (o.competitor() != null) {
                against.add(props("opportunity", o.key(), "competitor", o.competitor()));
            }
            // roles and status are separate arrays in the bundle but one INVOLVED_IN line in the graph.
            Map<String, Map<String, Object>> byPerson = new LinkedHashMap<>();
            for (Bundle.Roles r : list(o.roles())) {
                involvement(byPerson, o.key(), r.stakeholder()).put("roles", r.roles());
            }
            for (Bundle.Status s : list(o.status())) {
                involvement(byPerson, o.key(), s.stakeholder()).put("status", s.status());
            }
            involvements.addAll(byPerson.values());
            for (Bundle.Rating r : list(o.assessment())) {
                Map<String, Object> row = props("criterion", r.criterion(), "us", r.us(),
                        "competitor", r.competitor(), "note", r.note());
                ratings.add(props("opportunity", o.key(), "props", row));
            }
            List<Bundle.Tactic> plan = list(o.tactics());
            for (int position = 0; position < plan.size(); position++) {
                Bundle.Tactic t = plan.get(position);
                Map<String, Object> row = props("position", position, "prime", t.prime(), "what", t.what(),
                        "resources", t.resources(), "cost", t.cost() == null ? null : t.cost().doubleValue(),
                        "done", t.done());
                tactics.add(props("opportunity", o.key(), "props", row, "due", t.due(), "owner", t.owner()));
            }
        }
        unwind("""
                UNWIND $rows AS row
                MATCH (o:Opportunity {account: $account, key: row.opportunity})
                MATCH (c:Competitor {account: $account, key: row.competitor})
                MERGE (o)-[:AGAINST]->(c)""", account, against);
        unwind("""
                UNWIND $rows AS row
                MATCH (s:Stakeholder {account: $account, key: row.stakeholder})
                MATCH (o:Opportunity {account: $account, key: row.opportunity})
                MERGE (s)-[r:INVOLVED_IN]->(o)
                SET r.roles = row.roles, r.status = row.status""", account, involvements);
        unwind("""
                UNWIND $rows AS row
                MATCH (o:Opportunity {account: $account, key: row.opportunity})
                CREATE (o)-[:HAS_RATING]->(r:Rating {account: $account})
                SET r += row.props""", account, ratings);
        unwind("""
                UNWIND $rows AS row
                MATCH (o:Opportunity {account: $account, key: row.opportunity})
                CREATE (o)-[:HAS_TACTIC]->(t:Tactic {account: $account})
                SET t += row.props, t.due = date(row.due)
                WITH t, row WHERE row.owner IS NOT NULL
                MATCH (m:TeamMember {account: $account, key: row.owner})
                CREATE (t)-[:OWNED_BY]->(m)""", account, tactics);
    }

    private static Map<String, Object> involvement(Map<String, Map<String, Object>> byPerson, String opportunity,
                                                   String stakeholder) {
        return byPerson.computeIfAbsent(stakeholder, k -> props("opportunity", opportunity, "stakeholder", k,
                "roles", null, "status", null));
    }

    private static Map<String, Object> row(String key, Map<String, Object> props) {
        Map<String, Object> row = new HashMap<>();
        row.put("key", key);
        row.put("props", props);
        return row;
    }

    /** A map that, unlike Map.of, keeps null values: a null is how a property gets removed. */
    private static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private void run(String cypher, String account) {
        neo4j.query(cypher).bind(account).to("account").run();
    }

    private void unwind(String cypher, String account, List<?> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<?> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            neo4j.query(cypher).bind(account).to("account").bind(batch).to("rows").run();
        }
    }
}
