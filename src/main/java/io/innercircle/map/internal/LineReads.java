package io.innercircle.map.internal;

import io.innercircle.map.ItemId;
import io.innercircle.map.Rows;
import io.innercircle.map.Lines.ConflictLine;
import io.innercircle.map.Lines.InfluenceLine;
import io.innercircle.map.Lines.Involvement;
import io.innercircle.map.Stakeholder;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads of the lines between people: influence, conflict, and involvement in opportunities. Each method is one
 * Cypher query in a read-only transaction (so a cluster routes it to a reader); the batch methods take many ids at
 * once so that GraphQL lists never cost one query per item.
 */
@Service
@Transactional(readOnly = true)
class LineReads {

    private final Neo4jClient neo4j;

    LineReads(Neo4jClient neo4j) {
        this.neo4j = neo4j;
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
        return Rows.group(neo4j.query(incoming ? INFLUENCES_IN : INFLUENCES_OUT)
                .bind(Rows.params(people)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(Rows.itemId(r.get("id")), new InfluenceLine(
                        Rows.stakeholder(r.get("fromPerson")), Rows.stakeholder(r.get("toPerson")),
                        r.get("strength").asInt(), Rows.str(r.get("note")))))
                .all());
    }

    public Map<ItemId, List<ConflictLine>> conflictLines(Collection<ItemId> people) {
        return Rows.group(neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (p:Stakeholder {account: id.account, key: id.key})-[r:CONFLICTS_WITH]-(:Stakeholder)
                        WITH id, r, startNode(r) AS a, endNode(r) AS b
                        RETURN id, a{.*, reportsTo: [(a)-[:REPORTS_TO]->(m) | m.key][0]} AS first,
                               b{.*, reportsTo: [(b)-[:REPORTS_TO]->(m) | m.key][0]} AS second, r.note AS note
                        ORDER BY first.key, second.key""")
                .bind(Rows.params(people)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(Rows.itemId(r.get("id")), new ConflictLine(
                        List.of(Rows.stakeholder(r.get("first")), Rows.stakeholder(r.get("second"))),
                        Rows.str(r.get("note")))))
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
        return Rows.group(neo4j.query(byOpportunity ? INVOLVEMENTS_IN_OPPORTUNITIES : INVOLVEMENTS_OF_PEOPLE)
                .bind(Rows.params(ids)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(Rows.itemId(r.get("id")), new Involvement(
                        Rows.opportunity(r.get("o"), Rows.str(r.get("competitor"))), Rows.stakeholder(r.get("s")),
                        Rows.strings(r.get("i").get("roles")), Rows.str(r.get("i"), "status"))))
                .all());
    }
}
